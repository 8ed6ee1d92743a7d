package dev.conduit.errorprone.context;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.matchers.Description;
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
import dev.conduit.errorprone.common.ConduitApi;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.common.Docs;
import dev.conduit.errorprone.common.Presence;
import java.util.List;
import java.util.Set;

/** Go's staticcheck SA1012: {@code null} passed where a {@code Context} is expected. */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "null is passed as a Context; pass Context.todo() when no context is at hand.",
    severity = ERROR,
    linkType = CUSTOM,
    link = Docs.PAGES + "NullContext.md")
public final class NullContext extends ConduitChecker
    implements MethodInvocationTreeMatcher, NewClassTreeMatcher {

  /** Test helpers whose lambda is expected to throw: passing null there tests the null check. */
  private static final Set<String> EXPECTS_THROW =
      Set.of("assertThrows", "assertThatThrownBy", "assertThatCode", "expectThrows");

  public NullContext() {
    super(Presence.CONTEXT);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return analyse(
        tree, state, () -> match(tree.getArguments(), ASTHelpers.getSymbol(tree), state));
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return analyse(
        tree, state, () -> match(tree.getArguments(), ASTHelpers.getSymbol(tree), state));
  }

  private Description match(
      List<? extends ExpressionTree> arguments, MethodSymbol method, VisitorState state) {
    // Cheap first: most calls have no argument that could be null by construction at all.
    if (method == null || arguments.stream().noneMatch(NullContext::mayBeNull)) {
      return Description.NO_MATCH;
    }
    List<Type> formals = parameterTypes(method, state);
    for (int i = 0; i < arguments.size() && !formals.isEmpty(); i++) {
      ExpressionTree argument = arguments.get(i);
      Type formal = formals.get(Math.min(i, formals.size() - 1));
      if (method.isVarArgs()
          && i >= formals.size() - 1
          && formal instanceof Type.ArrayType array
          && arguments.size() != formals.size()) {
        formal = array.elemtype;
      }
      if (mayBeNull(argument) && ConduitApi.isContext(formal, state) && !expectsThrow(state)) {
        ExpressionTree literal = NullArguments.nullLiteralIn(argument, state);
        if (literal != null) {
          report(state, describe(argument, literal, formal, state));
        }
      }
    }
    return Description.NO_MATCH;
  }

  /**
   * The parameter types as the call sees them. A functional interface's method is generic in what
   * it takes ({@code Consumer<T>.accept(T)}); through a {@code Consumer<Context>} it takes a
   * Context. Only that one method is seen through its type arguments: a collection's or a
   * reference's {@code put(k, null)} or {@code set(null)} is how code clears a slot.
   */
  private static List<Type> parameterTypes(MethodSymbol method, VisitorState state) {
    List<Type> declared = method.getParameters().stream().map(p -> p.type).toList();
    if (!(state.getPath().getLeaf() instanceof MethodInvocationTree call)
        || !method.isAbstract()
        || method.owner.type == null
        || !state.getTypes().isFunctionalInterface(method.owner.type)) {
      return declared;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    Type receiverType = receiver == null ? null : ASTHelpers.getType(receiver);
    if (receiverType == null) {
      return declared;
    }
    Type asMember = state.getTypes().memberType(receiverType, method);
    return asMember instanceof Type.MethodType methodType
        ? List.copyOf(methodType.getParameterTypes())
        : declared;
  }

  private Description describe(
      ExpressionTree argument, ExpressionTree literal, Type formal, VisitorState state) {
    Description.Builder description = buildDescription(argument);
    boolean local = ASTHelpers.stripParentheses(argument).getKind() == Tree.Kind.IDENTIFIER;
    // Context.todo() is no CancellableContext: a parameter that needs one gets no mechanical fix.
    // A local that is still null gets none either: the fix belongs where it was left null.
    if (!ConduitApi.isCancellableContext(formal, state) && !local) {
      SuggestedFix.Builder fix = SuggestedFix.builder();
      String context = SuggestedFixes.qualifyType(state, fix, ConduitApi.CONTEXT);
      description.addFix(fix.replace(literal, context + ".todo()").build());
    }
    String how =
        local
            ? "null is passed as a Context (the local '"
                + state.getSourceForNode(argument)
                + "' is still null here)"
            : literal == argument
                ? "null is passed as a Context"
                : "null is passed as a Context (a branch of the conditional is null)";
    return description
        .setMessage(
            message(
                how,
                "the callee fails, or cannot tell a missing context from an uncancellable one",
                "pass the caller's context, or Context.todo() if there is none yet"))
        .build();
  }

  /** Literally null, a conditional with a null branch, or a local that may still hold null. */
  private static boolean mayBeNull(ExpressionTree argument) {
    ExpressionTree expression = ASTHelpers.stripParentheses(argument);
    if (expression instanceof TypeCastTree cast) {
      expression = ASTHelpers.stripParentheses(cast.getExpression());
    }
    return switch (expression.getKind()) {
      case NULL_LITERAL, CONDITIONAL_EXPRESSION, IDENTIFIER -> true;
      default -> false;
    };
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
