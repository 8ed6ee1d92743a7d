package dev.conduit.errorprone.lostcancel;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import dev.conduit.errorprone.flow.FlowGraphs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.ConditionalBlock;
import org.checkerframework.errorprone.dataflow.cfg.block.ExceptionBlock;
import org.checkerframework.errorprone.dataflow.cfg.block.SingleSuccessorBlock;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * The flow-sensitive half of LostCancel: a forward "may still be unreleased" analysis over the
 * method's (or lambda's) control-flow graph, which Error Prone's dataflow library builds.
 *
 * <p>The state at each point is which locals may hold which handles (by creation site, so aliases
 * count) and which handles may still be unreleased, each tagged with the {@code return} that the
 * path passed, if any. States are joined by union at merges and iterated to a fixed point; the
 * handles still unreleased at the regular exit are the leaks, reported at their {@code return} or
 * at the end of the body. Paths that end in a {@code throw} reach only the exceptional exit, and a
 * loop that never ends never reaches an exit, so neither is required to release, as in {@code go
 * vet}. Exception edges into {@code catch} and {@code finally} blocks are followed, since those
 * paths may return normally.
 */
final class CancelFlow {

  /**
   * A finding.
   *
   * @param site the creation of the leaked handle
   * @param at where to report: an assignment that overwrites it, a {@code return}, or null for the
   *     end of the body
   * @param overwritten whether the handle is lost by overwriting its only variable
   */
  public record Leak(Tree site, @Nullable Tree at, boolean overwritten) {}

  /**
   * What the analysis found.
   *
   * @param leaks the findings
   * @param handedOver the creations some path returns, stores or hands over to other code
   */
  public record Result(List<Leak> leaks, Set<Tree> handedOver) {}

  /** A handle that may be unreleased, and the return its path has passed (null: none yet). */
  record Pending(Tree site, @Nullable Tree exit) {}

  /** The analysis state at one point of the graph. */
  static final class State {
    final Map<Symbol, Set<Tree>> holders = new HashMap<>();
    final Set<Pending> pending = new LinkedHashSet<>();

    /** Creations evaluated again while the handle they made last time may be unreleased. */
    final Set<Tree> recreated = new HashSet<>();

    State copy() {
      State copy = new State();
      holders.forEach((variable, sites) -> copy.holders.put(variable, new HashSet<>(sites)));
      copy.pending.addAll(pending);
      copy.recreated.addAll(recreated);
      return copy;
    }

    /** Adds {@code other} into this; returns whether this changed. */
    boolean join(State other) {
      boolean changed = pending.addAll(other.pending);
      changed |= recreated.addAll(other.recreated);
      for (Map.Entry<Symbol, Set<Tree>> entry : other.holders.entrySet()) {
        changed |=
            holders.computeIfAbsent(entry.getKey(), k -> new HashSet<>()).addAll(entry.getValue());
      }
      return changed;
    }
  }

  /** Visits of blocks before the analysis gives up (and reports nothing). */
  private static final int MAX_BLOCK_VISITS = 50_000;

  private CancelFlow() {}

  /**
   * Analyses the method or lambda at {@code bodyOwner} for the tracked handle creations in {@code
   * tracked}.
   */
  public static Result analyze(
      TreePath bodyOwner, Map<Tree, CancelHandles.Kind> tracked, VisitorState state) {
    ControlFlowGraph cfg = FlowGraphs.of(bodyOwner, state);
    Transfer transfer = new Transfer(tracked, state);
    VoidReturns voidReturns = new VoidReturns(bodyOwner, cfg, state);
    Map<Block, State> in = new LinkedHashMap<>();
    in.put(cfg.getEntryBlock(), new State());
    Deque<Block> work = new ArrayDeque<>();
    work.add(cfg.getEntryBlock());
    int visits = 0;
    while (!work.isEmpty()) {
      if (++visits > MAX_BLOCK_VISITS) {
        return new Result(List.of(), Set.of());
      }
      Block block = work.poll();
      State before = in.get(block);
      State out = before.copy();
      for (Node node : block.getNodes()) {
        transfer.apply(node, out, null);
      }
      for (Edge edge : successors(block)) {
        State along = out;
        if (edge.exceptional()
            && block instanceof ExceptionBlock thrower
            && transfer.creates(thrower.getNode())) {
          along = before; // the factory threw: no handle was created
        }
        ReturnTree bareReturn = voidReturns.jump(block, edge.to());
        NullChecks.NullEdge knownNull = NullChecks.nullOnEdge(block, edge.to());
        if (bareReturn != null || knownNull != null) {
          along = along.copy();
          if (knownNull != null) {
            transfer.knownNull(along, knownNull.local(), knownNull.test());
          }
          if (bareReturn != null) {
            Transfer.tagExit(along, bareReturn);
          }
        }
        State current = in.get(edge.to());
        if (current == null) {
          in.put(edge.to(), along.copy());
          work.add(edge.to());
        } else if (current.join(along) && !work.contains(edge.to())) {
          work.add(edge.to());
        }
      }
    }
    // Report from the fixed point: overwrites where they happen, the rest at their exits.
    List<Leak> leaks = new ArrayList<>();
    Set<Tree> overwritten = new HashSet<>();
    for (Map.Entry<Block, State> entry : in.entrySet()) {
      State state1 = entry.getValue().copy();
      for (Node node : entry.getKey().getNodes()) {
        transfer.apply(node, state1, leaks);
      }
    }
    leaks.forEach(leak -> overwritten.add(leak.site()));
    State atExit = in.get(cfg.getRegularExitBlock());
    if (atExit != null) {
      for (Pending pending : atExit.pending) {
        if (!overwritten.contains(pending.site())) {
          leaks.add(new Leak(pending.site(), pending.exit(), false));
        }
      }
    }
    return new Result(deduplicate(leaks), transfer.handedOver);
  }

  private static List<Leak> deduplicate(List<Leak> leaks) {
    return new ArrayList<>(new LinkedHashSet<>(leaks));
  }

  /** A control-flow edge; exceptional edges leave a node that threw. */
  private record Edge(Block to, boolean exceptional) {}

  private static List<Edge> successors(Block block) {
    List<Edge> successors = new ArrayList<>(2);
    if (block instanceof ConditionalBlock conditional) {
      successors.add(new Edge(conditional.getThenSuccessor(), false));
      successors.add(new Edge(conditional.getElseSuccessor(), false));
    } else if (block instanceof SingleSuccessorBlock single && single.getSuccessor() != null) {
      successors.add(new Edge(single.getSuccessor(), false));
    }
    if (block instanceof ExceptionBlock exceptional) {
      // Into catch and finally blocks, which may return normally, and to the exceptional exit,
      // which is never reported.
      exceptional
          .getExceptionalSuccessors()
          .values()
          .forEach(blocks -> blocks.forEach(to -> successors.add(new Edge(to, true))));
    }
    return successors;
  }
}
