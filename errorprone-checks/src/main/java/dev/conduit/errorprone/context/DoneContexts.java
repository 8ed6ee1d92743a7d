package dev.conduit.errorprone.context;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import dev.conduit.errorprone.common.ConduitApi;
import dev.conduit.errorprone.flow.FlowGraphs;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * The contexts known to be done at a point: Go's {@code <-ctx.Done()} as a statement ({@code
 * ctx.awaitDone()}, {@code ctx.done().awaitSignal()} or {@code receive()}) ran on every path from
 * the start of the method or lambda to it.
 *
 * <p>A forward "must" analysis over Error Prone's control-flow graph: a context joins the set when
 * its wait returns normally, leaves it when its variable is assigned, and the sets meet by
 * intersection where paths merge. A wait that throws (an interrupt) proves nothing, so its
 * exceptional edges carry the state from before it.
 */
final class DoneContexts {

  private static final Matcher<ExpressionTree> AWAIT_DONE =
      instanceMethod().onDescendantOf(ConduitApi.CONTEXT).named("awaitDone").withNoParameters();

  private static final Matcher<ExpressionTree> DONE =
      instanceMethod().onDescendantOf(ConduitApi.CONTEXT).named("done").withNoParameters();

  private static final Matcher<ExpressionTree> RECEIVE =
      instanceMethod()
          .onDescendantOf(ConduitApi.CHANNEL)
          .namedAnyOf(ConduitApi.BLOCKING_RECEIVES)
          .withNoParameters();

  private static final int MAX_BLOCK_VISITS = 20_000;

  private DoneContexts() {}

  /** The contexts known to be done when {@code call}, the leaf of {@code at}, runs. */
  public static Set<Symbol> at(TreePath at, VisitorState state) {
    TreePath owner = bodyOwner(at);
    if (owner == null || !waitsForAContext(owner.getLeaf(), state)) {
      return Set.of(); // The usual case, and no graph to build.
    }
    ControlFlowGraph cfg = FlowGraphs.of(owner, state);
    Map<Block, Set<Symbol>> in = new HashMap<>();
    in.put(cfg.getEntryBlock(), new HashSet<>());
    Deque<Block> work = new ArrayDeque<>(List.of(cfg.getEntryBlock()));
    int visits = 0;
    while (!work.isEmpty()) {
      if (++visits > MAX_BLOCK_VISITS) {
        return Set.of(); // Nothing proven: the call is judged as if no wait preceded it.
      }
      Block block = work.poll();
      Set<Symbol> before = in.get(block);
      Set<Symbol> out = new HashSet<>(before);
      block.getNodes().forEach(node -> apply(node, out, state));
      for (FlowGraphs.Edge edge : FlowGraphs.successors(block)) {
        // A node that threw did not finish: its wait proves nothing on the exceptional edge.
        flow(edge.to(), edge.exceptional() ? before : out, in, work);
      }
    }
    Set<Node> nodes = cfg.getNodesCorrespondingToTree(at.getLeaf());
    if (nodes == null || nodes.isEmpty()) {
      return Set.of();
    }
    Node target = nodes.iterator().next();
    Set<Symbol> known = in.get(target.getBlock());
    if (known == null) {
      return Set.of(); // Unreachable: nothing to say.
    }
    Set<Symbol> now = new HashSet<>(known);
    for (Node node : target.getBlock().getNodes()) {
      if (nodes.contains(node)) {
        break;
      }
      apply(node, now, state);
    }
    return now;
  }

  /**
   * Names the contexts left out of the advice because a wait for them ran on every path here, and
   * the way Go's shutdown code waits after one: a grace context.
   */
  public static String graceNote(List<ContextScope.InScope> live, Set<Symbol> done) {
    List<String> finished =
        live.stream()
            .filter(c -> done.contains(c.symbol()))
            .map(c -> c.symbol().getSimpleName().toString())
            .distinct()
            .toList();
    if (finished.isEmpty()) {
      return "";
    }
    String first = finished.get(0);
    return String.format(
        " ('%s' is already done here, so it would give up at once; to bound a shutdown wait, use a"
            + " grace context such as %s.withoutCancel().withTimeout(d))",
        String.join("', '", finished), first);
  }

  private static void flow(
      Block to, Set<Symbol> along, Map<Block, Set<Symbol>> in, Deque<Block> work) {
    Set<Symbol> current = in.get(to);
    if (current == null) {
      in.put(to, new HashSet<>(along));
      work.add(to);
    } else if (current.retainAll(along) && !work.contains(to)) {
      work.add(to);
    }
  }

  private static void apply(Node node, Set<Symbol> done, VisitorState state) {
    if (node instanceof MethodInvocationNode invocation) {
      Symbol context = waitedFor(invocation.getTree(), state);
      if (context != null) {
        done.add(context);
      }
    } else if (node instanceof AssignmentNode assignment
        && assignment.getTarget() instanceof LocalVariableNode local) {
      done.remove(local.getElement());
    }
  }

  /** The variable whose context {@code call} waits for, or null when it waits for none. */
  private static @Nullable Symbol waitedFor(@Nullable MethodInvocationTree call, VisitorState s) {
    if (call == null) {
      return null;
    }
    ExpressionTree context = null;
    if (AWAIT_DONE.matches(call, s)) {
      context = ASTHelpers.getReceiver(call);
    } else if (RECEIVE.matches(call, s)
        && ASTHelpers.getReceiver(call) instanceof ExpressionTree channel
        && ASTHelpers.stripParentheses(channel) instanceof MethodInvocationTree done
        && DONE.matches(done, s)) {
      context = ASTHelpers.getReceiver(done);
    }
    Symbol symbol =
        context == null ? null : ASTHelpers.getSymbol(ASTHelpers.stripParentheses(context));
    return symbol instanceof Symbol.VarSymbol ? symbol : null;
  }

  /** Whether the body waits for any context at all: a cheap scan before building a graph. */
  private static boolean waitsForAContext(Tree body, VisitorState state) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        found[0] |= waitedFor(call, state) != null;
        return super.visitMethodInvocation(call, null);
      }
    }.scan(body, null);
    return found[0];
  }

  private static @Nullable TreePath bodyOwner(TreePath at) {
    for (TreePath path = at; path != null; path = path.getParentPath()) {
      Tree leaf = path.getLeaf();
      if (leaf instanceof LambdaExpressionTree
          || (leaf instanceof MethodTree method && method.getBody() != null)) {
        return path;
      }
      if (leaf instanceof ClassTree) {
        return null; // An initializer: no method body to follow.
      }
    }
    return null;
  }
}
