package dev.conduit.errorprone.flow;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
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
import com.sun.tools.javac.code.Symbol;
import dev.conduit.errorprone.common.ConduitApi;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Counts the most sends to one channel that a single run of some statements can make, path by path:
 * sends on the two branches of an {@code if} do not add up, a send after a {@code return} does not
 * count, a send in a loop counts as unbounded, and a goroutine started once counts its own sends
 * once. Anything it cannot bound (a send in a lambda it does not know how often runs) is {@link
 * #UNBOUNDED}.
 *
 * <p>Only {@link SlotPerItem} still uses this statement-by-statement count, to see that one loop
 * sends at most once per round; the rules' own path reasoning runs on the dataflow CFG ({@code
 * abandoned.ChannelOps}, {@code closing.CloseFlow}).
 */
public final class SendCount {

  /** More sends than any channel has room for. */
  public static final long UNBOUNDED = Long.MAX_VALUE / 4;

  /** The count of a path that does not exist (the code after a {@code return}). */
  private static final long NO_PATH = Long.MIN_VALUE / 4;

  /** Select clauses that take the channel as their first argument. */
  static final Matcher<ExpressionTree> SELECT_CLAUSE =
      instanceMethod().onExactClass(ConduitApi.SELECT).namedAnyOf("onReceive", "onSend");

  private static final Matcher<ExpressionTree> SELECT_SEND =
      instanceMethod().onExactClass(ConduitApi.SELECT).named("onSend");

  /** Sends on paths that run to the end ({@code fall}) and that leave early ({@code exit}). */
  private record Paths(long fall, long exit) {
    long most() {
      return Math.max(fall, exit);
    }
  }

  private final Symbol channel;
  private final VisitorState state;

  SendCount(Symbol channel, VisitorState state) {
    this.channel = channel;
    this.state = state;
  }

  /** The most sends one run of {@code statements} makes; never negative. */
  long all(List<? extends StatementTree> statements) {
    return Math.max(0, block(statements).most());
  }

  private Paths block(List<? extends StatementTree> statements) {
    long fall = 0;
    long exit = NO_PATH;
    for (StatementTree statement : statements) {
      Paths paths = statement(statement);
      exit = Math.max(exit, add(fall, paths.exit()));
      fall = add(fall, paths.fall());
      if (fall <= NO_PATH) {
        break;
      }
    }
    return new Paths(fall, exit);
  }

  private Paths statement(@Nullable StatementTree tree) {
    return switch (tree) {
      case null -> new Paths(0, NO_PATH);
      case BlockTree block -> block(block.getStatements());
      case ExpressionStatementTree expression -> sequential(expression.getExpression());
      case VariableTree variable -> sequential(variable.getInitializer());
      case ReturnTree ret -> new Paths(NO_PATH, expression(ret.getExpression()));
      case ThrowTree thrown -> new Paths(NO_PATH, expression(thrown.getExpression()));
      case IfTree ifTree ->
          branches(
              expression(ifTree.getCondition()),
              List.of(statement(ifTree.getThenStatement()), statement(ifTree.getElseStatement())));
      case LabeledStatementTree labeled -> statement(labeled.getStatement());
      case SynchronizedTree sync ->
          add(expression(sync.getExpression()), block(sync.getBlock().getStatements()));
      case WhileLoopTree loop ->
          loop(expression(loop.getCondition()), statement(loop.getStatement()));
      case DoWhileLoopTree loop ->
          loop(expression(loop.getCondition()), statement(loop.getStatement()));
      case EnhancedForLoopTree loop ->
          loop(expression(loop.getExpression()), statement(loop.getStatement()));
      case ForLoopTree loop ->
          add(
              block(loop.getInitializer()),
              loop(
                  add(expression(loop.getCondition()), expressions(loop.getUpdate())),
                  statement(loop.getStatement())));
      case TryTree tryTree -> tryStatement(tryTree);
      case SwitchTree switchTree -> switchStatement(switchTree);
      default -> sequential(tree); // break, continue, assert, yield, local classes: scanned whole
    };
  }

  private Paths sequential(@Nullable Tree tree) {
    return new Paths(expression(tree), NO_PATH);
  }

  private static Paths add(long before, Paths paths) {
    return new Paths(add(before, paths.fall()), add(before, paths.exit()));
  }

  private static Paths add(Paths first, Paths second) {
    return new Paths(
        add(first.fall(), second.fall()), Math.max(first.exit(), add(first.fall(), second.exit())));
  }

  private static Paths branches(long before, List<Paths> alternatives) {
    long fall = NO_PATH;
    long exit = NO_PATH;
    for (Paths paths : alternatives) {
      fall = Math.max(fall, paths.fall());
      exit = Math.max(exit, paths.exit());
    }
    return add(before, new Paths(fall, exit));
  }

  /** A loop that can send and go round again may send any number of times. */
  private static Paths loop(long header, Paths body) {
    if (header > 0 || body.fall() > 0) {
      return new Paths(UNBOUNDED, UNBOUNDED);
    }
    return new Paths(0, body.exit());
  }

  private Paths tryStatement(TryTree tree) {
    long resources = 0;
    for (Tree resource : tree.getResources()) {
      resources =
          add(
              resources,
              resource instanceof VariableTree v
                  ? expression(v.getInitializer())
                  : expression(resource));
    }
    Paths body = add(resources, block(tree.getBlock().getStatements()));
    long beforeCatch = Math.max(0, body.most()); // an exception may come after any send
    long catchFall = NO_PATH;
    long catchExit = NO_PATH;
    for (CatchTree catchTree : tree.getCatches()) {
      Paths handler = block(catchTree.getBlock().getStatements());
      catchFall = Math.max(catchFall, handler.fall());
      catchExit = Math.max(catchExit, handler.exit());
    }
    long fall = Math.max(body.fall(), add(beforeCatch, catchFall));
    long exit = Math.max(Math.max(body.exit(), beforeCatch), add(beforeCatch, catchExit));
    long cleanup =
        tree.getFinallyBlock() == null
            ? 0
            : Math.max(0, block(tree.getFinallyBlock().getStatements()).most());
    return new Paths(add(fall, cleanup), add(exit, cleanup));
  }

  private Paths switchStatement(SwitchTree tree) {
    long selector = expression(tree.getExpression());
    boolean arrows =
        tree.getCases().stream().allMatch(c -> c.getCaseKind() == CaseTree.CaseKind.RULE);
    if (!arrows) {
      // Cases may fall through into each other: count them all, in order.
      Paths all = new Paths(0, NO_PATH);
      for (CaseTree caseTree : tree.getCases()) {
        all =
            add(
                all,
                block(caseTree.getStatements() == null ? List.of() : caseTree.getStatements()));
      }
      return add(selector, new Paths(Math.max(0, all.fall()), all.exit()));
    }
    List<Paths> alternatives = new java.util.ArrayList<>();
    alternatives.add(new Paths(0, NO_PATH)); // no case matched
    for (CaseTree caseTree : tree.getCases()) {
      alternatives.add(
          caseTree.getBody() instanceof StatementTree body
              ? statement(body)
              : sequential(caseTree.getBody()));
    }
    return branches(selector, alternatives);
  }

  private long expressions(List<? extends Tree> trees) {
    long total = 0;
    for (Tree tree : trees) {
      total = add(total, expression(tree));
    }
    return total;
  }

  /** Sends inside an expression (or any tree scanned whole), goroutines it starts included. */
  private long expression(@Nullable Tree tree) {
    if (tree == null) {
      return 0;
    }
    long[] total = {0};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (isSendOnChannel(call)) {
          total[0] = add(total[0], 1);
        }
        if (Goroutines.isLaunch(call, state)) {
          return launch(call, call.getArguments());
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree newClass, Void unused) {
        if (Goroutines.isLaunch(newClass, state)) {
          return launch(newClass, newClass.getArguments());
        }
        if (newClass.getClassBody() != null && expression(newClass.getClassBody()) > 0) {
          total[0] = UNBOUNDED;
        }
        scan(newClass.getArguments(), null);
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        // A lambda nobody is known to run exactly once may send any number of times.
        if (body(lambda) > 0) {
          total[0] = UNBOUNDED;
        }
        return null;
      }

      @Override
      public Void visitClass(ClassTree local, Void unused) {
        if (countMembers(local) > 0) {
          total[0] = UNBOUNDED;
        }
        return null;
      }

      private Void launch(Tree call, List<? extends ExpressionTree> arguments) {
        if (call instanceof MethodInvocationTree invocation) {
          scan(invocation.getMethodSelect(), null);
        }
        for (ExpressionTree argument : arguments) {
          if (argument instanceof LambdaExpressionTree lambda) {
            total[0] = add(total[0], body(lambda));
          } else if (argument instanceof NewClassTree newClass && newClass.getClassBody() != null) {
            total[0] = add(total[0], countMembers(newClass.getClassBody()));
          } else {
            scan(argument, null);
          }
        }
        return null;
      }
    }.scan(tree, null);
    return total[0];
  }

  private long body(LambdaExpressionTree lambda) {
    return lambda.getBody() instanceof BlockTree block
        ? Math.max(0, block(block.getStatements()).most())
        : expression(lambda.getBody());
  }

  /** An anonymous or local class: each of its methods may run once (run(), call()). */
  private long countMembers(ClassTree body) {
    long total = 0;
    for (Tree member : body.getMembers()) {
      long sends =
          member instanceof com.sun.source.tree.MethodTree method && method.getBody() != null
              ? Math.max(0, block(method.getBody().getStatements()).most())
              : expression(member);
      total = add(total, sends);
    }
    return total;
  }

  private boolean isSendOnChannel(MethodInvocationTree call) {
    if (SELECT_SEND.matches(call, state)) {
      return !call.getArguments().isEmpty()
          && ASTHelpers.getSymbol(call.getArguments().get(0)) == channel;
    }
    return call.getMethodSelect() instanceof MemberSelectTree select
        && (select.getIdentifier().contentEquals("send")
            || select.getIdentifier().contentEquals("trySend"))
        && ASTHelpers.getSymbol(select.getExpression()) == channel;
  }

  private static long add(long a, long b) {
    if (a <= NO_PATH || b <= NO_PATH) {
      return NO_PATH;
    }
    return Math.min(UNBOUNDED, a + b);
  }
}
