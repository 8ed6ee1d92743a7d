package dev.conduit.errorprone.lostcancel;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.conduit.errorprone.common.Declarations;
import dev.conduit.errorprone.lostcancel.CancelFlow.Leak;
import dev.conduit.errorprone.lostcancel.CancelFlow.Pending;
import dev.conduit.errorprone.lostcancel.CancelFlow.State;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import org.checkerframework.errorprone.dataflow.cfg.node.ArrayCreationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.FunctionalInterfaceNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.ObjectCreationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ReturnNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TernaryExpressionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TypeCastNode;
import org.jspecify.annotations.Nullable;

/** How each node of the graph changes {@link CancelFlow}'s state. */
final class Transfer {
  private final Map<Tree, CancelHandles.Kind> tracked;
  private final VisitorState state;

  /** Handles some path returns, stores or hands over, rather than releasing them itself. */
  final Set<Tree> handedOver = new HashSet<>();

  Transfer(Map<Tree, CancelHandles.Kind> tracked, VisitorState state) {
    this.tracked = tracked;
    this.state = state;
  }

  /** Applies {@code node} to {@code s}; overwrites are added to {@code leaks} when given. */
  void apply(Node node, State s, @Nullable List<Leak> leaks) {
    if (node instanceof AssignmentNode assignment) {
      assign(assignment, s, leaks);
    } else if (node instanceof MethodInvocationNode invocation) {
      created(node, s);
      if (fluentRoot(invocation.getTarget().getReceiver()) instanceof LocalVariableNode receiver) {
        String method = invocation.getTarget().getMethod().getSimpleName().toString();
        releaseIf(s, symbol(receiver), kind -> CancelHandles.releases(kind, method));
      }
      Symbol method = (Symbol) invocation.getTarget().getMethod();
      arguments(invocation.getArguments(), method, s);
    } else if (node instanceof ObjectCreationNode creation) {
      created(node, s);
      arguments(creation.getArguments(), ASTHelpers.getSymbol(creation.getTree()), s);
      if (creation.getTree().getClassBody() != null) {
        releaseCaptured(creation.getTree().getClassBody(), s);
      }
    } else if (node instanceof ArrayCreationNode array) {
      for (Node element : array.getInitializers()) {
        escape(element, s);
      }
    } else if (node instanceof FunctionalInterfaceNode functional) {
      releaseCaptured(functional.getTree(), s);
    } else if (node instanceof ReturnNode ret) {
      if (ret.getResult() != null) {
        escape(ret.getResult(), s);
      }
      tagExit(s, ret.getTree());
    }
  }

  /** Marks the handles still unreleased as leaving through {@code exit}, unless already marked. */
  static void tagExit(State s, Tree exit) {
    Set<Pending> tagged = new HashSet<>();
    for (Pending pending : s.pending) {
      tagged.add(pending.exit() == null ? new Pending(pending.site(), exit) : pending);
    }
    s.pending.clear();
    s.pending.addAll(tagged);
  }

  private void assign(AssignmentNode assignment, State s, @Nullable List<Leak> leaks) {
    if (assignment.isSynthetic()) {
      return; // the graph's own temporaries (a ?: result) are not aliases the code can use
    }
    Node value = unwrap(assignment.getExpression());
    Set<Tree> sites = sitesOf(value, s);
    if (!(assignment.getTarget() instanceof LocalVariableNode target)) {
      sites.forEach(site -> {
        release(s, site); // stored in a field or an array element
        handedOver.add(site);
      });
      return;
    }
    Symbol variable = symbol(target);
    Set<Tree> old = s.holders.getOrDefault(variable, Set.of());
    for (Tree site : old) {
      // The creation site is a handle's identity, so the same site again is an overwrite only if
      // the handle it made on an earlier loop iteration may still be unreleased.
      boolean lost = sites.contains(site) ? s.recreated.contains(site) : isPending(s, site);
      if (leaks != null && lost && !heldElsewhere(s, variable, site, assignment.getTree())) {
        leaks.add(new Leak(site, assignment.getTree(), true));
      }
    }
    s.recreated.removeAll(sites);
    Type type = variable.asType();
    sites.removeIf(site -> !CancelHandles.canRelease(type, tracked.get(site), state));
    if (sites.isEmpty()) {
      s.holders.remove(variable);
    } else {
      s.holders.put(variable, sites);
    }
  }

  /** A tracked creation makes a handle that may be unreleased from here on. */
  private void created(Node node, State s) {
    if (node.getTree() != null && tracked.containsKey(node.getTree())) {
      if (isPending(s, node.getTree())) {
        s.recreated.add(node.getTree()); // a loop came round with last time's handle unreleased
      }
      s.pending.add(new Pending(node.getTree(), null));
    }
  }

  /** Whether {@code node} creates a tracked handle (whose exception edges carry no handle). */
  boolean creates(Node node) {
    return node.getTree() != null && tracked.containsKey(node.getTree());
  }

  /**
   * On the edge where {@code local == null} holds, a handle held only by {@code local} was not
   * created on this path (or its loss was reported where {@code local} was overwritten): {@code if
   * (ctx != null) ctx.cancel()} after a conditional creation releases every handle there is.
   */
  void knownNull(State s, Symbol local, Tree test) {
    for (Tree site : s.holders.getOrDefault(local, Set.of())) {
      if (!heldElsewhere(s, local, site, test)) {
        release(s, site);
      }
    }
  }

  private Set<Tree> sitesOf(Node node, State s) {
    Set<Tree> sites = new HashSet<>();
    Node value = fluentRoot(node); // Pool.open().add(x) is the handle Pool.open() made
    if (value instanceof LocalVariableNode local) {
      sites.addAll(s.holders.getOrDefault(symbol(local), Set.of()));
    } else if (value instanceof TernaryExpressionNode ternary) {
      sites.addAll(sitesOf(unwrap(ternary.getThenOperand()), s));
      sites.addAll(sitesOf(unwrap(ternary.getElseOperand()), s));
    } else if (value.getTree() != null && tracked.containsKey(value.getTree())) {
      sites.add(value.getTree());
    }
    return sites;
  }

  private void arguments(List<Node> arguments, @Nullable Symbol method, State s) {
    if (!(method instanceof MethodSymbol callee) || callee.getParameters().isEmpty()) {
      return;
    }
    List<VarSymbol> parameters = callee.getParameters();
    for (int i = 0; i < arguments.size(); i++) {
      if (!(unwrap(arguments.get(i)) instanceof LocalVariableNode local)) {
        continue;
      }
      Type type = parameters.get(Math.min(i, parameters.size() - 1)).asType();
      // Handed to a parameter that can release it (the handle's type, AutoCloseable, Object):
      // the callee owns it now. A plain Context parameter cannot release it.
      handOverIf(s, symbol(local), kind -> CancelHandles.canRelease(type, kind, state));
    }
  }

  /** A lambda, method reference or anonymous class that releases a captured handle. */
  private void releaseCaptured(Tree body, State s) {
    if (!s.holders.isEmpty()) {
      CapturedReleases.scan(
          body, s.holders::containsKey, (variable, test) -> handOverIf(s, variable, test), state);
    }
  }

  private void escape(Node node, State s) {
    if (unwrap(node) instanceof LocalVariableNode local) {
      handOverIf(s, symbol(local), kind -> true);
    }
  }

  /** Like {@link #releaseIf}, for a handle that leaves the code's hands (returned, stored...). */
  private void handOverIf(
      State s, @Nullable Symbol variable, java.util.function.Predicate<CancelHandles.Kind> test) {
    if (variable == null) {
      return;
    }
    for (Tree site : s.holders.getOrDefault(variable, Set.of())) {
      if (test.test(tracked.get(site))) {
        release(s, site);
        handedOver.add(site);
      }
    }
  }

  private void releaseIf(
      State s, @Nullable Symbol variable, java.util.function.Predicate<CancelHandles.Kind> test) {
    if (variable == null) {
      return;
    }
    for (Tree site : s.holders.getOrDefault(variable, Set.of())) {
      if (test.test(tracked.get(site))) {
        release(s, site);
      }
    }
  }

  private static void release(State s, Tree site) {
    s.pending.removeIf(pending -> pending.site() == site);
  }

  private static boolean isPending(State s, Tree site) {
    return s.pending.stream().anyMatch(pending -> pending.site() == site);
  }

  /**
   * Whether a local other than {@code variable}, still in scope at {@code point}, may hold the
   * handle created at {@code site}.
   */
  private boolean heldElsewhere(State s, Symbol variable, Tree site, Tree point) {
    int position = ASTHelpers.getStartPosition(point);
    return s.holders.entrySet().stream()
        .anyMatch(entry ->
            entry.getKey() != variable
                && entry.getValue().contains(site)
                && Declarations.inScope(entry.getKey(), position, state));
  }

  /**
   * The local at the start of a fluent chain ({@code builder.add(x).build()} releases {@code
   * builder}): calls that return their receiver's own type, other than tracked creations.
   */
  private Node fluentRoot(Node node) {
    Node current = unwrap(node);
    while (current instanceof MethodInvocationNode call
        && !creates(call)
        && !call.getTarget().isStatic()
        && state
            .getTypes()
            .isSameType(
                state.getTypes().erasure((Type) call.getType()),
                state.getTypes().erasure((Type) call.getTarget().getReceiver().getType()))) {
      current = unwrap(call.getTarget().getReceiver());
    }
    return current;
  }

  private static Node unwrap(Node node) {
    Node current = node;
    while (current instanceof TypeCastNode cast) {
      current = cast.getOperand();
    }
    return current;
  }

  private static Symbol symbol(LocalVariableNode local) {
    Element element = local.getElement();
    return (Symbol) element;
  }
}
