package dev.conduit.errorprone.lostcancel;

import static java.util.stream.Collectors.joining;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The suggested fix for a lost handle: turn its declaration and the rest of its block into a
 * try-with-resources, Java's {@code defer cancel()}. Offered only where that is mechanical: the
 * handle is declared as a statement of a block, is {@code AutoCloseable}, is never reassigned, and
 * is only used as a receiver or a plain argument in the rest of the block (never returned, stored
 * or handed over, which closing it at the end of the block would break).
 */
final class TryWithResourcesFix {

  private TryWithResourcesFix() {}

  /** The fix for the handle created by {@code creation}, if it is mechanical. */
  public static Optional<SuggestedFix> forCreation(Tree creation, VisitorState state) {
    TreePath path = TreePath.getPath(state.getPath().getCompilationUnit(), creation);
    if (path == null
        || !(path.getParentPath().getLeaf() instanceof VariableTree declaration)
        || !(path.getParentPath().getParentPath().getLeaf() instanceof BlockTree block)) {
      return Optional.empty();
    }
    Symbol variable = ASTHelpers.getSymbol(declaration);
    Type autoCloseable = state.getTypeFromString("java.lang.AutoCloseable");
    if (autoCloseable == null || !state.getTypes().isSubtype(variable.asType(), autoCloseable)) {
      return Optional.empty();
    }
    List<? extends StatementTree> statements = block.getStatements();
    int index = statements.indexOf(declaration);
    if (index < 0 || index == statements.size() - 1) {
      return Optional.empty();
    }
    List<? extends StatementTree> rest = statements.subList(index + 1, statements.size());
    TreePath blockPath = path.getParentPath().getParentPath();
    for (StatementTree statement : rest) {
      if (!onlyUsedInPlace(new TreePath(blockPath, statement), variable)) {
        return Optional.empty();
      }
    }
    String header = state.getSourceForNode(declaration).strip();
    if (header.endsWith(";")) {
      header = header.substring(0, header.length() - 1);
    }
    CharSequence source = state.getSourceCode();
    int start = ASTHelpers.getStartPosition(declaration);
    String indent = source.subSequence(lineStart(source, start), start).toString();
    if (!indent.isBlank()) {
      return Optional.empty(); // the declaration shares its line with other code
    }
    StringBuilder body = new StringBuilder();
    int releaseToDrop = redundantRelease(rest, variable);
    for (int i = 0; i < rest.size(); i++) {
      if (i == releaseToDrop) {
        continue;
      }
      StatementTree statement = rest.get(i);
      int from = lineStart(source, ASTHelpers.getStartPosition(statement));
      String text = source.subSequence(from, state.getEndPosition(statement)).toString();
      // One level deeper, line by line, so comments and nested blocks keep their shape.
      body.append(text.lines().map(l -> l.isBlank() ? "" : "  " + l).collect(joining("\n")))
          .append('\n');
    }
    int end = state.getEndPosition(rest.get(rest.size() - 1));
    return Optional.of(
        SuggestedFix.replace(start, end, "try (" + header + ") {\n" + body + indent + "}"));
  }

  /**
   * The index of an explicit {@code handle.cancel()}/{@code close()}/{@code stop()} that the
   * try-with-resources makes redundant, or -1. It must be the last statement, or be followed only
   * by a {@code return} of a variable or a literal, so that releasing at the end of the block
   * instead changes nothing the method does.
   */
  private static int redundantRelease(List<? extends StatementTree> rest, Symbol variable) {
    int last = rest.size() - 1;
    int candidate = last;
    if (rest.get(last) instanceof ReturnTree ret) {
      ExpressionTree value = ret.getExpression();
      boolean plain =
          value == null
              || value instanceof LiteralTree
              || (value instanceof IdentifierTree id && ASTHelpers.getSymbol(id) != variable);
      if (!plain) {
        return -1;
      }
      candidate = last - 1;
    }
    if (candidate < 1
        || !(rest.get(candidate) instanceof ExpressionStatementTree statement)
        || !(statement.getExpression() instanceof MethodInvocationTree call)
        || !call.getArguments().isEmpty()
        || !(call.getMethodSelect() instanceof MemberSelectTree select)
        || ASTHelpers.getSymbol(select.getExpression()) != variable
        || !RELEASES.contains(select.getIdentifier().toString())) {
      return -1;
    }
    return candidate;
  }

  private static final Set<String> RELEASES = Set.of("cancel", "close", "stop");

  /** The offset where the line holding {@code position} starts. */
  private static int lineStart(CharSequence source, int position) {
    int i = position;
    while (i > 0 && source.charAt(i - 1) != '\n') {
      i--;
    }
    return i;
  }

  /** Whether every use of {@code variable} under {@code path} leaves the handle where it is. */
  private static boolean onlyUsedInPlace(TreePath path, Symbol variable) {
    boolean[] ok = {true};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) == variable) {
          Tree parent = getCurrentPath().getParentPath().getLeaf();
          boolean receiver = parent instanceof MemberSelectTree;
          boolean argument =
              parent instanceof MethodInvocationTree invocation
                  && invocation.getArguments().contains(tree)
                  && !CancelHandles.isOwnerParameter(invocation, tree);
          boolean reassigned =
              parent instanceof AssignmentTree assignment && assignment.getVariable() == tree;
          ok[0] &= (receiver || argument) && !reassigned;
        }
        return null;
      }
    }.scan(path, null);
    return ok[0];
  }
}
