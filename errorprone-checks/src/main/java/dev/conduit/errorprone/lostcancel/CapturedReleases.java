package dev.conduit.errorprone.lostcancel;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What a lambda, method reference or anonymous class does with the handles it captures: release
 * them ({@code child::cancel}, a goroutine that calls {@code child.cancel()}), return or store
 * them, or hand them to a parameter that can release them. The body runs later, maybe on another
 * thread, so the handle counts as handed over where the lambda is created.
 */
final class CapturedReleases {

  /** Receives each captured local that the body may release, with the kinds it releases. */
  interface Release {
    void of(@Nullable Symbol variable, Predicate<CancelHandles.Kind> kinds);
  }

  private CapturedReleases() {}

  /**
   * Scans {@code body}.
   *
   * @param tracked whether a local holds handles (assignments to it are not hand-overs)
   */
  static void scan(Tree body, Predicate<Symbol> tracked, Release release, VisitorState state) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        ExpressionTree receiver = ASTHelpers.getReceiver(tree);
        String method = ASTHelpers.getSymbol(tree).getSimpleName().toString();
        if (receiver != null) {
          release.of(ASTHelpers.getSymbol(receiver), kind -> CancelHandles.releases(kind, method));
        }
        arguments(tree.getArguments(), ASTHelpers.getSymbol(tree));
        return super.visitMethodInvocation(tree, null);
      }

      @Override
      public Void visitNewClass(NewClassTree tree, Void unused) {
        arguments(tree.getArguments(), ASTHelpers.getSymbol(tree));
        return super.visitNewClass(tree, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        String method = tree.getName().toString();
        release.of(
            ASTHelpers.getSymbol(tree.getQualifierExpression()),
            kind -> CancelHandles.releases(kind, method));
        return super.visitMemberReference(tree, null);
      }

      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        if (tree.getExpression() instanceof IdentifierTree identifier) {
          release.of(ASTHelpers.getSymbol(identifier), kind -> true);
        }
        return super.visitReturn(tree, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        if (tree.getExpression() instanceof IdentifierTree identifier
            && !tracked.test(ASTHelpers.getSymbol(tree.getVariable()))) {
          release.of(ASTHelpers.getSymbol(identifier), kind -> true);
        }
        return super.visitAssignment(tree, null);
      }

      private void arguments(List<? extends ExpressionTree> arguments, Symbol method) {
        if (!(method instanceof MethodSymbol callee) || callee.getParameters().isEmpty()) {
          return;
        }
        List<VarSymbol> parameters = callee.getParameters();
        for (int i = 0; i < arguments.size(); i++) {
          if (arguments.get(i) instanceof IdentifierTree identifier) {
            Type type = parameters.get(Math.min(i, parameters.size() - 1)).asType();
            release.of(
                ASTHelpers.getSymbol(identifier),
                kind -> CancelHandles.canRelease(type, kind, state));
          }
        }
      }
    }.scan(body, null);
  }
}
