package dev.conduit.errorprone.direction;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import dev.conduit.errorprone.common.ChannelTypes;
import dev.conduit.errorprone.common.Declarations;
import dev.conduit.vocabulary.ConduitTypes;
import dev.conduit.vocabulary.Direction;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;

/**
 * The fixes for a directional channel that initializes or is assigned to a local declared without a
 * direction ({@code Channel<T> src = gen()} where {@code gen} returns {@code @ReceiveOnly}): Go
 * would have inferred {@code <-chan T}, so declare it. First fix: annotate the declaration
 * ({@code @ReceiveOnly Channel<T> src = gen()}, importing the annotation where it can); second,
 * where the initializer has exactly the declared type: {@code var src = gen()}, which takes the
 * initializer's direction.
 *
 * <p>Only offered where it is safe: a local (not a field or parameter, whose direction is part of
 * an API), declared alone in a block, whose every use and assignment stays legal under the new
 * direction ({@link LocalUses}). Where one would become a finding, no fix: the code needs a
 * decision, not a mechanical edit.
 */
final class DeclareDirectionFix {
  private static final String ANNOTATIONS = ConduitTypes.ANNOTATIONS_PACKAGE + ".";

  private DeclareDirectionFix() {}

  /**
   * The fixes, best first, for declaring {@code variable} with {@code direction}; empty when none
   * is safe.
   *
   * @param initializerFinding whether the finding is on the declaration's own initializer (only
   *     then can {@code var} take the direction from it)
   */
  public static List<SuggestedFix> forLocal(
      VarSymbol variable, Direction direction, boolean initializerFinding, VisitorState state) {
    if (direction == Direction.BOTH || variable.getKind() != ElementKind.LOCAL_VARIABLE) {
      return List.of();
    }
    if (!(Declarations.find(variable, state) instanceof VariableTree declaration)
        || ASTHelpers.hasImplicitType(declaration, state)
        || !ChannelTypes.isChannel(variable.asType(), state)) {
      return List.of();
    }
    ExpressionTree initializer = declaration.getInitializer();
    if (initializer != null
        && !ChannelDirections.of(initializer, state).direction().assignableTo(direction, true)) {
      return List.of(); // initialized with the opposite direction: already a finding of its own
    }
    TreePath member = enclosingMember(state.getPath());
    if (member == null
        || !declaredAloneInABlock(declaration, member)
        || !LocalUses.allowDirection(variable, direction, member, state)) {
      return List.of();
    }
    List<SuggestedFix> fixes = new ArrayList<>();
    SuggestedFix.Builder annotate = SuggestedFix.builder();
    String name =
        SuggestedFixes.qualifyType(
            state,
            annotate,
            ANNOTATIONS + (direction == Direction.SEND_ONLY ? "SendOnly" : "ReceiveOnly"));
    fixes.add(annotate.prefixWith(declaration, "@" + name + " ").build());
    if (initializerFinding && sameTypeAsInitializer(declaration, variable, state)) {
      fixes.add(SuggestedFix.replace(declaration.getType(), "var"));
    }
    return fixes;
  }

  /**
   * {@code var} keeps every later use compiling only if it infers exactly the declared type: a
   * subtype or a different type argument could change overloads and assignments.
   */
  private static boolean sameTypeAsInitializer(
      VariableTree declaration, VarSymbol variable, VisitorState state) {
    ExpressionTree initializer = declaration.getInitializer();
    Type initialized = initializer == null ? null : ASTHelpers.getType(initializer);
    return initialized != null
        && declaration.getModifiers().getAnnotations().isEmpty()
        && state.getTypes().isSameType(initialized, variable.asType());
  }

  /** The method, initializer block or field whose body holds the current path. */
  private static TreePath enclosingMember(TreePath path) {
    for (TreePath p = path; p != null && p.getParentPath() != null; p = p.getParentPath()) {
      if (p.getParentPath().getLeaf() instanceof ClassTree) {
        return p;
      }
    }
    return null;
  }

  /**
   * A declaration that is a statement of a block and does not share its type with a neighbour
   * ({@code Channel<T> a = x, b = y;} is two trees over one type: annotating one would annotate
   * both).
   */
  private static boolean declaredAloneInABlock(VariableTree declaration, TreePath member) {
    BlockTree[] parent = new BlockTree[1];
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitBlock(BlockTree block, Void unused) {
        if (block.getStatements().contains(declaration)) {
          parent[0] = block;
        }
        return super.visitBlock(block, null);
      }
    }.scan(member.getLeaf(), null);
    if (parent[0] == null) {
      return false;
    }
    int typeStart = ((JCTree) declaration.getType()).getStartPosition();
    for (Tree statement : parent[0].getStatements()) {
      if (statement != declaration
          && statement instanceof VariableTree other
          && ((JCTree) other.getType()).getStartPosition() == typeStart) {
        return false;
      }
    }
    return true;
  }
}
