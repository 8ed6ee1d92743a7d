package dev.conduit.errorprone.closing;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import dev.conduit.errorprone.flow.FlowGraphs;
import dev.conduit.errorprone.flow.Goroutines;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.ExceptionBlock;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.ObjectCreationNode;
import org.jspecify.annotations.Nullable;

/**
 * A forward "may already be closed" analysis over the control-flow graph of one body of code (a
 * method's or a lambda's), which Error Prone's dataflow library builds; loops, {@code break},
 * {@code continue}, labels, {@code finally}, switches and early returns are its edges.
 *
 * <p>The state says which channel each tracked variable may hold and which channels may be closed,
 * and by which close. A channel is named by where its value came from: the variable's value at the
 * entry, or the assignment that stored a new one, so {@code var c2 = ch} makes {@code c2} an alias
 * of {@code ch}, and a variable assigned anew (each round of a for-each over a list of channels
 * included) holds a channel that is not closed yet. A variable that may hold either of two channels
 * is not followed. A goroutine (or an {@code afterFunc} function) closes, at its start, every outer
 * channel it closes; a call of a same-class helper that closes its parameter closes its argument. A
 * close that threw closed nothing, so exception edges leave with the state before it. Two closes
 * guarded by the same {@link ExclusiveGuards exclusive test} never both run.
 */
final class CloseFlow {

  /** A close that may close a closed channel; {@code earlier == at} when it repeats itself. */
  record Report(Tree at, String channel, Tree earlier) {}

  private record Close(Tree site, @Nullable Symbol guard) {}

  private static final class State {
    final Map<Symbol, Set<Object>> holders = new HashMap<>();
    final Map<Object, Close> closed = new HashMap<>();

    State copy() {
      State copy = new State();
      holders.forEach((variable, values) -> copy.holders.put(variable, new HashSet<>(values)));
      copy.closed.putAll(closed);
      return copy;
    }

    boolean join(State other) {
      boolean changed = false;
      for (Map.Entry<Object, Close> entry : other.closed.entrySet()) {
        changed |= closed.putIfAbsent(entry.getKey(), entry.getValue()) == null;
      }
      for (Map.Entry<Symbol, Set<Object>> entry : other.holders.entrySet()) {
        Set<Object> mine = holders.get(entry.getKey());
        if (mine == null) {
          // Unassigned on the other path: it still holds its entry value there.
          mine = new HashSet<>(Set.of(entry.getKey()));
          holders.put(entry.getKey(), mine);
          changed = true;
        }
        changed |= mine.addAll(entry.getValue());
      }
      for (Map.Entry<Symbol, Set<Object>> entry : holders.entrySet()) {
        if (!other.holders.containsKey(entry.getKey())) {
          changed |= entry.getValue().add(entry.getKey());
        }
      }
      return changed;
    }
  }

  /** Visits of blocks before the analysis gives up on a body (and reports nothing for it). */
  private static final int MAX_BLOCK_VISITS = 50_000;

  private final VisitorState state;
  private final CloseSites sites;

  CloseFlow(VisitorState state, CloseSites sites) {
    this.state = state;
    this.sites = sites;
  }

  /** The closes in the method or lambda at {@code body} that may close a closed channel. */
  List<Report> analyze(TreePath body) {
    ControlFlowGraph cfg = FlowGraphs.of(body, state);
    Map<Block, State> in = new LinkedHashMap<>();
    in.put(cfg.getEntryBlock(), new State());
    Deque<Block> work = new ArrayDeque<>();
    work.add(cfg.getEntryBlock());
    int visits = 0;
    while (!work.isEmpty()) {
      if (++visits > MAX_BLOCK_VISITS) {
        return List.of();
      }
      Block block = work.poll();
      State before = in.get(block);
      State out = before.copy();
      for (Node node : block.getNodes()) {
        apply(node, out, null);
      }
      for (FlowGraphs.Edge edge : FlowGraphs.successors(block)) {
        // A node that threw did not close (or start) anything.
        State along = edge.exceptional() && block instanceof ExceptionBlock ? before : out;
        State current = in.get(edge.to());
        if (current == null) {
          in.put(edge.to(), along.copy());
          work.add(edge.to());
        } else if (current.join(along) && !work.contains(edge.to())) {
          work.add(edge.to());
        }
      }
    }
    List<Report> reports = new ArrayList<>();
    in.forEach((block, entry) -> {
      State replay = entry.copy();
      for (Node node : block.getNodes()) {
        apply(node, replay, reports);
      }
    });
    return reports;
  }

  private void apply(Node node, State s, @Nullable List<Report> reports) {
    switch (node) {
      case AssignmentNode assignment -> assign(assignment, s);
      case MethodInvocationNode invocation -> invocation(invocation.getTree(), s, reports);
      case ObjectCreationNode creation when Goroutines.isLaunch(creation.getTree(), state) ->
          launch(creation.getTree(), creation.getTree().getArguments(), null, s, reports);
      default -> {}
    }
  }

  private void assign(AssignmentNode assignment, State s) {
    if (!(ASTHelpers.getSymbol(assignment.getTarget().getTree()) instanceof Symbol target)
        || !sites.isTracked(target)) {
      return;
    }
    Symbol source = sites.trackedVariable(strip(assignment.getExpression().getTree()));
    if (source != null) {
      s.holders.put(target, new HashSet<>(values(source, s))); // an alias: the same channel
    } else {
      Object fresh = assignment.getTree(); // a new channel each time this runs
      s.holders.put(target, new HashSet<>(Set.of(fresh)));
      s.closed.remove(fresh);
    }
  }

  private void invocation(MethodInvocationTree call, State s, @Nullable List<Report> reports) {
    if (call == null) {
      return;
    }
    if (sites.closedBy(call) instanceof CloseSites.Site site) {
      close(site, sites.guardOf(call), s, reports);
    }
    if (sites.checkedBy(call) instanceof Symbol checked) {
      values(checked, s).forEach(s.closed::remove); // if (!ch.isClosed()) ch.close(): trusted
    }
    if (Goroutines.isLaunch(call, state)) {
      launch(call, call.getArguments(), null, s, reports);
    } else if (sites.isAfterFunc(call)) {
      launch(call, call.getArguments(), sites.afterFuncHandle(call), s, reports);
    }
  }

  /** A goroutine closes, as it starts, every channel from outside it that it may close. */
  private void launch(
      Tree launch,
      List<? extends ExpressionTree> arguments,
      @Nullable Symbol handle,
      State s,
      @Nullable List<Report> reports) {
    for (ExpressionTree argument : arguments) {
      if (argument instanceof LambdaExpressionTree
          || (argument instanceof NewClassTree newClass && newClass.getClassBody() != null)) {
        for (CloseSites.Site site : sites.closesInside(argument)) {
          Symbol guard = sites.guardOf(site.tree());
          close(site, guard != null ? guard : handle, s, reports);
        }
      } else if (argument instanceof MemberReferenceTree reference
          && sites.closedBy(reference) instanceof CloseSites.Site site) {
        close(site, handle, s, reports);
      }
    }
  }

  private void close(
      CloseSites.Site site, @Nullable Symbol guard, State s, @Nullable List<Report> reports) {
    Set<Object> values = values(site.variable(), s);
    if (values.size() != 1) {
      return; // it may hold either of two channels: not followed
    }
    Object channel = values.iterator().next();
    Close earlier = s.closed.get(channel);
    if (earlier == null) {
      s.closed.put(channel, new Close(site.tree(), guard));
    } else if (reports != null && (guard == null || guard != earlier.guard())) {
      reports.add(new Report(site.tree(), site.name(), earlier.site()));
    }
  }

  private static Set<Object> values(Symbol variable, State s) {
    Set<Object> values = s.holders.get(variable);
    return values == null ? Set.of(variable) : values;
  }

  private static @Nullable ExpressionTree strip(@Nullable Tree tree) {
    Tree current = tree;
    while (current instanceof ExpressionTree expression) {
      ExpressionTree stripped = ASTHelpers.stripParentheses(expression);
      if (stripped instanceof TypeCastTree cast) {
        current = cast.getExpression();
      } else {
        return stripped;
      }
    }
    return null;
  }
}
