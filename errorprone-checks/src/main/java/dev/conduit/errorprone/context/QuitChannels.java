package dev.conduit.errorprone.context;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import dev.conduit.errorprone.common.Declarations;
import dev.conduit.errorprone.flow.Goroutines;
import dev.conduit.errorprone.flow.LocalChannels;
import java.util.List;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Go's shutdown broadcast written inline: a method starts goroutines that wait on a local quit
 * channel, and the method itself ends every wait with {@code quit.close()} (Go's {@code
 * close(quit)}).
 *
 * <p>Any close the method makes counts, on one branch as much as on every path: the close shows
 * that the method took the job of ending the waits, and a path that forgets it is a leak of the
 * method's own making, which giving the waits a context would hide rather than fix.
 */
final class QuitChannels {

  private QuitChannels() {}

  /**
   * Whether {@code channel}, waited on at {@code at}, is a local of a method that starts the
   * goroutine around {@code at} and closes the channel itself, outside its goroutines.
   */
  public static boolean closedByStarter(
      @Nullable ExpressionTree channel, TreePath at, VisitorState state) {
    if (channel == null
        || !(ASTHelpers.getSymbol(ASTHelpers.stripParentheses(channel)) instanceof VarSymbol var)
        || var.getKind() != ElementKind.LOCAL_VARIABLE
        || !(Declarations.find(var, state) instanceof VariableTree declaration)) {
      return false;
    }
    TreePath goroutine = Goroutines.enclosing(at, state);
    if (goroutine == null
        || ((JCTree) declaration).getStartPosition()
            >= ((JCTree) goroutine.getLeaf()).getStartPosition()) {
      return false; // The wait is in the method's own goroutine, or the channel is the worker's.
    }
    TreePath blockPath = LocalChannels.enclosingBlock(declaration, state);
    if (blockPath == null
        || !(blockPath.getLeaf() instanceof com.sun.source.tree.BlockTree block)) {
      return false;
    }
    TreePath owner = Goroutines.enclosing(new TreePath(blockPath, declaration), state);
    Tree ownerLeaf = owner == null ? null : owner.getLeaf();
    List<? extends StatementTree> statements = block.getStatements();
    boolean[] closed = {false};
    TreePathScanner<Void, Void> closes =
        new TreePathScanner<>() {
          @Override
          public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
            if (call.getArguments().isEmpty()
                && call.getMethodSelect() instanceof MemberSelectTree select
                && select.getIdentifier().contentEquals("close")
                && ASTHelpers.getSymbol(select.getExpression()) == var) {
              TreePath in = Goroutines.enclosing(getCurrentPath(), state);
              closed[0] |= (in == null ? null : in.getLeaf()) == ownerLeaf;
            }
            return super.visitMethodInvocation(call, null);
          }
        };
    for (StatementTree statement :
        statements.subList(statements.indexOf(declaration) + 1, statements.size())) {
      closes.scan(new TreePath(blockPath, statement), null);
      if (closed[0]) {
        return true;
      }
    }
    return false;
  }
}
