package dev.conduit.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.jspecify.annotations.Nullable;

/**
 * Findings in protocol terms: offsets become lines and UTF-16 columns of the analysed text, and a
 * message that names another line ("declared at line 8") gets that line as related information.
 */
final class Protocol {
  static final String SOURCE = "conduit";
  private static final Pattern LINE_REFERENCE = Pattern.compile("\\blines? (\\d+)\\b");

  private final String uri;
  private final String text;
  private final int[] lineStarts;
  private final @Nullable String docsBase;

  /** {@code docsBase} ends with a slash and holds docs/checks/ and processor/README.md. */
  Protocol(String uri, String text, @Nullable String docsBase) {
    this.uri = uri;
    this.text = text;
    this.docsBase = docsBase;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  Position position(int offset) {
    int o = Math.max(0, Math.min(offset, text.length()));
    int line = java.util.Arrays.binarySearch(lineStarts, o);
    if (line < 0) {
      line = -line - 2;
    }
    return new Position(line, o - lineStarts[line]);
  }

  Range range(int start, int end) {
    return new Range(position(start), position(Math.max(start, end)));
  }

  Diagnostic diagnostic(Finding f) {
    Diagnostic d = new Diagnostic();
    d.setRange(range(f.start(), f.end()));
    d.setMessage(f.message());
    d.setSource(SOURCE);
    d.setCode(f.rule());
    d.setSeverity(f.error() ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning);
    String page = page(f.rule());
    if (page != null) {
      d.setCodeDescription(new DiagnosticCodeDescription(page));
    }
    List<DiagnosticRelatedInformation> related = new ArrayList<>();
    Matcher m = LINE_REFERENCE.matcher(f.message());
    int ownLine = position(f.start()).getLine();
    while (m.find()) {
      int line = Integer.parseInt(m.group(1)) - 1;
      if (line >= 0 && line < lineStarts.length && line != ownLine) {
        related.add(
            new DiagnosticRelatedInformation(
                new Location(uri, lineRange(line)), "line " + (line + 1) + " in this file"));
      }
    }
    if (!related.isEmpty()) {
      d.setRelatedInformation(related);
    }
    return d;
  }

  /** The page that explains a rule (docs/checks/RULE.md) or the processor's ids. */
  @Nullable String page(String rule) {
    if (docsBase == null) {
      return null;
    }
    return docsBase
        + (rule.startsWith("Conduit") ? "processor/README.md" : "docs/checks/" + rule + ".md");
  }

  /** A line's text without its indentation and line break. */
  private Range lineRange(int line) {
    int start = lineStarts[line];
    int end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return range(start, end);
  }

  CodeAction action(Finding.FixSuggestion fix, Diagnostic diagnostic, boolean preferred) {
    List<TextEdit> edits = new ArrayList<>();
    for (Finding.Edit e : fix.edits()) {
      edits.add(new TextEdit(range(e.start(), e.end()), e.text()));
    }
    CodeAction action = new CodeAction(fix.title());
    action.setKind(CodeActionKind.QuickFix);
    action.setDiagnostics(List.of(diagnostic));
    action.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
    if (preferred) {
      action.setIsPreferred(true);
    }
    return action;
  }
}
