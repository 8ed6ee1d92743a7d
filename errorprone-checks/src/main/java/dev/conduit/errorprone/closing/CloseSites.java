package dev.conduit.errorprone.closing;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import dev.conduit.errorprone.common.ConduitApi;
import dev.conduit.errorprone.common.Declarations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The cheap syntactic half of DoubleClose, one walk over a method: where it (or code it starts)
 * closes a channel, asks whether one is closed, or registers an {@code afterFunc}; and which
 * lambdas are bodies of code of their own. The flow analysis runs only when this finds a close.
 */
final class CloseSites {

  /** Context.afterFunc(f): f runs in a goroutine of its own once the context is done. */
  private static final Matcher<ExpressionTree> AFTER_FUNC =
      instanceMethod().onDescendantOf(ConduitApi.CONTEXT).named("afterFunc");

  /**
   * A place that closes {@code variable}: {@code x.close()}, {@code x::close}, or a call of a
   * helper that closes its argument; {@code name} is how the message names the channel.
   */
  record Site(Tree tree, VarSymbol variable, String name) {}

  private final VisitorState state;
  private final ClosingHelpers helpers;
  private final ExclusiveGuards guards;
  private final Map<Tree, TreePath> paths = new IdentityHashMap<>();
  private final Map<Tree, Site> closes = new IdentityHashMap<>();
  private final Map<Tree, Symbol> handles = new IdentityHashMap<>();
  private final Map<Tree, List<Site>> inside = new IdentityHashMap<>();
  private final Map<Tree, @Nullable Symbol> guardCache = new HashMap<>();
  private final List<TreePath> lambdas = new ArrayList<>();

  private CloseSites(VisitorState state) {
    this.state = state;
    this.helpers = new ClosingHelpers(state);
    this.guards = new ExclusiveGuards(state);
  }

  /** Walks the method at {@code method}. */
  static CloseSites scan(TreePath method, VisitorState state) {
    CloseSites sites = new CloseSites(state);
    sites.walk(method);
    return sites;
  }

  /** Whether the method closes anything a flow analysis could follow. */
  boolean anyClose() {
    return !closes.isEmpty();
  }

  /** The lambdas of the method outside local classes (whose methods are matched on their own). */
  List<TreePath> lambdas() {
    return lambdas;
  }

  @Nullable Site closedBy(Tree tree) {
    return closes.get(tree);
  }

  @Nullable Symbol checkedBy(MethodInvocationTree call) {
    return call.getArguments().isEmpty()
            && call.getMethodSelect() instanceof MemberSelectTree select
            && select.getIdentifier().contentEquals("isClosed")
        ? trackedVariable(select.getExpression())
        : null;
  }

  boolean isAfterFunc(MethodInvocationTree call) {
    // The name first: the matcher resolves the receiver's type, and this runs for every call of
    // every method, nearly none of which is named afterFunc.
    boolean named =
        switch (call.getMethodSelect()) {
          case MemberSelectTree select -> select.getIdentifier().contentEquals("afterFunc");
          case IdentifierTree identifier -> identifier.getName().contentEquals("afterFunc");
          default -> true;
        };
    return named && AFTER_FUNC.matches(call, state);
  }

  /** The local the {@code AfterFunc} handle of {@code call} is kept in, whose stop() guards. */
  @Nullable Symbol afterFuncHandle(MethodInvocationTree call) {
    return handles.get(call);
  }

  /** The exclusive test guarding the close {@code site}, or null. */
  @Nullable Symbol guardOf(Tree site) {
    if (guardCache.containsKey(site)) {
      return guardCache.get(site);
    }
    TreePath path = paths.get(site);
    Symbol guard = path == null ? null : guards.guardOf(path);
    guardCache.put(site, guard);
    return guard;
  }

  /** The closes inside a goroutine's body of channels declared outside it. */
  List<Site> closesInside(Tree body) {
    return inside.computeIfAbsent(
        body,
        unused -> {
          int start = ((JCTree) body).getStartPosition();
          int end = state.getEndPosition(body);
          List<Site> found = new ArrayList<>();
          for (Site site : closes.values()) {
            int at = ((JCTree) site.tree()).getStartPosition();
            if (at >= start
                && at < end
                && site.tree() != body
                && declaredOutside(site, start, end)) {
              found.add(site);
            }
          }
          found.sort((a, b) ->
              Integer.compare(
                  ((JCTree) a.tree()).getStartPosition(), ((JCTree) b.tree()).getStartPosition()));
          return found;
        });
  }

  private boolean declaredOutside(Site site, int start, int end) {
    Tree declaration = Declarations.find(site.variable(), state);
    int at = declaration == null ? -1 : ((JCTree) declaration).getStartPosition();
    return at < start || at >= end;
  }

  /** Locals, parameters and final fields of a channel type: what another method cannot reassign. */
  boolean isTracked(Symbol symbol) {
    return symbol instanceof VarSymbol variable
        && (!(variable.owner instanceof Symbol.ClassSymbol)
            || (variable.flags() & Flags.FINAL) != 0)
        && ConduitApi.isChannel(variable.type, state);
  }

  @Nullable VarSymbol trackedVariable(@Nullable ExpressionTree tree) {
    VarSymbol variable = ConduitApi.variable(tree);
    return variable != null && isTracked(variable) ? variable : null;
  }

  private void walk(TreePath method) {
    new TreePathScanner<Void, Void>() {
      private int classDepth = 0;

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        site(call).ifPresent(site -> record(site));
        if (isAfterFunc(call)) {
          Tree parent = getCurrentPath().getParentPath().getLeaf();
          Symbol handle =
              switch (parent) {
                case VariableTree variable -> ASTHelpers.getSymbol(variable);
                case AssignmentTree assignment -> ASTHelpers.getSymbol(assignment.getVariable());
                default -> null;
              };
          if (handle != null) {
            handles.put(call, handle);
          }
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
        if (reference.getName().contentEquals("close")
            && trackedVariable(reference.getQualifierExpression()) instanceof VarSymbol variable) {
          record(
              new Site(
                  reference, variable, state.getSourceForNode(reference.getQualifierExpression())));
        }
        return super.visitMemberReference(reference, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        if (classDepth == 0) {
          lambdas.add(getCurrentPath());
        }
        return super.visitLambdaExpression(lambda, null);
      }

      @Override
      public Void visitClass(ClassTree local, Void unused) {
        classDepth++;
        try {
          return super.visitClass(local, null);
        } finally {
          classDepth--;
        }
      }

      private void record(Site site) {
        closes.put(site.tree(), site);
        paths.put(site.tree(), getCurrentPath());
      }
    }.scan(method, null);
  }

  /** {@code x.close()} on a tracked channel, or a call of a helper that closes its argument. */
  private java.util.Optional<Site> site(MethodInvocationTree call) {
    if (call.getArguments().isEmpty()
        && call.getMethodSelect() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("close")
        && trackedVariable(select.getExpression()) instanceof VarSymbol variable) {
      return java.util.Optional.of(
          new Site(call, variable, state.getSourceForNode(select.getExpression())));
    }
    if (call.getArguments().isEmpty()
        || !(ASTHelpers.getSymbol(call) instanceof MethodSymbol method)
        || call.getArguments().stream()
            .noneMatch(argument -> ConduitApi.isChannel(ASTHelpers.getType(argument), state))) {
      return java.util.Optional.empty();
    }
    Set<Integer> closed = helpers.closedParameters(method);
    for (int i : closed) {
      if (i < call.getArguments().size()
          && trackedVariable(call.getArguments().get(i)) instanceof VarSymbol variable) {
        return java.util.Optional.of(
            new Site(call, variable, state.getSourceForNode(call.getArguments().get(i))));
      }
    }
    return java.util.Optional.empty();
  }
}
