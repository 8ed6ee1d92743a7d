package dev.conduit.lsp;

import com.google.errorprone.fixes.ErrorProneEndPosTable;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.tree.JCTree;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * "Suppress with @SuppressWarnings("Rule")" on the method or field that holds a finding: a new
 * annotation, or the rule added to one that is already there.
 */
final class Suppression {
  private Suppression() {}

  static Finding.@Nullable FixSuggestion forRule(
      String rule, CompilationUnitTree unit, String text, int offset) {
    Tree holder = holder(unit, offset);
    if (holder == null) {
      return null;
    }
    ModifiersTree modifiers =
        holder instanceof MethodTree m ? m.getModifiers() : ((VariableTree) holder).getModifiers();
    String title = "Suppress with @SuppressWarnings(\"" + rule + "\")";
    String quoted = "\"" + rule + "\"";
    for (AnnotationTree a : modifiers.getAnnotations()) {
      String type = a.getAnnotationType().toString();
      if (!type.equals("SuppressWarnings") && !type.equals("java.lang.SuppressWarnings")) {
        continue;
      }
      if (a.getArguments().size() != 1) {
        return null;
      }
      ExpressionTree value = a.getArguments().get(0);
      if (value instanceof AssignmentTree assign) {
        value = assign.getExpression();
      }
      int start = start(value);
      int end = ErrorProneEndPosTable.getEndPosition(value, unit);
      if (start < 0 || end <= start) {
        return null;
      }
      if (value instanceof NewArrayTree array) {
        // {"a", "b"} becomes {"a", "b", "Rule"}: insert before the closing brace.
        String insert = array.getInitializers().isEmpty() ? quoted : ", " + quoted;
        int brace = text.lastIndexOf('}', end - 1);
        return new Finding.FixSuggestion(title, List.of(new Finding.Edit(brace, brace, insert)));
      }
      return new Finding.FixSuggestion(
          title,
          List.of(
              new Finding.Edit(
                  start, end, "{" + text.substring(start, end) + ", " + quoted + "}")));
    }
    int at = start(holder);
    if (!modifiers.getAnnotations().isEmpty() || !modifiers.getFlags().isEmpty()) {
      at = Math.min(at, start(modifiers));
    }
    int lineStart = text.lastIndexOf('\n', at - 1) + 1;
    String indent = text.substring(lineStart, at);
    if (!indent.isBlank()) {
      indent = "";
    }
    return new Finding.FixSuggestion(
        title, List.of(new Finding.Edit(at, at, "@SuppressWarnings(" + quoted + ")\n" + indent)));
  }

  private static int start(Tree tree) {
    return ((JCTree) tree).getStartPosition();
  }

  /** The innermost method, or field, whose source holds {@code offset}. */
  private static @Nullable Tree holder(CompilationUnitTree unit, int offset) {
    Tree[] found = {null};
    new TreeScanner<Void, Tree>() {
      @Override
      public Void visitMethod(MethodTree node, Tree parent) {
        consider(node);
        return super.visitMethod(node, node);
      }

      @Override
      public Void visitVariable(VariableTree node, Tree parent) {
        if (parent instanceof ClassTree) {
          consider(node);
        }
        return super.visitVariable(node, node);
      }

      @Override
      public Void visitClass(ClassTree node, Tree parent) {
        return super.visitClass(node, node);
      }

      private void consider(Tree node) {
        int start = start(node);
        int end = ErrorProneEndPosTable.getEndPosition(node, unit);
        if (start <= offset && offset < end) {
          found[0] = node; // visited outside-in, so the last hit is the innermost
        }
      }
    }.scan(unit, null);
    return found[0];
  }
}
