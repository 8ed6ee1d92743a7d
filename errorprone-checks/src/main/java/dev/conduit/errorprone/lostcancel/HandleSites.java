package dev.conduit.errorprone.lostcancel;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * The cheap, syntactic half of LostCancel: finds the handles a method or lambda body creates (not
 * those of nested lambdas and classes, which are analysed on their own) and sorts each by where its
 * value goes.
 */
final class HandleSites {

  /** Where a created handle goes. */
  public enum Fate {
    /** Into a local that can release it: the flow analysis decides. */
    TRACKED,
    /** Nowhere that can release it: unused, or kept or passed only as a plain Context. */
    DISCARDED,
    /** Returned, stored in a field or array, or handed to an owner: its release is elsewhere. */
    HANDED_OVER
  }

  /**
   * One handle creation.
   *
   * @param creation the factory call
   * @param kind what kind of handle it creates
   * @param fate where its value goes
   * @param discardReason for {@link Fate#DISCARDED}, why, e.g. "its result is unused"
   */
  public record Site(
      ExpressionTree creation, CancelHandles.Kind kind, Fate fate, String discardReason) {}

  private HandleSites() {}

  /** The handle creations in {@code body}, whose path is {@code bodyPath}. */
  public static List<Site> find(TreePath bodyPath, CancelHandles handles, VisitorState state) {
    List<Site> sites = new ArrayList<>();
    Tree root = bodyPath.getLeaf();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return tree == root ? super.visitLambdaExpression(tree, null) : null;
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        consider(tree);
        return super.visitMethodInvocation(tree, null);
      }

      @Override
      public Void visitNewClass(NewClassTree tree, Void unused) {
        consider(tree);
        return tree.getClassBody() == null ? super.visitNewClass(tree, null) : null;
      }

      private void consider(ExpressionTree tree) {
        CancelHandles.Kind kind = handles.created(tree, state);
        if (kind != null) {
          sites.add(classify(tree, kind, getCurrentPath(), handles, state));
        }
      }
    }.scan(bodyPath, null);
    return sites;
  }

  private static Site classify(
      ExpressionTree creation,
      CancelHandles.Kind kind,
      TreePath path,
      CancelHandles handles,
      VisitorState state) {
    Tree child = creation;
    TreePath parentPath = path.getParentPath();
    Type handleType = ASTHelpers.getType(creation);
    while (parentPath != null) {
      Tree leaf = parentPath.getLeaf();
      if (leaf instanceof ParenthesizedTree
          || leaf instanceof TypeCastTree
          || leaf instanceof ConditionalExpressionTree c && c.getCondition() != child) {
        child = leaf;
        parentPath = parentPath.getParentPath();
      } else if (fluentCall(leaf, child, parentPath, handleType, kind, handles, state)
          instanceof MethodInvocationTree call) {
        // builder.add(x).build(): a method that returns the handle itself continues the chain.
        child = call;
        parentPath = parentPath.getParentPath().getParentPath();
      } else {
        break;
      }
    }
    Tree parent = parentPath == null ? null : parentPath.getLeaf();
    if (parent instanceof ExpressionStatementTree) {
      return discarded(creation, kind, "its result is unused");
    }
    if (parent instanceof VariableTree variable) {
      return intoVariable(creation, kind, ASTHelpers.getSymbol(variable), state);
    }
    if (parent instanceof AssignmentTree assignment
        && ASTHelpers.getSymbol(assignment.getVariable()) instanceof VarSymbol variable) {
      return intoVariable(creation, kind, variable, state);
    }
    if (parent instanceof LambdaExpressionTree lambda) {
      Type descriptor = state.getTypes().findDescriptorType(ASTHelpers.getType(lambda));
      return descriptor.getReturnType().getKind() == TypeKind.VOID
          ? discarded(creation, kind, "the lambda drops it")
          : handedOver(creation, kind);
    }
    if (parent instanceof MemberSelectTree select && select.getExpression() == child) {
      String method = select.getIdentifier().toString();
      return CancelHandles.releases(kind, method)
          ? handedOver(creation, kind)
          : discarded(creation, kind, "only its " + method + "() is used");
    }
    if (parent instanceof MethodInvocationTree || parent instanceof NewClassTree) {
      return intoArgument(creation, kind, parent, child, state);
    }
    return handedOver(creation, kind);
  }

  /**
   * The call {@code child.m(...)} if {@code m} is not a release or a factory and returns the
   * handle's own type (a fluent {@code return this}), else null.
   */
  private static @Nullable MethodInvocationTree fluentCall(
      Tree leaf,
      Tree child,
      TreePath parentPath,
      @Nullable Type handleType,
      CancelHandles.Kind kind,
      CancelHandles handles,
      VisitorState state) {
    if (!(leaf instanceof MemberSelectTree select)
        || select.getExpression() != child
        || handleType == null
        || CancelHandles.releases(kind, select.getIdentifier().toString())
        || parentPath.getParentPath() == null
        || !(parentPath.getParentPath().getLeaf() instanceof MethodInvocationTree call)
        || handles.created(call, state) != null) {
      return null;
    }
    Type result = ASTHelpers.getType(call);
    return result != null
            && state
                .getTypes()
                .isSameType(state.getTypes().erasure(result), state.getTypes().erasure(handleType))
        ? call
        : null;
  }

  private static Site intoVariable(
      ExpressionTree creation, CancelHandles.Kind kind, VarSymbol variable, VisitorState state) {
    boolean local =
        variable.getKind() == ElementKind.LOCAL_VARIABLE
            || variable.getKind() == ElementKind.RESOURCE_VARIABLE;
    if (!local) {
      return handedOver(creation, kind); // a field or array owner releases it later
    }
    if (!CancelHandles.canRelease(variable.asType(), kind, state)) {
      return discarded(
          creation,
          kind,
          "it is kept only as a "
              + variable.asType().tsym.getSimpleName()
              + ", which cannot release it");
    }
    return new Site(creation, kind, Fate.TRACKED, "");
  }

  private static Site intoArgument(
      ExpressionTree creation,
      CancelHandles.Kind kind,
      Tree call,
      Tree argument,
      VisitorState state) {
    Symbol symbol = ASTHelpers.getSymbol(call);
    List<? extends ExpressionTree> arguments =
        call instanceof MethodInvocationTree invocation
            ? invocation.getArguments()
            : ((NewClassTree) call).getArguments();
    int index = arguments.indexOf(argument);
    if (!(symbol instanceof MethodSymbol method) || index < 0 || method.getParameters().isEmpty()) {
      return handedOver(creation, kind);
    }
    VarSymbol parameter =
        method.getParameters().get(Math.min(index, method.getParameters().size() - 1));
    Type type = parameter.asType();
    if (method.isVarArgs()
        && index >= method.getParameters().size() - 1
        && state.getTypes().elemtype(type) != null) {
      type = state.getTypes().elemtype(type);
    }
    return CancelHandles.canRelease(type, kind, state)
        ? handedOver(creation, kind)
        : discarded(
            creation,
            kind,
            "it is passed only as a " + type.tsym.getSimpleName() + ", which cannot release it");
  }

  private static Site discarded(ExpressionTree creation, CancelHandles.Kind kind, String reason) {
    return new Site(creation, kind, Fate.DISCARDED, reason);
  }

  private static Site handedOver(ExpressionTree creation, CancelHandles.Kind kind) {
    return new Site(creation, kind, Fate.HANDED_OVER, "");
  }
}
