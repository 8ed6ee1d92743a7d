package dev.conduit.errorprone.flow;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Go's "a slot per item of work": {@code out := make(chan T, len(items))} followed by one loop over
 * {@code items} (or {@code for i := 0; i < n; i++} with {@code make(chan T, n)}) that sends at most
 * once per round, and no send anywhere else. The buffer then holds every value the method can send,
 * so no send can block, whoever receives. A loop whose round sends many values (a merge forwarding
 * every value of every input) or a second loop over the same items does not qualify.
 */
final class SlotPerItem {

  /** What the capacity counts: a collection's size, an array's length, or an int variable. */
  private record Bound(@Nullable Symbol items, @Nullable Symbol count, @Nullable Object constant) {}

  private static final java.util.Set<Tree.Kind> STEPS =
      java.util.EnumSet.of(
          Tree.Kind.PREFIX_INCREMENT,
          Tree.Kind.POSTFIX_INCREMENT,
          Tree.Kind.PREFIX_DECREMENT,
          Tree.Kind.POSTFIX_DECREMENT);

  private SlotPerItem() {}

  /** Whether the sends to {@code channel} among {@code after} fit its capacity expression. */
  static boolean coversEverySend(
      VarSymbol channel,
      ExpressionTree capacity,
      List<? extends StatementTree> after,
      VisitorState state) {
    Bound bound = bound(capacity);
    if (bound == null) {
      return false;
    }
    SendCount count = new SendCount(channel, state);
    StatementTree sendingLoop = null;
    for (StatementTree statement : after) {
      if (count.all(List.of(statement)) == 0) {
        continue;
      }
      StatementTree loop = unlabel(statement);
      StatementTree body = roundOf(loop, bound, state);
      if (sendingLoop != null || body == null || count.all(List.of(body)) > 1) {
        return false;
      }
      sendingLoop = loop;
    }
    return sendingLoop != null;
  }

  private static @Nullable Bound bound(ExpressionTree capacity) {
    ExpressionTree expression = ASTHelpers.stripParentheses(capacity);
    Object constant = ASTHelpers.constValue(expression);
    if (constant instanceof Integer) {
      return new Bound(null, null, constant);
    }
    Symbol items = itemsOf(expression);
    if (items != null) {
      return new Bound(items, null, null);
    }
    Symbol count = ASTHelpers.getSymbol(expression);
    return count instanceof VarSymbol var && isFixed(var) ? new Bound(null, var, null) : null;
  }

  /** {@code items.size()} or {@code array.length} on a variable that is never reassigned. */
  private static @Nullable Symbol itemsOf(ExpressionTree expression) {
    ExpressionTree owner = null;
    if (expression instanceof MethodInvocationTree call
        && call.getArguments().isEmpty()
        && call.getMethodSelect() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("size")) {
      owner = select.getExpression();
    } else if (expression instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("length")
        && ASTHelpers.getType(select.getExpression()) instanceof Type.ArrayType) {
      owner = select.getExpression();
    }
    return owner != null && ASTHelpers.getSymbol(owner) instanceof VarSymbol var && isFixed(var)
        ? var
        : null;
  }

  private static boolean isFixed(VarSymbol var) {
    return (var.flags() & (Flags.FINAL | Flags.EFFECTIVELY_FINAL)) != 0;
  }

  private static StatementTree unlabel(StatementTree statement) {
    return statement instanceof LabeledStatementTree labeled
        ? unlabel(labeled.getStatement())
        : statement;
  }

  /** The body of {@code loop} when it runs once per item the bound counts, else null. */
  private static @Nullable StatementTree roundOf(
      StatementTree loop, Bound bound, VisitorState state) {
    if (loop instanceof EnhancedForLoopTree each) {
      return bound.items() != null
              && ASTHelpers.getSymbol(ASTHelpers.stripParentheses(each.getExpression()))
                  == bound.items()
          ? each.getStatement()
          : null;
    }
    if (!(loop instanceof ForLoopTree counted)
        || counted.getInitializer().size() != 1
        || !(counted.getInitializer().get(0) instanceof VariableTree index)
        || !(index.getInitializer() instanceof LiteralTree zero)
        || !Objects.equals(zero.getValue(), 0)
        || counted.getUpdate().size() != 1
        || !(ASTHelpers.stripParentheses(counted.getCondition()) instanceof BinaryTree test)
        || test.getKind() != Tree.Kind.LESS_THAN) {
      return null;
    }
    Symbol i = ASTHelpers.getSymbol(index);
    if (ASTHelpers.getSymbol(ASTHelpers.stripParentheses(test.getLeftOperand())) != i
        || !sameBound(test.getRightOperand(), bound)
        || !incrementsByOne(counted.getUpdate().get(0), i)
        || assigns(counted.getStatement(), i)) {
      return null;
    }
    return counted.getStatement();
  }

  private static boolean sameBound(ExpressionTree limit, Bound bound) {
    Bound other = bound(limit);
    return other != null && other.equals(bound);
  }

  private static boolean incrementsByOne(ExpressionStatementTree update, Symbol i) {
    ExpressionTree expression = update.getExpression();
    if (expression instanceof UnaryTree unary
        && (unary.getKind() == Tree.Kind.POSTFIX_INCREMENT
            || unary.getKind() == Tree.Kind.PREFIX_INCREMENT)) {
      return ASTHelpers.getSymbol(unary.getExpression()) == i;
    }
    return expression instanceof CompoundAssignmentTree compound
        && compound.getKind() == Tree.Kind.PLUS_ASSIGNMENT
        && ASTHelpers.getSymbol(compound.getVariable()) == i
        && Objects.equals(ASTHelpers.constValue(compound.getExpression()), 1);
  }

  /** Whether the loop body changes the index, so that a round is no longer one item. */
  private static boolean assigns(StatementTree body, Symbol i) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        found[0] |= ASTHelpers.getSymbol(tree.getVariable()) == i;
        return super.visitAssignment(tree, null);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        found[0] |= ASTHelpers.getSymbol(tree.getVariable()) == i;
        return super.visitCompoundAssignment(tree, null);
      }

      @Override
      public Void visitUnary(UnaryTree tree, Void unused) {
        found[0] |=
            STEPS.contains(tree.getKind()) && ASTHelpers.getSymbol(tree.getExpression()) == i;
        return super.visitUnary(tree, null);
      }
    }.scan(body, null);
    return found[0];
  }
}
