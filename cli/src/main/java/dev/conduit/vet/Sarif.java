package dev.conduit.vet;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Findings as a SARIF 2.1.0 log, the format GitHub code scanning reads: one run, the rules that
 * were checked with their help links, and one result per finding.
 */
final class Sarif {
  private Sarif() {}

  static String render(List<Finding> findings, Rules rules, String toolVersion) {
    Map<String, Rules.Rule> reported = new TreeMap<>(rules.all());
    for (Finding f : findings) {
      // Processor ids are not Error Prone rules; describe them by their id.
      reported.putIfAbsent(
          f.rule(),
          new Rules.Rule(
              f.rule(),
              "Conduit declaration check " + f.rule(),
              "",
              com.google.errorprone.BugPattern.SeverityLevel.ERROR));
    }
    List<String> ruleIds = List.copyOf(reported.keySet());
    StringBuilder out = new StringBuilder();
    out.append("{\n");
    out.append("  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n");
    out.append("  \"version\": \"2.1.0\",\n");
    out.append("  \"runs\": [\n    {\n");
    out.append("      \"tool\": {\n        \"driver\": {\n");
    out.append("          \"name\": \"conduit-vet\",\n");
    out.append("          \"version\": ").append(string(toolVersion)).append(",\n");
    out.append("          \"rules\": [");
    for (int i = 0; i < ruleIds.size(); i++) {
      Rules.Rule rule = Objects.requireNonNull(reported.get(ruleIds.get(i)));
      out.append(i == 0 ? "\n" : ",\n");
      out.append("            {\"id\": ").append(string(rule.name()));
      out.append(", \"shortDescription\": {\"text\": ").append(string(rule.summary())).append("}");
      String help = helpUri(rule.link());
      if (help != null) {
        out.append(", \"helpUri\": ").append(string(help));
      }
      out.append("}");
    }
    out.append(ruleIds.isEmpty() ? "]\n" : "\n          ]\n");
    out.append("        }\n      },\n");
    out.append("      \"results\": [");
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      out.append(i == 0 ? "\n" : ",\n");
      out.append("        {\"ruleId\": ").append(string(f.rule()));
      out.append(", \"ruleIndex\": ").append(ruleIds.indexOf(f.rule()));
      out.append(", \"level\": ")
          .append(string(level(Objects.requireNonNull(reported.get(f.rule())))));
      out.append(", \"message\": {\"text\": ").append(string(f.message())).append("}");
      out.append(", \"locations\": [{\"physicalLocation\": {");
      out.append("\"artifactLocation\": {\"uri\": ").append(string(uri(f)));
      out.append("}, \"region\": {\"startLine\": ").append(Math.max(1, f.line()));
      out.append(", \"startColumn\": ").append(Math.max(1, f.column()));
      out.append("}}}]}");
    }
    out.append(findings.isEmpty() ? "]\n" : "\n      ]\n");
    out.append("    }\n  ]\n}\n");
    return out.toString();
  }

  /** SARIF's level for a rule's default severity: error, warning, or note for a suggestion. */
  private static String level(Rules.Rule rule) {
    return switch (rule.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case SUGGESTION -> "note";
    };
  }

  /**
   * SARIF wants an absolute URI. A rule's link is either one already, or a path relative to the
   * Conduit repository ("docs/checks/ChannelDirection.md"), which resolves to the page in the
   * checkout this tool was built in; without such a checkout the link is left out.
   */
  static @org.jspecify.annotations.Nullable String helpUri(String link) {
    if (link.isEmpty()) {
      return null;
    }
    if (java.net.URI.create(link).isAbsolute()) {
      return link;
    }
    java.nio.file.Path root = Vet.repositoryRoot();
    if (root == null) {
      return null;
    }
    java.nio.file.Path page = root.resolve(link).normalize();
    return java.nio.file.Files.isRegularFile(page) ? page.toUri().toString() : null;
  }

  /** Relative paths as forward-slash URIs (what code scanning resolves against the checkout). */
  private static String uri(Finding f) {
    return f.file().isAbsolute()
        ? f.file().toUri().toString()
        : f.file().toString().replace('\\', '/');
  }

  static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
