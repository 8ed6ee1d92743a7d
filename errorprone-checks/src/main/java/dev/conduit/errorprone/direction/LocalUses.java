package dev.conduit.errorprone.direction;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCNewClass;
import dev.conduit.errorprone.common.ChannelUses;
import dev.conduit.errorprone.direction.Slots.Slot;
import dev.conduit.vocabulary.Direction;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether a local channel could be declared with a direction without any of its uses becoming a
 * {@code ChannelDirection} finding: each operation on it must be one the direction permits, each
 * value assigned to it must narrow to the direction, and each place it flows into must accept it. A
 * use this class does not understand (a cast, a conditional, a {@code var} that would inherit the
 * direction) answers no: a fix is offered only where it is known to be safe.
 */
final class LocalUses {
  private LocalUses() {}

  static boolean allowDirection(
      VarSymbol variable, Direction direction, TreePath member, VisitorState state) {
    boolean[] safe = {true};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        if (safe[0] && ASTHelpers.getSymbol(identifier) == variable) {
          safe[0] = useAllows(getCurrentPath(), direction, state);
        }
        return null;
      }
    }.scan(member, null);
    return safe[0];
  }

  /** Whether the use of the local at {@code use} stays legal once it has {@code direction}. */
  private static boolean useAllows(TreePath use, Direction direction, VisitorState state) {
    Tree leaf = use.getLeaf();
    TreePath parentPath = use.getParentPath();
    Tree parent = parentPath.getLeaf();
    VisitorState here = state.withPath(parentPath);
    if (parent instanceof MemberSelectTree select && select.getExpression() == leaf) {
      Tree call = parentPath.getParentPath().getLeaf();
      if (call instanceof MethodInvocationTree invocation
          && invocation.getMethodSelect() == select) {
        return ChannelUses.of(invocation, here)
            .map(u -> u.kind().permittedBy(direction))
            .orElse(true);
      }
      return false;
    }
    if (parent instanceof MemberReferenceTree reference) {
      return ChannelUses.of(reference, here).map(u -> u.kind().permittedBy(direction)).orElse(true);
    }
    if (parent instanceof EnhancedForLoopTree loop && loop.getExpression() == leaf) {
      return direction.permitsReceive();
    }
    if (parent instanceof AssignmentTree assignment) {
      if (assignment.getVariable() == leaf) {
        // A later assignment to the local: its value must narrow to the new direction.
        return ChannelDirections.of(assignment.getExpression(), here)
            .direction()
            .assignableTo(direction, true);
      }
      return ASTHelpers.getSymbol(assignment.getVariable()) instanceof VarSymbol target
          && accepts(Slots.variable(target, here), direction);
    }
    if (parent instanceof VariableTree declared && declared.getInitializer() == leaf) {
      // A var would inherit the direction and pass it on to its own uses: not followed.
      return !ASTHelpers.hasImplicitType(declared, here)
          && accepts(Slots.variable(ASTHelpers.getSymbol(declared), here), direction);
    }
    if (parent instanceof MethodInvocationTree invocation) {
      return argumentAllows(
          invocation.getArguments(),
          leaf,
          ASTHelpers.getSymbol(invocation),
          receiverType(invocation),
          ((JCMethodInvocation) invocation).varargsElement != null,
          direction,
          here,
          ChannelUses.of(invocation, here));
    }
    if (parent instanceof NewClassTree creation) {
      return argumentAllows(
          creation.getArguments(),
          leaf,
          ASTHelpers.getSymbol(creation),
          ASTHelpers.getType(creation),
          ((JCNewClass) creation).varargsElement != null,
          direction,
          here,
          Optional.empty());
    }
    if (parent instanceof ReturnTree) {
      Tree enclosing = here.findEnclosing(LambdaExpressionTree.class, MethodTree.class);
      Slot slot =
          enclosing instanceof MethodTree method
              ? Slots.returnOf(ASTHelpers.getSymbol(method), here)
              : Slots.lambdaResult((LambdaExpressionTree) enclosing, here);
      return accepts(slot, direction);
    }
    if (parent instanceof LambdaExpressionTree lambda && lambda.getBody() == leaf) {
      return accepts(Slots.lambdaResult(lambda, here), direction);
    }
    // Comparing channels for identity needs no direction.
    return parent instanceof BinaryTree binary
        && (binary.getKind() == Tree.Kind.EQUAL_TO || binary.getKind() == Tree.Kind.NOT_EQUAL_TO);
  }

  private static boolean argumentAllows(
      List<? extends ExpressionTree> arguments,
      Tree leaf,
      @Nullable MethodSymbol method,
      com.sun.tools.javac.code.@Nullable Type owner,
      boolean varargsCall,
      Direction direction,
      VisitorState state,
      Optional<ChannelUses.Use> selectClause) {
    int index = arguments.indexOf(leaf);
    if (index < 0 || method == null) {
      return false;
    }
    if (ChannelUses.isConduitApi(method)) {
      // Conduit's API takes either direction, except a select clause, which is an operation.
      return selectClause
          .filter(use -> use.channel() == leaf)
          .map(use -> use.kind().permittedBy(direction))
          .orElse(true);
    }
    return accepts(Slots.parameter(method, index, owner, varargsCall, state), direction);
  }

  private static com.sun.tools.javac.code.@Nullable Type receiverType(
      MethodInvocationTree invocation) {
    ExpressionTree receiver = ASTHelpers.getReceiver(invocation);
    return receiver == null ? null : ASTHelpers.getType(receiver);
  }

  /** ChannelDirection's flow rule for a value of {@code direction} entering {@code slot}. */
  private static boolean accepts(@Nullable Slot slot, Direction direction) {
    if (slot == null) {
      return true;
    }
    boolean receivable = direction == Direction.SEND_ONLY && slot.readable();
    return !receivable && direction.assignableTo(slot.direction(), slot.channelTyped());
  }
}
