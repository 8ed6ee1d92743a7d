package dev.conduit.errorprone.closing;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.conduit.errorprone.common.ConduitApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Methods of the file being checked that close a channel parameter on every path: {@code static
 * void finish(Channel<T> out) { out.close(); }}. A call of one closes its argument, as the close
 * written in its place would.
 *
 * <p>Only methods that cannot be overridden count (private, static, final, or in a final class),
 * only a close written as a statement of the method's own block or of a {@code finally} there (it
 * runs on every path), and only when the method neither asks {@code isClosed()} of the parameter
 * nor reassigns it: a helper that checks first is a safe close, not a second one.
 */
final class ClosingHelpers {

  private final VisitorState state;
  private final Map<MethodSymbol, Set<Integer>> closedParameters = new HashMap<>();

  ClosingHelpers(VisitorState state) {
    this.state = state;
  }

  /** The positions of the parameters {@code method} always closes; empty when it is no helper. */
  Set<Integer> closedParameters(MethodSymbol method) {
    return closedParameters.computeIfAbsent(method, this::find);
  }

  private Set<Integer> find(MethodSymbol method) {
    boolean fixed =
        (method.flags() & (Flags.PRIVATE | Flags.STATIC | Flags.FINAL)) != 0
            || (method.owner.flags() & Flags.FINAL) != 0;
    if (!fixed
        || method.getParameters().isEmpty()
        || !(declarationInFile(method) instanceof MethodTree tree)
        || tree.getBody() == null) {
      return Set.of();
    }
    List<StatementTree> always = new ArrayList<>(tree.getBody().getStatements());
    for (StatementTree statement : tree.getBody().getStatements()) {
      if (statement instanceof TryTree tryTree && tryTree.getFinallyBlock() != null) {
        always.addAll(tryTree.getFinallyBlock().getStatements());
      }
    }
    Set<Symbol> closed = new HashSet<>();
    for (StatementTree statement : always) {
      if (statement instanceof ExpressionStatementTree expression
          && expression.getExpression() instanceof MethodInvocationTree call
          && call.getArguments().isEmpty()
          && call.getMethodSelect() instanceof MemberSelectTree select
          && select.getIdentifier().contentEquals("close")
          && ConduitApi.isChannel(ASTHelpers.getType(select.getExpression()), state)
          && ASTHelpers.getSymbol(select.getExpression()) instanceof Symbol variable) {
        closed.add(variable);
      }
    }
    closed.removeAll(checkedOrReassigned(tree.getBody()));
    Set<Integer> positions = new HashSet<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      if (closed.contains(method.getParameters().get(i))) {
        positions.add(i);
      }
    }
    return positions;
  }

  /** The method's declaration, when it is in the file being checked. */
  private @Nullable MethodTree declarationInFile(MethodSymbol method) {
    TreePath path = JavacTrees.instance(state.context).getPath(method);
    return path != null
            && path.getCompilationUnit() == state.getPath().getCompilationUnit()
            && path.getLeaf() instanceof MethodTree tree
        ? tree
        : null;
  }

  private static Set<Symbol> checkedOrReassigned(BlockTree body) {
    Set<Symbol> excluded = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (call.getMethodSelect() instanceof MemberSelectTree select
            && select.getIdentifier().contentEquals("isClosed")
            && ASTHelpers.getSymbol(select.getExpression()) instanceof Symbol checked) {
          excluded.add(checked);
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        if (ASTHelpers.getSymbol(assignment.getVariable()) instanceof Symbol target) {
          excluded.add(target);
        }
        return super.visitAssignment(assignment, null);
      }
    }.scan(body, null);
    return excluded;
  }
}
