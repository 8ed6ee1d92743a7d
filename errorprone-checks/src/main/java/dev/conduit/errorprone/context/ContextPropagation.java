package dev.conduit.errorprone.context;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.conduit.errorprone.common.ConduitApi;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.common.Docs;
import dev.conduit.errorprone.common.Presence;
import dev.conduit.errorprone.context.ContextScope.InScope;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Go's contextcheck: code that has a context passes a fresh root ({@code background()} or {@code
 * todo()}) instead, so the callee no longer stops when the caller's work is cancelled or times out.
 * {@code ctx.withoutCancel()} is the explicit way to detach and is not reported.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Context.background() or todo() is passed where a Context is already in scope.",
    severity = ERROR,
    linkType = CUSTOM,
    link = Docs.PAGES + "ContextPropagation.md")
public final class ContextPropagation extends ConduitChecker
    implements MethodInvocationTreeMatcher {

  public ContextPropagation() {
    super(Presence.CONTEXT);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return analyse(tree, state, () -> match(tree, state));
  }

  private Description match(MethodInvocationTree tree, VisitorState state) {
    String name = ConduitApi.writtenName(tree);
    if (!tree.getArguments().isEmpty()
        || !(name.equals("background") || name.equals("todo"))
        || !ConduitApi.ROOT_CONTEXT.matches(tree, state)) {
      return Description.NO_MATCH;
    }
    TreePath use = outerExpression(state.getPath());
    if (!flowsAsContext(use, state)) {
      return Description.NO_MATCH;
    }
    // A local that starts a tree of its own (a root, or derived from one) carries nothing of the
    // caller's: several independent roots side by side are fine.
    List<InScope> scope =
        ContextScope.innermost(
            ContextScope.at(state.getPath(), state).stream()
                .filter(c -> !ContextScope.startsOwnTree(c, state))
                .toList(),
            state);
    if (scope.isEmpty() || isNullDefault(use, scope)) {
      return Description.NO_MATCH;
    }
    String names =
        scope.stream()
            .map(c -> "'" + c.symbol().getSimpleName() + "'")
            .distinct()
            .collect(Collectors.joining(", "));
    Description.Builder description =
        buildDescription(tree)
            .setMessage(
                message(
                    String.format(
                        "Context.%s() starts a new root although %s %s in scope",
                        name, names, scope.size() == 1 ? "is" : "are"),
                    "this work no longer stops when the caller's is cancelled or times out",
                    "pass the context in scope, or ctx.withoutCancel() to detach on purpose"));
    if (scope.size() == 1) {
      description.addFix(
          SuggestedFix.replace(tree, scope.get(0).symbol().getSimpleName().toString()));
    }
    return description.build();
  }

  /** Climbs out of parentheses to the tree that uses the root's value. */
  private static TreePath outerExpression(TreePath path) {
    TreePath current = path;
    while (current.getParentPath().getLeaf() instanceof ParenthesizedTree) {
      current = current.getParentPath();
    }
    return current;
  }

  /** An argument where a Context is declared, or the receiver of a derivation. */
  private static boolean flowsAsContext(TreePath use, VisitorState state) {
    Tree value = use.getLeaf();
    Tree parent = use.getParentPath().getLeaf();
    if (parent instanceof MemberSelectTree select && select.getExpression() == value) {
      Tree call = use.getParentPath().getParentPath().getLeaf();
      return call instanceof MethodInvocationTree invocation
          && ConduitApi.DERIVE_CONTEXT.matches(invocation, state);
    }
    List<? extends ExpressionTree> arguments;
    Symbol callee;
    if (parent instanceof MethodInvocationTree call) {
      arguments = call.getArguments();
      callee = ASTHelpers.getSymbol(call);
    } else if (parent instanceof NewClassTree newClass) {
      arguments = newClass.getArguments();
      callee = ASTHelpers.getSymbol(newClass);
    } else {
      return false;
    }
    int index = arguments.indexOf(value);
    if (index < 0 || !(callee instanceof MethodSymbol method) || method.getParameters().isEmpty()) {
      return false;
    }
    List<Symbol.VarSymbol> formals = method.getParameters();
    Type formal = formals.get(Math.min(index, formals.size() - 1)).type;
    if (method.isVarArgs()
        && index >= formals.size() - 1
        && formal instanceof Type.ArrayType array) {
      formal = array.elemtype;
    }
    return ConduitApi.isContext(formal, state);
  }

  /**
   * {@code ctx != null ? ctx.withCancel() : Context.background().withCancel()}: a default for a
   * context that may be missing, not a replacement for one that is there.
   */
  private static boolean isNullDefault(TreePath use, List<InScope> scope) {
    Set<Symbol> contexts = scope.stream().map(InScope::symbol).collect(Collectors.toSet());
    for (TreePath path = use; path.getParentPath() != null; path = path.getParentPath()) {
      Tree parent = path.getParentPath().getLeaf();
      if (parent instanceof ConditionalExpressionTree conditional
          && conditional.getCondition() != path.getLeaf()
          && mentions(conditional.getCondition(), contexts)) {
        return true;
      }
      if (!(parent instanceof ExpressionTree)) {
        return false;
      }
    }
    return false;
  }

  private static boolean mentions(Tree tree, Set<Symbol> contexts) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        found[0] |= contexts.contains(ASTHelpers.getSymbol(identifier));
        return null;
      }
    }.scan(tree, null);
    return found[0];
  }
}
