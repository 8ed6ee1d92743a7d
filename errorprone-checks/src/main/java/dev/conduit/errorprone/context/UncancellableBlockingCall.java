package dev.conduit.errorprone.context;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.tree.JCTree;
import dev.conduit.errorprone.common.ConduitApi;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.common.Docs;
import dev.conduit.errorprone.common.Presence;
import dev.conduit.errorprone.context.ContextScope.InScope;
import dev.conduit.errorprone.flow.Goroutines;
import dev.conduit.errorprone.flow.LocalChannels;
import dev.conduit.errorprone.flow.LocalChannels.LocalChannel;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A blocking channel, WaitGroup or select operation that cannot give up although the code has a
 * context: when the context is cancelled, the goroutine stays blocked instead of returning.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A blocking call ignores the Context in scope; use the form that takes the context.",
    severity = ERROR,
    linkType = CUSTOM,
    link = Docs.PAGES + "UncancellableBlockingCall.md")
public final class UncancellableBlockingCall extends ConduitChecker
    implements MethodInvocationTreeMatcher {

  private static final Set<String> BLOCKING_NAMES =
      Set.of("send", "receive", "receiveOptional", "awaitSignal", "await");

  private static final Matcher<ExpressionTree> SEND =
      instanceMethod().onDescendantOf(ConduitApi.CHANNEL).named("send");

  /** Every blocking receive; Context.awaitDone() is the context's own wait, never reported. */
  private static final Matcher<ExpressionTree> RECEIVE =
      instanceMethod()
          .onDescendantOf(ConduitApi.CHANNEL)
          .namedAnyOf(ConduitApi.BLOCKING_RECEIVES)
          .withNoParameters();

  private static final Matcher<ExpressionTree> WAIT_GROUP_AWAIT =
      instanceMethod().onExactClass(ConduitApi.WAIT_GROUP).named("await").withNoParameters();

  private static final Matcher<ExpressionTree> SELECT_AWAIT =
      instanceMethod().onExactClass(ConduitApi.SELECT).named("await").withNoParameters();

  /** Select clauses after which a select can no longer block forever. */
  private static final Set<String> WAKING_CLAUSES = Set.of("onDone", "onTimeout", "orElse");

  private static final Matcher<ExpressionTree> DONE =
      instanceMethod().onDescendantOf(ConduitApi.CONTEXT).named("done");

  private static final Matcher<ExpressionTree> CLOSE =
      instanceMethod().onDescendantOf(ConduitApi.CHANNEL).named("close");

  public UncancellableBlockingCall() {
    super(Presence.CHANNEL, Presence.WAIT_GROUP, Presence.SELECT, Presence.CONTEXT);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return analyse(tree, state, () -> match(tree, state));
  }

  private Description match(MethodInvocationTree tree, VisitorState state) {
    // Cheap first: the name, then the type, and only then the walk up the scopes.
    if (!BLOCKING_NAMES.contains(ConduitApi.writtenName(tree))) {
      return Description.NO_MATCH;
    }
    boolean send = tree.getArguments().size() == 1 && SEND.matches(tree, state);
    boolean select = !send && SELECT_AWAIT.matches(tree, state);
    if (!send
        && !select
        && !RECEIVE.matches(tree, state)
        && !WAIT_GROUP_AWAIT.matches(tree, state)) {
      return Description.NO_MATCH;
    }
    // A root, or withCancel() of one, wakes nobody: its only canceller is the code now blocked.
    List<InScope> live =
        ContextScope.at(state.getPath(), state).stream()
            .filter(c -> !ContextScope.onlyCancelledByHolder(c, state))
            .toList();
    if (live.isEmpty()
        || (send && cannotBlock(tree, state))
        || (!send && !select && waitsForOwnWorkers(tree, state))
        // Go's close(quit) broadcast: the method that started this goroutine ends the wait.
        || (!send
            && !select
            && RECEIVE.matches(tree, state)
            && QuitChannels.closedByStarter(ASTHelpers.getReceiver(tree), state.getPath(), state))
        // A release in a finally (a semaphore's slot) must run whatever the context says.
        || (!send && !select && RECEIVE.matches(tree, state) && inFinally(state))
        // ctx.done().receive() is Go's <-ctx.Done(): waiting for a context is the point.
        || (!send && !select && isDone(ASTHelpers.getReceiver(tree), state))
        || (select && !canBlockForever(tree, state))
        || (WAIT_GROUP_AWAIT.matches(tree, state) && closesNext(state))) {
      return Description.NO_MATCH;
    }
    // After ctx.awaitDone() the context is done: passing it would give up at once.
    Set<Symbol> done = DoneContexts.at(state.getPath(), state);
    List<InScope> scope =
        ContextScope.innermost(
            live.stream().filter(c -> !done.contains(c.symbol())).toList(), state);
    if (scope.isEmpty()) {
      return Description.NO_MATCH;
    }
    String names =
        scope.stream()
            .map(c -> "'" + c.symbol().getSimpleName() + "'")
            .distinct()
            .collect(Collectors.joining(", "));
    String operation =
        select ? "select without onDone, onTimeout or orElse" : ConduitApi.methodName(tree) + "()";
    Description.Builder description =
        buildDescription(tree)
            .setMessage(
                message(
                    String.format(
                        "%s blocks with no way to give up although %s %s in scope",
                        operation, names, scope.size() == 1 ? "is" : "are"),
                    "This goroutine then stays stuck after the work is cancelled",
                    (select ? "Add an onDone(ctx, ...) clause" : "Pass the context to it")
                        + DoneContexts.graceNote(live, done)));
    if (scope.size() == 1 && !select) {
      fix(tree, scope.get(0).symbol().getSimpleName().toString(), state)
          .ifPresent(description::addFix);
    }
    return description.build();
  }

  private static Optional<SuggestedFix> fix(
      MethodInvocationTree tree, String context, VisitorState state) {
    if (!tree.getArguments().isEmpty()) {
      return Optional.of(SuggestedFix.prefixWith(tree.getArguments().get(0), context + ", "));
    }
    // receive() and await(): the argument list is the last "()" of the call.
    int end = state.getEndPosition(tree);
    String source = state.getSourceForNode(tree);
    if (end < 0 || source == null || !source.endsWith(")")) {
      return Optional.empty();
    }
    int close = end - 1;
    return Optional.of(SuggestedFix.replace(close, close, context));
  }

  /**
   * A send to a local buffered channel that has a slot for every send the method makes, or a
   * goroutine's hand-off to the method that started it on a channel that method keeps to itself.
   * Whether that method may stop receiving is AbandonedSender's question; send(ctx, v) here would
   * leave a plain receive in the method waiting forever.
   */
  private static boolean cannotBlock(MethodInvocationTree send, VisitorState state) {
    ExpressionTree receiver = ASTHelpers.getReceiver(send);
    if (receiver == null) {
      return false;
    }
    LocalChannel channel = LocalChannels.find(ASTHelpers.getSymbol(receiver), state);
    if (channel == null) {
      return false;
    }
    TreePath goroutine = Goroutines.enclosing(state.getPath(), state);
    return channel.sendsCannotBlock()
        || (!channel.escapes()
            && !channel.handedOut()
            && goroutine != null
            && ((JCTree) channel.declaration()).getStartPosition()
                < ((JCTree) goroutine.getLeaf()).getStartPosition());
  }

  /**
   * {@code ch.receive()} on a local channel that only goroutines this method started send to: the
   * method waits for its own workers, which hold the context. Receiving with the context instead
   * would abandon those senders, the leak AbandonedSender reports.
   */
  private static boolean waitsForOwnWorkers(MethodInvocationTree receive, VisitorState state) {
    ExpressionTree receiver = ASTHelpers.getReceiver(receive);
    if (receiver == null || !RECEIVE.matches(receive, state)) {
      return false;
    }
    LocalChannel channel = LocalChannels.find(ASTHelpers.getSymbol(receiver), state);
    return channel != null
        && !channel.escapes()
        && !channel.handedOut()
        && channel.fedByGoroutines();
  }

  /** Follows {@code Select.select().onX(...)...await()} back to its start. */
  private static boolean canBlockForever(MethodInvocationTree await, VisitorState state) {
    ExpressionTree link = ASTHelpers.getReceiver(await);
    while (link instanceof MethodInvocationTree call) {
      if (ConduitApi.SELECT_START.matches(call, state)) {
        return true;
      }
      if (WAKING_CLAUSES.contains(ConduitApi.methodName(call))
          || receivesDone(call, state)
          || receivesQuit(call, state)) {
        return false;
      }
      link = ASTHelpers.getReceiver(call);
    }
    return false; // Built up in a variable: the clauses are out of sight.
  }

  private static boolean inFinally(VisitorState state) {
    TreePath child = state.getPath();
    for (TreePath path = child.getParentPath(); path != null; path = path.getParentPath()) {
      Tree tree = path.getLeaf();
      if (tree instanceof TryTree tryTree && tryTree.getFinallyBlock() == child.getLeaf()) {
        return true;
      }
      if (tree instanceof LambdaExpressionTree || tree instanceof MethodTree) {
        return false;
      }
      child = path;
    }
    return false;
  }

  /** {@code onReceive(ctx.done(), ...)}: Go's {@code case <-ctx.Done():} spelled out. */
  private static boolean receivesDone(MethodInvocationTree clause, VisitorState state) {
    return ConduitApi.methodName(clause).equals("onReceive")
        && !clause.getArguments().isEmpty()
        && isDone(clause.getArguments().get(0), state);
  }

  /** {@code onReceive(quit, ...)} on a quit channel the goroutine's starter closes itself. */
  private static boolean receivesQuit(MethodInvocationTree clause, VisitorState state) {
    return ConduitApi.methodName(clause).equals("onReceive")
        && !clause.getArguments().isEmpty()
        && QuitChannels.closedByStarter(clause.getArguments().get(0), state.getPath(), state);
  }

  private static boolean isDone(ExpressionTree channel, VisitorState state) {
    return channel != null
        && ASTHelpers.stripParentheses(channel) instanceof MethodInvocationTree done
        && DONE.matches(done, state);
  }

  /**
   * {@code wg.await(); ch.close();}: Go's closer goroutine. It must close the channel once every
   * sender is done; giving up on cancellation would leave the readers waiting forever.
   */
  private static boolean closesNext(VisitorState state) {
    TreePath statement = state.getPath().getParentPath();
    if (!(statement.getLeaf() instanceof ExpressionStatementTree)
        || !(statement.getParentPath().getLeaf() instanceof BlockTree block)) {
      return false;
    }
    List<? extends StatementTree> statements = block.getStatements();
    int next = statements.indexOf(statement.getLeaf()) + 1;
    return next < statements.size()
        && statements.get(next) instanceof ExpressionStatementTree expression
        && CLOSE.matches(expression.getExpression(), state);
  }
}
