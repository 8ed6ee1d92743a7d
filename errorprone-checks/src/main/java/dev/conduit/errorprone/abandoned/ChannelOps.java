package dev.conduit.errorprone.abandoned;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import dev.conduit.errorprone.common.ChannelUses;
import dev.conduit.errorprone.common.ConduitApi;
import dev.conduit.errorprone.common.Operation;
import dev.conduit.errorprone.flow.FlowGraphs;
import dev.conduit.errorprone.flow.Goroutines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.node.FunctionalInterfaceNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.ObjectCreationNode;
import org.jspecify.annotations.Nullable;

/**
 * Counts the most sends to (or receives from) one channel that a run of code can make, path by path
 * on the control-flow graph: the longest path through the graph, each node weighing its operations.
 * Two branches do not add up, a {@code finally} runs once per path, code after a {@code return} or
 * a {@code break} is not on the path, and an operation on a cycle (a loop, whatever its shape)
 * counts as {@link #UNBOUNDED}. A goroutine started once weighs its own body's count; a lambda,
 * method reference ({@code ch::send}) or local class that may run any number of times weighs {@link
 * #UNBOUNDED} if it does the operation at all.
 *
 * <p>Counting starts just after the channel's declaration and stops where a path comes back to it:
 * a channel declared in a loop is a new channel each round.
 */
public final class ChannelOps {

  /** More operations than any channel has room for. */
  public static final long UNBOUNDED = Long.MAX_VALUE / 4;

  /** Which operations are counted. */
  public enum Kind {
    SENDS,
    RECEIVES
  }

  private final Symbol channel;
  private final Kind kind;
  private final VisitorState state;
  private final TreePath root;
  private final Set<Tree> launched = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  private ChannelOps(Symbol channel, Kind kind, TreePath root, VisitorState state) {
    this.channel = channel;
    this.root = root;
    this.kind = kind;
    this.state = state;
    // The graph evaluates a goroutine's lambda before the call that starts it: know them first.
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (Goroutines.isLaunch(call, state)) {
          launched.addAll(call.getArguments());
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree newClass, Void unused) {
        if (Goroutines.isLaunch(newClass, state)) {
          launched.addAll(newClass.getArguments());
        }
        return super.visitNewClass(newClass, null);
      }
    }.scan(root.getLeaf(), null);
  }

  /**
   * The most operations of {@code kind} on {@code channel} one run of the body around {@code
   * declaration} makes after the declaration.
   */
  public static long count(
      Symbol channel, Tree declaration, TreePath declarationPath, Kind kind, VisitorState state) {
    TreePath body = FlowGraphs.enclosingBody(declarationPath);
    if (body == null) {
      return UNBOUNDED;
    }
    ChannelOps ops = new ChannelOps(channel, kind, body, state);
    ControlFlowGraph cfg = FlowGraphs.of(body, state);
    Set<Node> nodes = cfg.getNodesCorrespondingToTree(declaration);
    if (nodes == null || nodes.isEmpty()) {
      return UNBOUNDED;
    }
    Node last = nodes.stream().max((a, b) -> Integer.compare(index(a), index(b))).get();
    return ops.longest(cfg, last.getBlock(), index(last) + 1);
  }

  private static int index(Node node) {
    return node.getBlock().getNodes().indexOf(node);
  }

  /** The count of a whole body: a goroutine's lambda, or a method of a local class. */
  private long body(TreePath owner) {
    ControlFlowGraph cfg = FlowGraphs.of(owner, state);
    return longest(cfg, cfg.getEntryBlock(), 0);
  }

  /** The heaviest path from node {@code from} of {@code start}, never re-entering {@code start}. */
  private long longest(ControlFlowGraph cfg, Block start, int from) {
    Map<Block, Long> weights = new HashMap<>();
    List<Block> order = new ArrayList<>();
    Map<Block, List<Block>> next = new HashMap<>();
    collect(start, start, weights, order, next);
    long first = 0;
    List<Node> startNodes = start.getNodes();
    for (int i = from; i < startNodes.size(); i++) {
      first = add(first, weight(startNodes.get(i)));
    }
    weights.put(start, first);
    return new Longest(order, next, weights).from(start);
  }

  private void collect(
      Block start,
      Block block,
      Map<Block, Long> weights,
      List<Block> order,
      Map<Block, List<Block>> next) {
    java.util.Deque<Block> work = new java.util.ArrayDeque<>();
    work.add(block);
    Set<Block> seen = new HashSet<>(Set.of(block));
    while (!work.isEmpty()) {
      Block current = work.poll();
      order.add(current);
      long weight = 0;
      for (Node node : current.getNodes()) {
        weight = add(weight, weight(node));
      }
      weights.put(current, weight);
      List<Block> successors = new ArrayList<>();
      for (FlowGraphs.Edge edge : FlowGraphs.successors(current)) {
        if (edge.to() == start) {
          continue; // back at the declaration: a new channel from here on
        }
        successors.add(edge.to());
        if (seen.add(edge.to())) {
          work.add(edge.to());
        }
      }
      next.put(current, successors);
    }
  }

  /** How many operations one evaluation of {@code node} makes. */
  private long weight(Node node) {
    Tree tree = node.getTree();
    if (node instanceof MethodInvocationNode invocation && invocation.getTree() != null) {
      MethodInvocationTree call = invocation.getTree();
      if (Goroutines.isLaunch(call, state)) {
        return launch(call.getArguments());
      }
      return operation(call);
    }
    if (node instanceof ObjectCreationNode creation) {
      NewClassTree newClass = creation.getTree();
      if (Goroutines.isLaunch(newClass, state)) {
        return launch(newClass.getArguments());
      }
      return newClass.getClassBody() != null && mentions(newClass.getClassBody()) ? UNBOUNDED : 0;
    }
    if (node instanceof FunctionalInterfaceNode && !launched.contains(tree)) {
      return mentions(tree) ? UNBOUNDED : 0; // may run any number of times
    }
    return 0;
  }

  private long launch(List<? extends ExpressionTree> arguments) {
    long total = 0;
    for (ExpressionTree argument : arguments) {
      TreePath path = pathOf(argument);
      if (path == null) {
        total = add(total, mentions(argument) ? UNBOUNDED : 0);
      } else if (argument instanceof NewClassTree newClass && newClass.getClassBody() != null) {
        // Each method of the goroutine's class may run once (run(), call()).
        TreePath classPath = new TreePath(path, newClass.getClassBody());
        for (Tree member : newClass.getClassBody().getMembers()) {
          if (member instanceof MethodTree method && method.getBody() != null) {
            total = add(total, body(new TreePath(classPath, method)));
          } else if (mentions(member)) {
            total = UNBOUNDED;
          }
        }
      } else if (FlowGraphs.isBodyOwner(argument)) {
        total = add(total, body(path));
      } else {
        total = add(total, mentions(argument) ? UNBOUNDED : 0);
      }
    }
    return total;
  }

  private @Nullable TreePath pathOf(Tree tree) {
    return TreePath.getPath(root, tree);
  }

  /** 1 for a counted operation on the channel; unbounded for a drain (for-each, forEach). */
  private long operation(MethodInvocationTree call) {
    if (kind == Kind.SENDS) {
      if (ConduitApi.methodName(call).equals("onSend")) {
        return isChannel(call.getArguments().isEmpty() ? null : call.getArguments().get(0)) ? 1 : 0;
      }
      String name = ConduitApi.methodName(call);
      return (name.equals("send") || name.equals("trySend"))
              && isChannel(ASTHelpers.getReceiver(call))
          ? 1
          : 0;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (ConduitApi.methodName(call).equals("forEach") && isChannel(receiver)) {
      return UNBOUNDED;
    }
    return ChannelUses.of(call, state)
        .filter(use -> use.kind() == Operation.Kind.RECEIVE && isChannel(use.channel()))
        .map(use -> ConduitApi.methodName(call).equals("iterator") ? UNBOUNDED : 1L)
        .orElse(0L);
  }

  private boolean isChannel(@Nullable Tree tree) {
    return tree instanceof ExpressionTree expression
        && ASTHelpers.getSymbol(ASTHelpers.stripParentheses(expression)) == channel;
  }

  /** Whether {@code tree} does the counted operation anywhere, method references included. */
  private boolean mentions(Tree tree) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        found[0] |= operation(call) > 0;
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
        String name = reference.getName().toString();
        found[0] |=
            kind == Kind.SENDS
                ? (name.equals("send") || name.equals("trySend"))
                    && isChannel(reference.getQualifierExpression())
                : ChannelUses.of(reference, state)
                    .filter(use -> use.kind() == Operation.Kind.RECEIVE)
                    .filter(use -> isChannel(use.channel()))
                    .isPresent();
        return super.visitMemberReference(reference, null);
      }
    }.scan(tree, null);
    return found[0];
  }

  private static long add(long a, long b) {
    return Math.min(UNBOUNDED, a + b);
  }
}
