package dev.conduit.errorprone.abandoned;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.tree.JCTree;
import dev.conduit.errorprone.common.ChannelUses;
import dev.conduit.errorprone.common.ConduitApi;
import dev.conduit.errorprone.common.Declarations;
import dev.conduit.errorprone.common.Operation;
import dev.conduit.errorprone.flow.Goroutines;
import dev.conduit.errorprone.flow.LocalChannels;
import dev.conduit.errorprone.flow.LocalChannels.LocalChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * How the method that created a local channel waits for the goroutines that send on it: which
 * goroutines make a plain blocking {@code send(v)}, and the ways the method may stop waiting before
 * every such send has been received.
 *
 * @param goroutineSends plain {@code send(v)} calls, and {@code ch::send} references, made inside
 *     goroutines the method starts
 * @param stopsWaiting why the method may stop receiving, one phrase each
 */
record WaitingParent(List<Tree> goroutineSends, List<String> stopsWaiting) {

  private static final Matcher<ExpressionTree> SELECT_AWAIT =
      instanceMethod().onExactClass(ConduitApi.SELECT).named("await");

  private static final Matcher<ExpressionTree> SELECT_CLAUSE =
      instanceMethod()
          .onExactClass(ConduitApi.SELECT)
          .namedAnyOf("onReceive", "onSend", "onTimeout", "onDone", "orElse");

  /** A return or throw of the parent, and the loops around it. */
  private record Exit(Tree statement, List<Tree> loops) {}

  /** Scans the statements after {@code channel}'s declaration. */
  public static WaitingParent analyze(LocalChannel channel, VisitorState state) {
    TreePath blockPath = LocalChannels.enclosingBlock(channel.declaration(), state);
    if (blockPath == null || !(blockPath.getLeaf() instanceof BlockTree block)) {
      return new WaitingParent(List.of(), List.of());
    }
    List<? extends StatementTree> statements = block.getStatements();
    Scanner scanner = new Scanner(channel, state);
    for (StatementTree statement :
        statements.subList(statements.indexOf(channel.declaration()) + 1, statements.size())) {
      scanner.scan(statement, null);
    }
    return new WaitingParent(scanner.sends, scanner.reasons());
  }

  private static final class Scanner extends TreeScanner<Void, Void> {
    private final LocalChannel channel;
    private final VisitorState state;
    final List<Tree> sends = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private final List<Tree> receives = new ArrayList<>();
    private final List<Exit> exits = new ArrayList<>();
    private final List<Tree> loops = new ArrayList<>();
    private int firstLaunch = Integer.MAX_VALUE;
    private int goroutineDepth = 0;
    private int lambdaDepth = 0;

    Scanner(LocalChannel channel, VisitorState state) {
      this.channel = channel;
      this.state = state;
    }

    List<String> reasons() {
      int lastReceive =
          receives.stream().mapToInt(r -> ((JCTree) r).getStartPosition()).max().orElse(-1);
      for (Exit exit : exits) {
        if (exit.statement() instanceof BreakTree leave) {
          breakReason(leave, exit, lastReceive);
          continue;
        }
        int start = ((JCTree) exit.statement()).getStartPosition();
        int end = state.getEndPosition(exit.statement());
        boolean containsReceive = receives.stream().anyMatch(r -> within(r, start, end));
        // Leaving a loop of receives early abandons the senders not yet received from; with a
        // single send the return may well come after it, so only several sends count.
        boolean receivesAfter =
            lastReceive > end
                || (channel.maxSends() > 1
                    && exit.loops().stream()
                        .anyMatch(loop -> receives.stream().anyMatch(r -> within(r, loop))));
        if (start > firstLaunch && !containsReceive && receivesAfter) {
          reasons.add(
              "a "
                  + (exit.statement() instanceof ReturnTree ? "return" : "throw")
                  + " at line "
                  + Declarations.line(exit.statement(), state)
                  + " skips the receive");
        }
      }
      return reasons;
    }

    /**
     * Leaving a loop of receives with {@code break} abandons the senders not yet received from,
     * unless the method receives again after the loop; with a single send the break may well come
     * after it, so only several sends count.
     */
    private void breakReason(BreakTree leave, Exit exit, int lastReceive) {
      Tree target = ((JCTree.JCBreak) leave).target;
      if (target instanceof JCTree.JCLabeledStatement labeled) {
        target = labeled.body;
      }
      Tree loop = target;
      if (loop == null
          || !exit.loops().contains(loop)
          || channel.maxSends() <= 1
          || ((JCTree) leave).getStartPosition() < firstLaunch
          || lastReceive >= state.getEndPosition(loop)
          || receives.stream().noneMatch(r -> within(r, loop))) {
        return;
      }
      reasons.add(
          "a break at line "
              + Declarations.line(leave, state)
              + " leaves the loop of receives while senders may still wait");
    }

    private boolean within(Tree inner, Tree outer) {
      return within(inner, ((JCTree) outer).getStartPosition(), state.getEndPosition(outer));
    }

    private static boolean within(Tree inner, int start, int end) {
      int position = ((JCTree) inner).getStartPosition();
      return position >= start && position < end;
    }

    private boolean isChannel(Tree tree) {
      return tree != null
          && ASTHelpers.getSymbol(ASTHelpers.stripParentheses((ExpressionTree) tree))
              == channel.symbol();
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
      String name = ConduitApi.methodName(call);
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      if (goroutineDepth > 0
          && name.equals("send")
          && call.getArguments().size() == 1
          && isChannel(receiver)) {
        sends.add(call);
      }
      if (goroutineDepth == 0 && lambdaDepth == 0) {
        // Any receive the shared channel vocabulary names (ChannelTypes), not only receive().
        if (isChannel(receiver)
            && ChannelUses.of(call, state)
                .filter(use -> use.kind() == Operation.Kind.RECEIVE)
                .isPresent()) {
          receives.add(call);
          if (!call.getArguments().isEmpty()
              && ConduitApi.isContext(ASTHelpers.getType(call.getArguments().get(0)), state)) {
            reasons.add(
                name
                    + "("
                    + state.getSourceForNode(call.getArguments().get(0))
                    + ") gives up when that context is done");
          }
        }
        if (SELECT_AWAIT.matches(call, state)) {
          select(call);
        }
      }
      if (Goroutines.isLaunch(call, state)) {
        return launch(call, call.getArguments());
      }
      return super.visitMethodInvocation(call, null);
    }

    private void select(MethodInvocationTree await) {
      MethodInvocationTree ours = null;
      List<String> others = new ArrayList<>();
      for (ExpressionTree link = ASTHelpers.getReceiver(await);
          link instanceof MethodInvocationTree clause && SELECT_CLAUSE.matches(clause, state);
          link = ASTHelpers.getReceiver(clause)) {
        if (ConduitApi.methodName(clause).equals("onReceive")
            && isChannel(clause.getArguments().get(0))) {
          ours = clause;
        } else {
          others.add(ConduitApi.methodName(clause));
        }
      }
      if (ours != null) {
        receives.add(ours);
        // In a loop, a timeout, default or other clause is usually a heartbeat before selecting
        // again; only a cancelled context reliably ends the wait.
        boolean leaves = loops.isEmpty() ? !others.isEmpty() : others.contains("onDone");
        if (leaves) {
          reasons.add(
              "the select at line "
                  + Declarations.line(ours, state)
                  + " may take its "
                  + String.join("/", others.reversed())
                  + " clause instead");
        }
      }
    }

    @Override
    public Void visitNewClass(NewClassTree newClass, Void unused) {
      if (Goroutines.isLaunch(newClass, state)) {
        return launch(newClass, newClass.getArguments());
      }
      return super.visitNewClass(newClass, null);
    }

    private Void launch(Tree call, List<? extends ExpressionTree> arguments) {
      int sendsBefore = sends.size();
      goroutineDepth++;
      try {
        super.scan(arguments, null);
      } finally {
        goroutineDepth--;
      }
      if (sends.size() > sendsBefore) {
        firstLaunch = Math.min(firstLaunch, ((JCTree) call).getStartPosition());
      }
      if (call instanceof MethodInvocationTree invocation) {
        scan(invocation.getMethodSelect(), null);
      }
      return null;
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
      lambdaDepth++;
      try {
        return super.visitLambdaExpression(lambda, null);
      } finally {
        lambdaDepth--;
      }
    }

    @Override
    public Void visitClass(ClassTree local, Void unused) {
      lambdaDepth++;
      try {
        return super.visitClass(local, null);
      } finally {
        lambdaDepth--;
      }
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree loop, Void unused) {
      if (goroutineDepth == 0 && lambdaDepth == 0 && isChannel(loop.getExpression())) {
        receives.add(loop.getExpression());
      }
      return inLoop(loop, () -> super.visitEnhancedForLoop(loop, null));
    }

    @Override
    public Void visitWhileLoop(com.sun.source.tree.WhileLoopTree loop, Void unused) {
      return inLoop(loop, () -> super.visitWhileLoop(loop, null));
    }

    @Override
    public Void visitDoWhileLoop(com.sun.source.tree.DoWhileLoopTree loop, Void unused) {
      return inLoop(loop, () -> super.visitDoWhileLoop(loop, null));
    }

    @Override
    public Void visitForLoop(com.sun.source.tree.ForLoopTree loop, Void unused) {
      return inLoop(loop, () -> super.visitForLoop(loop, null));
    }

    private Void inLoop(Tree loop, java.util.function.Supplier<Void> body) {
      loops.add(loop);
      try {
        return body.get();
      } finally {
        loops.remove(loops.size() - 1);
      }
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
      if (goroutineDepth > 0
          && reference.getName().toString().matches("send|trySend")
          && isChannel(reference.getQualifierExpression())) {
        sends.add(reference);
      }
      return super.visitMemberReference(reference, null);
    }

    @Override
    public Void visitBreak(BreakTree tree, Void unused) {
      exit(tree);
      return super.visitBreak(tree, null);
    }

    @Override
    public Void visitReturn(ReturnTree tree, Void unused) {
      exit(tree);
      return super.visitReturn(tree, null);
    }

    @Override
    public Void visitThrow(ThrowTree tree, Void unused) {
      exit(tree);
      return super.visitThrow(tree, null);
    }

    private void exit(Tree tree) {
      if (goroutineDepth == 0 && lambdaDepth == 0) {
        exits.add(new Exit(tree, List.copyOf(loops)));
      }
    }
  }
}
