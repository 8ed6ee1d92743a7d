package dev.conduit.lsp;

import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.fixes.ErrorProneEndPosTable;
import com.google.errorprone.fixes.Fix;
import com.google.errorprone.fixes.Replacement;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns an Error Prone {@link Description} into a {@link Finding}: its range in the file and each
 * of its fixes as plain text edits, imports included.
 */
final class Fixes {
  private final CompilationUnitTree unit;
  private final String text;
  private final ErrorProneEndPosTable endPositions;

  Fixes(CompilationUnitTree unit, String text) {
    this.unit = unit;
    this.text = text;
    this.endPositions = ErrorProneEndPosTable.create(unit);
  }

  Finding finding(Description d) {
    int start = Math.max(0, d.position.getStartPosition());
    int end = d.position.getEndPosition(endPositions);
    if (end < start) {
      end = Math.max(start, d.position.getPreferredPosition());
    }
    List<Finding.FixSuggestion> fixes = new ArrayList<>();
    for (Fix fix : d.fixes) {
      List<Finding.Edit> edits = edits(fix);
      if (!edits.isEmpty()) {
        String title = fix.getShortDescription();
        fixes.add(
            new Finding.FixSuggestion(
                title == null || title.isBlank() ? "Fix " + d.checkName : title, edits));
      }
    }
    Finding.FixSuggestion suppress = Suppression.forRule(d.checkName, unit, text, start);
    if (suppress != null) {
      fixes.add(suppress);
    }
    return new Finding(
        d.checkName,
        Analyzer.firstLine(d.getRawMessage()),
        d.severity() == SeverityLevel.ERROR,
        start,
        end,
        List.copyOf(fixes));
  }

  private List<Finding.Edit> edits(Fix fix) {
    List<Finding.Edit> edits = new ArrayList<>();
    for (Replacement r : fix.getReplacements(endPositions)) {
      edits.add(new Finding.Edit(r.startPosition(), r.endPosition(), r.replaceWith()));
    }
    Set<String> present = new TreeSet<>();
    int afterImports = importInsertionPoint(present);
    StringBuilder imports = new StringBuilder();
    for (String statement : fix.getImportsToAdd()) {
      // Error Prone gives whole statements ("import java.util.List") or bare names.
      String name = statement.replaceFirst("^import\\s+", "").replace(";", "").strip();
      if (!present.contains(name) && !inSamePackageOrLang(name)) {
        imports.append("import ").append(name).append(";\n");
      }
    }
    if (!edits.isEmpty() && imports.length() > 0) {
      edits.add(new Finding.Edit(afterImports, afterImports, imports.toString()));
    }
    return edits;
  }

  /** Where a new import goes: after the last import, else after the package line, else at 0. */
  private int importInsertionPoint(Set<String> present) {
    int point = 0;
    for (ImportTree i : unit.getImports()) {
      present.add((i.isStatic() ? "static " : "") + i.getQualifiedIdentifier().toString());
      point = Math.max(point, ErrorProneEndPosTable.getEndPosition(i, unit));
    }
    if (point == 0 && unit.getPackage() != null) {
      point = ErrorProneEndPosTable.getEndPosition(unit.getPackage(), unit);
    }
    if (point <= 0) {
      return 0;
    }
    int newline = text.indexOf('\n', point);
    return newline < 0 ? text.length() : newline + 1;
  }

  private boolean inSamePackageOrLang(String name) {
    int dot = name.lastIndexOf('.');
    String pkg = dot < 0 ? "" : name.substring(0, dot);
    String own = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    return pkg.equals("java.lang") || pkg.equals(own);
  }
}
