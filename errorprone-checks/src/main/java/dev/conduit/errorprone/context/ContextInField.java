package dev.conduit.errorprone.context;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.conduit.errorprone.common.ConduitApi;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.common.Docs;
import dev.conduit.errorprone.common.Presence;
import javax.lang.model.element.ElementKind;

/**
 * Go's containedctx: a {@code Context} kept in a field outlives the call it belongs to, so later
 * calls run under a cancellation and deadline that are not theirs.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A Context is stored in a field; pass it as the first parameter of each call instead.",
    severity = WARNING,
    linkType = CUSTOM,
    link = Docs.PAGES + "ContextInField.md")
public final class ContextInField extends ConduitChecker implements VariableTreeMatcher {

  public ContextInField() {
    super(Presence.CONTEXT);
  }

  @Override
  public Description matchVariable(VariableTree tree, VisitorState state) {
    return analyse(tree, state, () -> match(tree, state));
  }

  private Description match(VariableTree tree, VisitorState state) {
    VarSymbol field = ASTHelpers.getSymbol(tree);
    if (field == null
        || field.getKind() != ElementKind.FIELD
        // A static field is Go's package-level variable, which containedctx leaves alone too.
        || field.isStatic()
        || !ConduitApi.isContext(field.type, state)
        // A record is a message; Go's tutorials carry a request's context in one on purpose.
        || (field.flags() & Flags.RECORD) != 0
        || holdsFinalRoot(tree, field, state)
        || ownsAndCancels(field, state)) {
      return Description.NO_MATCH;
    }
    return buildDescription(tree)
        .setMessage(
            message(
                String.format(
                    "Context field '%s' outlives the call it came with", field.getSimpleName()),
                "later calls run under a cancellation and deadline that are not theirs",
                "pass the context as the first parameter of each method, or carry it in a record"
                    + " message"))
        .build();
  }

  /**
   * {@code final Context root = Context.background();}: a root has no cancellation or deadline to
   * outlive (a test class's context, say).
   */
  private static boolean holdsFinalRoot(VariableTree tree, VarSymbol field, VisitorState state) {
    return (field.flags() & Flags.FINAL) != 0
        && tree.getInitializer() != null
        && ConduitApi.ROOT_CONTEXT.matches(tree.getInitializer(), state);
  }

  /**
   * A class that creates a cancellable context and cancels it (in {@code close()}, say) owns a
   * lifetime, not a borrowed request context.
   */
  private static boolean ownsAndCancels(VarSymbol field, VisitorState state) {
    if (!ConduitApi.isCancellableContext(field.type, state)) {
      return false;
    }
    ClassTree owner = state.findEnclosing(ClassTree.class);
    if (owner == null) {
      return false;
    }
    boolean[] cancels = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (call.getMethodSelect() instanceof MemberSelectTree select
            && (select.getIdentifier().contentEquals("cancel")
                || select.getIdentifier().contentEquals("close"))
            && refersTo(select.getExpression(), field)) {
          cancels[0] = true;
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitTry(TryTree tryTree, Void unused) {
        for (var resource : tryTree.getResources()) {
          if (resource instanceof ExpressionTree expression && refersTo(expression, field)) {
            cancels[0] = true;
          }
        }
        return super.visitTry(tryTree, null);
      }
    }.scan(owner, null);
    return cancels[0];
  }

  private static boolean refersTo(ExpressionTree expression, Symbol field) {
    return ASTHelpers.getSymbol(ASTHelpers.stripParentheses(expression)) == field;
  }
}
