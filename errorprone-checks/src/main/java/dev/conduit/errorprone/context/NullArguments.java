package dev.conduit.errorprone.context;

import com.google.errorprone.VisitorState;
import com.google.errorprone.dataflow.nullnesspropagation.Nullness;
import com.google.errorprone.dataflow.nullnesspropagation.NullnessAnalysis;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.conduit.errorprone.common.Declarations;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Finds an argument that is null by construction: the literal, a cast of it, a conditional with a
 * branch that is, or a local that holds null on every path reaching the call. "Every path" is Error
 * Prone's nullness dataflow saying {@link Nullness#NULL}; a local that is null on some paths only
 * ({@link Nullness#NULLABLE}) is not reported, since correlated branches ({@code if (a) c = ctx;
 * ... if (a) f(c);}) are common and the dataflow cannot see that they agree.
 */
final class NullArguments {

  private NullArguments() {}

  /**
   * The part of {@code argument} that is null: the argument itself when it is the literal, a cast
   * of it or a local still null here, the null branch of a conditional; or null when the argument
   * is not null by construction. {@code state}'s path must be the call that takes the argument.
   */
  public static @Nullable ExpressionTree nullLiteralIn(
      ExpressionTree argument, VisitorState state) {
    return nullPart(argument, new TreePath(state.getPath(), argument), state);
  }

  private static @Nullable ExpressionTree nullPart(
      ExpressionTree tree, TreePath path, VisitorState state) {
    ExpressionTree expression = tree;
    TreePath at = path;
    while (true) {
      ExpressionTree inner =
          switch (expression) {
            case com.sun.source.tree.ParenthesizedTree parens -> parens.getExpression();
            case TypeCastTree cast -> cast.getExpression();
            default -> null;
          };
      if (inner == null) {
        break;
      }
      at = new TreePath(at, inner);
      expression = inner;
    }
    return switch (expression) {
      case ConditionalExpressionTree conditional -> {
        ExpressionTree whenTrue =
            nullPart(
                conditional.getTrueExpression(),
                new TreePath(at, conditional.getTrueExpression()),
                state);
        yield whenTrue != null
            ? whenTrue
            : nullPart(
                conditional.getFalseExpression(),
                new TreePath(at, conditional.getFalseExpression()),
                state);
      }
      case IdentifierTree identifier -> stillNull(identifier, at, state) ? tree : null;
      default -> expression.getKind() == Tree.Kind.NULL_LITERAL ? tree : null;
    };
  }

  private static boolean stillNull(IdentifierTree identifier, TreePath path, VisitorState state) {
    if (!(ASTHelpers.getSymbol(identifier) instanceof VarSymbol local)
        || local.getKind() != ElementKind.LOCAL_VARIABLE) {
      return false;
    }
    // Never reassigned and initialized to null: null everywhere, inside lambdas that capture it
    // too (which the dataflow of the lambda's own body cannot know).
    if ((local.flags() & (Flags.FINAL | Flags.EFFECTIVELY_FINAL)) != 0
        && Declarations.find(local, state) instanceof VariableTree declaration
        && declaration.getInitializer() != null
        && ASTHelpers.stripParentheses(declaration.getInitializer()).getKind()
            == Tree.Kind.NULL_LITERAL) {
      return true;
    }
    return NullnessAnalysis.instance(state.context).getNullness(path, state.context)
        == Nullness.NULL;
  }
}
