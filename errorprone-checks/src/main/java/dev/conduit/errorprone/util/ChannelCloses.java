package dev.conduit.errorprone.util;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Follows the paths through one body of code (a method's or a lambda's) and reports each channel
 * {@code close()} that a path reaches while the same variable may already be closed: closed earlier
 * on the path, or on an earlier round of a loop, and not reassigned since. A goroutine started from
 * the body counts as closing, at its start, every outer channel it closes.
 *
 * <p>The state is "may be closed, first closed by which call", joined over branches; a {@code
 * return} or {@code throw} ends its path; a loop body is walked twice so that the second round sees
 * what the first left closed.
 */
public final class ChannelCloses {

  private final VisitorState state;
  private final BiConsumer<MethodInvocationTree, MethodInvocationTree> report;
  private final Deque<Map<VarSymbol, MethodInvocationTree>> breaks = new ArrayDeque<>();
  private final Deque<Map<VarSymbol, MethodInvocationTree>> continues = new ArrayDeque<>();

  /**
   * @param report called with each close that may close an already closed channel, and the close
   *     that may have closed it first
   */
  public ChannelCloses(
      VisitorState state, BiConsumer<MethodInvocationTree, MethodInvocationTree> report) {
    this.state = state;
    this.report = report;
  }

  /** Walks {@code body}, a block or a lambda's expression. */
  public void walk(Tree body) {
    if (body instanceof BlockTree block) {
      block(block.getStatements(), new HashMap<>());
    } else {
      expression(body, new HashMap<>());
    }
  }

  private @Nullable Map<VarSymbol, MethodInvocationTree> block(
      List<? extends StatementTree> statements, @Nullable Map<VarSymbol, MethodInvocationTree> in) {
    Map<VarSymbol, MethodInvocationTree> current = in;
    for (StatementTree statement : statements) {
      if (current == null) {
        return null; // The rest is unreachable.
      }
      current = statement(statement, current);
    }
    return current;
  }

  /** The state after {@code tree} completes normally, or null when it never does. */
  private @Nullable Map<VarSymbol, MethodInvocationTree> statement(
      @Nullable StatementTree tree, Map<VarSymbol, MethodInvocationTree> in) {
    Map<VarSymbol, MethodInvocationTree> s = new HashMap<>(in);
    switch (tree) {
      case null -> {
        return s;
      }
      case BlockTree block -> {
        return block(block.getStatements(), s);
      }
      case ExpressionStatementTree expression -> expression(expression.getExpression(), s);
      case VariableTree variable -> {
        expression(variable.getInitializer(), s);
        s.remove(ASTHelpers.getSymbol(variable)); // Declared again each round: a new channel.
      }
      case ReturnTree ret -> {
        expression(ret.getExpression(), s);
        return null;
      }
      case ThrowTree thrown -> {
        expression(thrown.getExpression(), s);
        return null;
      }
      case BreakTree unused -> {
        if (!breaks.isEmpty()) {
          join(breaks.peek(), s);
        }
        return null;
      }
      case ContinueTree unused -> {
        if (!continues.isEmpty()) {
          join(continues.peek(), s);
        }
        return null;
      }
      case IfTree ifTree -> {
        expression(ifTree.getCondition(), s);
        // if (!ch.isClosed()) ch.close(): the author checked; trust the check.
        forgetChecked(ifTree.getCondition(), s);
        return union(
            statement(ifTree.getThenStatement(), s),
            ifTree.getElseStatement() == null ? s : statement(ifTree.getElseStatement(), s));
      }
      case LabeledStatementTree labeled -> {
        return statement(labeled.getStatement(), s);
      }
      case SynchronizedTree sync -> {
        expression(sync.getExpression(), s);
        return block(sync.getBlock().getStatements(), s);
      }
      case WhileLoopTree loop -> {
        return loop(loop.getCondition(), null, loop.getStatement(), s);
      }
      case DoWhileLoopTree loop -> {
        return loop(loop.getCondition(), null, loop.getStatement(), s);
      }
      case EnhancedForLoopTree loop -> {
        expression(loop.getExpression(), s);
        return loop(null, null, loop.getStatement(), s);
      }
      case ForLoopTree loop -> {
        Map<VarSymbol, MethodInvocationTree> init = block(loop.getInitializer(), s);
        return init == null
            ? null
            : loop(loop.getCondition(), loop.getUpdate(), loop.getStatement(), init);
      }
      case TryTree tryTree -> {
        return tryStatement(tryTree, s);
      }
      case SwitchTree switchTree -> {
        return switchStatement(switchTree, s);
      }
      default -> expression(tree, s);
    }
    return s;
  }

  private @Nullable Map<VarSymbol, MethodInvocationTree> loop(
      @Nullable ExpressionTree condition,
      @Nullable List<? extends StatementTree> update,
      StatementTree body,
      Map<VarSymbol, MethodInvocationTree> in) {
    Map<VarSymbol, MethodInvocationTree> exits = new HashMap<>();
    Map<VarSymbol, MethodInvocationTree> head = new HashMap<>(in);
    // Two rounds: the second starts from what the first may have left closed.
    for (int round = 0; round < 2; round++) {
      Set<VarSymbol> closedAtStart = Set.copyOf(head.keySet());
      expression(condition, head);
      join(exits, head);
      breaks.push(new HashMap<>());
      continues.push(new HashMap<>());
      Map<VarSymbol, MethodInvocationTree> end = null;
      try {
        end = statement(body, head);
      } finally {
        join(exits, breaks.pop());
        head = union(head, continues.pop());
      }
      if (end != null) {
        join(head, end);
      }
      if (update != null) {
        head = block(update, head);
        if (head == null) {
          break;
        }
      }
      if (head.keySet().equals(closedAtStart)) {
        break; // Nothing new may be closed at the head: a second round would report nothing new.
      }
    }
    return exits;
  }

  private @Nullable Map<VarSymbol, MethodInvocationTree> tryStatement(
      TryTree tree, Map<VarSymbol, MethodInvocationTree> in) {
    Map<VarSymbol, MethodInvocationTree> body = block(tree.getBlock().getStatements(), in);
    // A handler may run after any part of the body: start it from everything the body closes.
    Map<VarSymbol, MethodInvocationTree> anywhere = new HashMap<>(in);
    closesAnywhere(tree.getBlock(), anywhere);
    // ...except a close that ends the body: nothing after it can throw into the handler, so
    // try { produce(); ch.close(); } catch (E e) { ch.close(); throw e; } closes once.
    Map<VarSymbol, MethodInvocationTree> beforeHandler = new HashMap<>(anywhere);
    List<? extends StatementTree> statements = tree.getBlock().getStatements();
    if (!statements.isEmpty()
        && statements.get(statements.size() - 1) instanceof ExpressionStatementTree last
        && last.getExpression() instanceof MethodInvocationTree call
        && closedVariable(call) instanceof VarSymbol closed
        && beforeHandler.get(closed) == call) {
      beforeHandler.remove(closed);
    }
    Map<VarSymbol, MethodInvocationTree> normal = body;
    for (CatchTree handler : tree.getCatches()) {
      normal = union(normal, block(handler.getBlock().getStatements(), beforeHandler));
    }
    if (tree.getFinallyBlock() == null) {
      return normal;
    }
    Map<VarSymbol, MethodInvocationTree> cleanupIn = union(new HashMap<>(anywhere), normal);
    Map<VarSymbol, MethodInvocationTree> cleanup =
        block(tree.getFinallyBlock().getStatements(), cleanupIn);
    return normal == null ? null : cleanup;
  }

  private @Nullable Map<VarSymbol, MethodInvocationTree> switchStatement(
      SwitchTree tree, Map<VarSymbol, MethodInvocationTree> in) {
    expression(tree.getExpression(), in);
    Map<VarSymbol, MethodInvocationTree> out = new HashMap<>(in); // no case taken
    Map<VarSymbol, MethodInvocationTree> fallthrough = null;
    breaks.push(new HashMap<>());
    try {
      for (CaseTree caseTree : tree.getCases()) {
        Map<VarSymbol, MethodInvocationTree> start = union(new HashMap<>(in), fallthrough);
        Map<VarSymbol, MethodInvocationTree> end =
            caseTree.getCaseKind() == CaseTree.CaseKind.RULE
                ? (caseTree.getBody() instanceof StatementTree body
                    ? statement(body, start)
                    : expression(caseTree.getBody(), start))
                : block(caseTree.getStatements(), start);
        fallthrough = caseTree.getCaseKind() == CaseTree.CaseKind.RULE ? null : end;
        out = union(out, end);
      }
    } finally {
      out = union(out, breaks.pop());
    }
    return out;
  }

  /** Closes and reassignments inside an expression, in evaluation order. */
  private Map<VarSymbol, MethodInvocationTree> expression(
      @Nullable Tree tree, Map<VarSymbol, MethodInvocationTree> s) {
    if (tree == null) {
      return s;
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        super.visitMethodInvocation(call, null);
        VarSymbol closed = closedVariable(call);
        if (closed != null) {
          close(closed, call, s);
        }
        if (Goroutines.isLaunch(call, state)) {
          Goroutines.launchedBodies(call).forEach(body -> goroutineCloses(body, s));
        }
        return null;
      }

      @Override
      public Void visitNewClass(NewClassTree newClass, Void unused) {
        super.visitNewClass(newClass, null);
        if (Goroutines.isLaunch(newClass, state)) {
          Goroutines.launchedBodies(newClass).forEach(body -> goroutineCloses(body, s));
        }
        return null;
      }

      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        super.visitAssignment(assignment, null);
        VarSymbol target = ConduitApi.variable(assignment.getVariable());
        if (target != null) {
          s.remove(target); // A new channel: closing it is no double close.
        }
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        return null; // Its own body of code, walked on its own.
      }

      @Override
      public Void visitClass(ClassTree local, Void unused) {
        return null;
      }
    }.scan(tree, null);
    return s;
  }

  /** A goroutine closes the outer channels it closes, as far as this body can tell at its start. */
  private void goroutineCloses(Tree body, Map<VarSymbol, MethodInvocationTree> s) {
    Map<VarSymbol, MethodInvocationTree> inside = new HashMap<>();
    closesAnywhere(body, inside);
    int start = ((com.sun.tools.javac.tree.JCTree) body).getStartPosition();
    int end = state.getEndPosition(body);
    inside.forEach(
        (variable, call) -> {
          Tree declaration = Declarations.find(variable, state);
          int at =
              declaration == null
                  ? -1
                  : ((com.sun.tools.javac.tree.JCTree) declaration).getStartPosition();
          if (at < start || at >= end) { // Declared outside the goroutine: shared with this body.
            close(variable, call, s);
          }
        });
  }

  private void close(
      VarSymbol variable, MethodInvocationTree call, Map<VarSymbol, MethodInvocationTree> s) {
    MethodInvocationTree earlier = s.get(variable);
    if (earlier != null) {
      report.accept(call, earlier);
    } else {
      s.put(variable, call);
    }
  }

  private void closesAnywhere(Tree tree, Map<VarSymbol, MethodInvocationTree> into) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        VarSymbol closed = closedVariable(call);
        if (closed != null) {
          into.putIfAbsent(closed, call);
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(tree, null);
  }

  /** The variable {@code call} closes, when it is {@code x.close()} on a Conduit channel. */
  private @Nullable VarSymbol closedVariable(MethodInvocationTree call) {
    if (!call.getArguments().isEmpty()
        || !(call.getMethodSelect() instanceof MemberSelectTree select)
        || !select.getIdentifier().contentEquals("close")) {
      return null;
    }
    VarSymbol variable = ConduitApi.variable(select.getExpression());
    boolean tracked =
        variable != null
            && (!(variable.owner instanceof com.sun.tools.javac.code.Symbol.ClassSymbol)
                // A field another method may reassign is only followed when it is final.
                || (variable.flags() & com.sun.tools.javac.code.Flags.FINAL) != 0);
    return tracked && ConduitApi.isChannel(variable.type, state) ? variable : null;
  }

  private void forgetChecked(ExpressionTree condition, Map<VarSymbol, MethodInvocationTree> s) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (call.getMethodSelect() instanceof MemberSelectTree select
            && select.getIdentifier().contentEquals("isClosed")) {
          VarSymbol checked = ConduitApi.variable(select.getExpression());
          if (checked != null) {
            s.remove(checked);
          }
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(condition, null);
  }

  private static void join(
      Map<VarSymbol, MethodInvocationTree> into, Map<VarSymbol, MethodInvocationTree> from) {
    from.forEach(into::putIfAbsent);
  }

  private static @Nullable Map<VarSymbol, MethodInvocationTree> union(
      @Nullable Map<VarSymbol, MethodInvocationTree> a,
      @Nullable Map<VarSymbol, MethodInvocationTree> b) {
    if (a == null) {
      return b == null ? null : new HashMap<>(b);
    }
    Map<VarSymbol, MethodInvocationTree> joined = new HashMap<>(a);
    if (b != null) {
      join(joined, b);
    }
    return joined;
  }
}
