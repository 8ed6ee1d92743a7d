package dev.conduit.errorprone.closing;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import dev.conduit.errorprone.common.ConduitApi;
import dev.conduit.errorprone.flow.FlowGraphs;
import dev.conduit.vocabulary.ConduitTypes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.ConditionalBlock;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * Tests that exactly one goroutine can pass, whatever the number that try: an atomic
 * read-modify-write whose result only one caller can see ({@code remaining.decrementAndGet() == 0}
 * or any other constant, since a counter moving one way by one returns each value once; Go's {@code
 * atomic.AddInt32(&n, -1) == 0}; {@code closed.compareAndSet(false, true)}; {@code
 * !closed.getAndSet(true)}), and {@code AfterFunc.stop()}, which returns true only if the function
 * it registered will never run.
 *
 * <p>A close is guarded by such a test when the graph of its body cannot reach it from the entry
 * once the test's winning edges are taken away: then every path to it has won the test, and two
 * closes guarded by the same object cannot both run. A read that is not a read-modify-write ({@code
 * latch.getCount() == 0}) is no guard: several goroutines may see the same value.
 */
final class ExclusiveGuards {

  private static final String ATOMIC = "java.util.concurrent.atomic.";
  private static final String AFTER_FUNC = ConduitTypes.AFTER_FUNC;

  /** A winning test: the object it is made on, and the branch that wins. */
  record Test(Symbol guard, boolean wins) {}

  private final VisitorState state;
  private final Map<Tree, Map<Symbol, Set<Block>>> unguardedByBody = new HashMap<>();

  ExclusiveGuards(VisitorState state) {
    this.state = state;
  }

  /**
   * The object whose exclusive test guards the node at {@code site} (a close, a call of a closing
   * helper), or null when some path reaches it without winning one.
   */
  @Nullable Symbol guardOf(TreePath site) {
    TreePath body = FlowGraphs.enclosingBody(site);
    if (body == null) {
      return null;
    }
    ControlFlowGraph cfg = FlowGraphs.of(body, state);
    Set<Node> nodes = cfg.getNodesCorrespondingToTree(site.getLeaf());
    if (nodes == null || nodes.isEmpty()) {
      return null;
    }
    Map<Symbol, Set<Block>> reachable =
        unguardedByBody.computeIfAbsent(body.getLeaf(), unused -> withoutWins(cfg));
    for (Map.Entry<Symbol, Set<Block>> entry : reachable.entrySet()) {
      if (nodes.stream().noneMatch(node -> entry.getValue().contains(node.getBlock()))) {
        return entry.getKey();
      }
    }
    return null;
  }

  /** For each guard object, the blocks reachable without taking one of its winning edges. */
  private Map<Symbol, Set<Block>> withoutWins(ControlFlowGraph cfg) {
    Map<Symbol, Map<Block, Block>> wins = new HashMap<>(); // guard -> conditional -> winning target
    for (Block block : cfg.getAllBlocks()) {
      for (FlowGraphs.Edge edge : FlowGraphs.successors(block)) {
        if (edge.to() instanceof ConditionalBlock conditional
            && !block.getNodes().isEmpty()
            && test(block.getLastNode().getTree()) instanceof Test test) {
          wins.computeIfAbsent(test.guard(), unused -> new HashMap<>())
              .put(
                  conditional,
                  test.wins() ? conditional.getThenSuccessor() : conditional.getElseSuccessor());
        }
      }
    }
    Map<Symbol, Set<Block>> reachable = new HashMap<>();
    wins.forEach((guard, edges) ->
        reachable.put(
            guard, new HashSet<>(FlowGraphs.reachable(cfg, (from, to) -> edges.get(from) != to))));
    return reachable;
  }

  /** The exclusive test {@code tree} makes, or null when it is none. */
  @Nullable Test test(@Nullable Tree tree) {
    if (!(tree instanceof ExpressionTree expression)) {
      return null;
    }
    expression = ASTHelpers.stripParentheses(expression);
    if (expression instanceof UnaryTree not && not.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      Test inner = test(not.getExpression());
      return inner == null ? null : new Test(inner.guard(), !inner.wins());
    }
    if (expression instanceof MethodInvocationTree call) {
      return booleanCall(call);
    }
    if (expression instanceof BinaryTree binary
        && (binary.getKind() == Tree.Kind.EQUAL_TO || binary.getKind() == Tree.Kind.NOT_EQUAL_TO)) {
      Test equal = comparison(binary.getLeftOperand(), binary.getRightOperand());
      if (equal == null) {
        equal = comparison(binary.getRightOperand(), binary.getLeftOperand());
      }
      return equal == null || binary.getKind() == Tree.Kind.EQUAL_TO
          ? equal
          : new Test(equal.guard(), !equal.wins());
    }
    return null;
  }

  /** {@code cas(...)}, {@code getAndSet(true)}, {@code stop()}: which result wins. */
  private @Nullable Test booleanCall(MethodInvocationTree call) {
    Symbol guard = guardObject(call);
    if (guard == null) {
      return null;
    }
    String name = ConduitApi.methodName(call);
    if (ConduitApi.isSubtype(guard.type, AFTER_FUNC, state)) {
      return name.equals("stop") ? new Test(guard, true) : null;
    }
    if (!isAtomic(guard)) {
      return null;
    }
    if (name.equals("compareAndSet") || name.startsWith("weakCompareAndSet")) {
      return new Test(guard, true);
    }
    if (name.equals("getAndSet")
        && call.getArguments().size() == 1
        && Boolean.TRUE.equals(ASTHelpers.constValue(call.getArguments().get(0)))) {
      return new Test(guard, false); // only the first to set it reads false
    }
    return null;
  }

  /** {@code counter.op() == constant}, true when only one caller can see {@code constant}. */
  private @Nullable Test comparison(ExpressionTree side, ExpressionTree other) {
    if (!(ASTHelpers.stripParentheses(side) instanceof MethodInvocationTree call)
        || !(ASTHelpers.constValue(other) instanceof Number)) {
      return null;
    }
    Symbol guard = guardObject(call);
    if (guard == null || !isAtomic(guard)) {
      return null;
    }
    // A counter that moves one way by one returns each value to one caller only: the last of N
    // counting down to zero, the first counting up from it.
    Object step =
        call.getArguments().size() == 1 ? ASTHelpers.constValue(call.getArguments().get(0)) : null;
    boolean wins =
        switch (ConduitApi.methodName(call)) {
          case "decrementAndGet", "getAndDecrement", "incrementAndGet", "getAndIncrement" ->
              call.getArguments().isEmpty();
          case "addAndGet", "getAndAdd" -> step instanceof Number n && Math.abs(n.longValue()) == 1;
          default -> false;
        };
    return wins ? new Test(guard, true) : null;
  }

  private static @Nullable Symbol guardObject(MethodInvocationTree call) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    Symbol symbol = receiver == null ? null : ASTHelpers.getSymbol(receiver);
    return symbol instanceof Symbol.VarSymbol ? symbol : null;
  }

  private boolean isAtomic(Symbol guard) {
    return guard.type != null
        && guard.type.tsym != null
        && guard.type.tsym.getQualifiedName().toString().startsWith(ATOMIC)
        && !List.of("LongAdder", "DoubleAdder")
            .contains(guard.type.tsym.getSimpleName().toString());
  }
}
