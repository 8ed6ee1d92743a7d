package dev.conduit.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.conduit.errorprone.util.ConduitApi;
import dev.conduit.errorprone.util.Docs;
import dev.conduit.errorprone.util.Guard;
import dev.conduit.errorprone.util.Presence;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;

/** Go's staticcheck SA1012: {@code null} passed where a {@code Context} is expected. */
@BugPattern(
    summary = "null is passed as a Context; pass Context.todo() when no context is at hand.",
    severity = ERROR,
    linkType = CUSTOM,
    link = Docs.PAGES + "NullContext.md")
public final class NullContext extends BugChecker
    implements MethodInvocationTreeMatcher, NewClassTreeMatcher {

  /**
   * Nothing to do where Conduit is absent: it looks only at parameters typed as a Conduit context.
   */
  private static final Supplier<Boolean> PRESENT = Presence.anyOf(Presence.CONTEXT);

  /** Test helpers whose lambda is expected to throw: passing null there tests the null check. */
  private static final Set<String> EXPECTS_THROW =
      Set.of("assertThrows", "assertThatThrownBy", "assertThatCode", "expectThrows");

  /** For ServiceLoader, which Error Prone uses to find plugin checks. */
  public NullContext() {}

  /** For Error Prone, which injects the {@code -XepOpt} flags; this check has none. */
  @Inject
  public NullContext(ErrorProneFlags flags) {}

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!PRESENT.get(state)) {
      return Description.NO_MATCH;
    }
    return Guard.run(() -> match(tree.getArguments(), ASTHelpers.getSymbol(tree), state));
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    if (!PRESENT.get(state)) {
      return Description.NO_MATCH;
    }
    return Guard.run(() -> match(tree.getArguments(), ASTHelpers.getSymbol(tree), state));
  }

  private Description match(
      List<? extends ExpressionTree> arguments, MethodSymbol method, VisitorState state) {
    // Cheap first: most calls have no null literal argument at all.
    if (method == null || arguments.stream().noneMatch(NullContext::isNull)) {
      return Description.NO_MATCH;
    }
    List<Type> formals = method.getParameters().stream().map(p -> p.type).toList();
    for (int i = 0; i < arguments.size() && !formals.isEmpty(); i++) {
      ExpressionTree argument = arguments.get(i);
      Type formal = formals.get(Math.min(i, formals.size() - 1));
      if (method.isVarArgs()
          && i >= formals.size() - 1
          && formal instanceof Type.ArrayType array
          && arguments.size() != formals.size()) {
        formal = array.elemtype;
      }
      if (isNull(argument) && ConduitApi.isContext(formal, state) && !expectsThrow(state)) {
        state.reportMatch(describe(argument, formal, state));
      }
    }
    return Description.NO_MATCH;
  }

  private Description describe(ExpressionTree argument, Type formal, VisitorState state) {
    Description.Builder description = buildDescription(argument);
    // Context.todo() is no CancellableContext: a parameter that needs one gets no mechanical fix.
    if (!ConduitApi.isCancellableContext(formal, state)) {
      SuggestedFix.Builder fix = SuggestedFix.builder();
      String context = SuggestedFixes.qualifyType(state, fix, ConduitApi.CONTEXT);
      description.addFix(fix.replace(argument, context + ".todo()").build());
    }
    return description
        .setMessage(
            "null is passed as a Context, so the callee fails or cannot tell a missing context from"
                + " an uncancellable one; pass the caller's context, or Context.todo() if there is"
                + " none yet")
        .build();
  }

  private static boolean isNull(ExpressionTree argument) {
    ExpressionTree expression = ASTHelpers.stripParentheses(argument);
    if (expression instanceof TypeCastTree cast) {
      expression = ASTHelpers.stripParentheses(cast.getExpression());
    }
    return expression.getKind() == Tree.Kind.NULL_LITERAL;
  }

  /** Inside {@code assertThrows(..., () -> ...)} or a try that catches the NPE on purpose. */
  private static boolean expectsThrow(VisitorState state) {
    for (TreePath path = state.getPath(); path != null; path = path.getParentPath()) {
      Tree parent = path.getParentPath() == null ? null : path.getParentPath().getLeaf();
      if (path.getLeaf() instanceof LambdaExpressionTree
          && parent instanceof MethodInvocationTree call
          && EXPECTS_THROW.contains(ConduitApi.methodName(call))) {
        return true;
      }
      if (parent instanceof TryTree tryTree
          && tryTree.getBlock() == path.getLeaf()
          && tryTree.getCatches().stream().anyMatch(NullContext::catchesNullPointer)) {
        return true;
      }
    }
    return false;
  }

  private static boolean catchesNullPointer(CatchTree catchTree) {
    Type caught = ASTHelpers.getType(catchTree.getParameter());
    return caught != null && caught.toString().contains("NullPointerException");
  }
}
