import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Counts, per rule, the cases its tests hold, and writes the precision table of {@code
 * docs/checks/README.md}. Run from the repository root with a JDK 21+:
 *
 * <pre>
 * java docs/checks/Precision.java            # prints the table
 * java docs/checks/Precision.java --write    # replaces the table in docs/checks/README.md
 * java docs/checks/Precision.java --check    # exits 1 when the README's table is stale
 * </pre>
 *
 * <p>What it counts, in the test classes of a rule ({@code errorprone-checks/src/test/java},
 * files named {@code <Rule>Test.java} or {@code <Rule><Anything>Test.java}):
 *
 * <ul>
 *   <li>bad: each {@code // BUG: Diagnostic contains:} marker, one finding the test requires;
 *   <li>good: each method of the compiled test sources (string lines or text blocks) with no
 *       marker in it or just above it, code the test requires to stay silent;
 *   <li>known misses: in the test methods named {@code todo...}, each {@code // TODO} comment of
 *       their sources (or one per method without any): misses kept visible, never good cases.
 * </ul>
 *
 * Beside them, every rule must stay silent on the methods of the samples that all rules
 * compile clean (the tutorials of {@code HygieneTutorialsStayCleanTest} and the integration tests
 * {@code tutorial-patterns} and {@code go-originals}); that number is shared. The
 * known gaps are the bullets of each page's "Known gaps" section.
 */
public final class Precision {
  private static final Path DOCS = Path.of("docs/checks");

  /** The rules, in the order of the checks table of docs/checks/README.md: no list of its own. */
  private static final List<String> RULES = rulesOfTheChecksTable();

  /** The checks' tests, searched in every package. */
  private static final Path TESTS = Path.of("errorprone-checks/src/test/java");
  private static final List<Path> CLEAN_SAMPLES =
      List.of(
          Path.of("errorprone-checks/src/test/resources/dev/conduit/errorprone/tutorials"),
          Path.of("integration-tests/src/it/tutorial-patterns/src/main/java"),
          Path.of("integration-tests/src/it/go-originals/src/main/java"));
  private static final String BEGIN = "<!-- precision:begin (java docs/checks/Precision.java --write) -->";
  private static final String END = "<!-- precision:end -->";

  /** A method declaration: modifiers, a return type (or none for a constructor), a name, '('. */
  private static final Pattern METHOD =
      Pattern.compile(
          "^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|private|protected|static|final|abstract|"
              + "synchronized|default)\\s+)*(?:<[^>]+>\\s+)?(?:[\\w.<>\\[\\]?, @]+\\s+)?"
              + "(?!if\\b|for\\b|while\\b|switch\\b|catch\\b|return\\b|new\\b|else\\b|try\\b|do\\b)"
              + "\\w+\\s*\\([^;]*$");

  private static final Pattern MARKER = Pattern.compile("//\\s*BUG: Diagnostic contains");
  private static final Pattern TODO = Pattern.compile("//\\s*TODO");

  record Counts(int bad, int good, int misses) {}

  public static void main(String[] args) throws IOException {
    String table = table();
    Path readme = DOCS.resolve("README.md");
    String text = Files.readString(readme);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    String updated =
        begin < 0 || end < begin
            ? null
            : text.substring(0, begin + BEGIN.length()) + "\n" + table + text.substring(end);
    if (args.length > 0 && args[0].equals("--write")) {
      if (updated == null) {
        throw new IllegalStateException("no precision markers in " + readme);
      }
      Files.writeString(readme, updated);
    } else if (args.length > 0 && args[0].equals("--check")) {
      if (!text.equals(updated)) {
        System.err.println("docs/checks/README.md's precision table is stale: run --write");
        System.exit(1);
      }
    } else {
      System.out.print(table);
    }
  }

  private static List<String> rulesOfTheChecksTable() {
    Pattern row = Pattern.compile("^\\| \\[(\\w+)\\]\\((\\w+)\\.md\\) \\|");
    List<String> rules = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(DOCS.resolve("README.md"))) {
        if (line.startsWith(BEGIN)) {
          break;
        }
        var m = row.matcher(line);
        if (m.find() && m.group(1).equals(m.group(2))) {
          rules.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return List.copyOf(rules);
  }

  static String table() throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("| rule | bad: must be reported | good: must stay silent | known misses in tests | known gaps |\n");
    out.append("|---|---:|---:|---:|---|\n");
    int[] total = new int[3];
    for (String rule : RULES) {
      Counts counts = new Counts(0, 0, 0);
      for (Path test : testsOf(rule)) {
        Counts file = count(Files.readAllLines(test));
        counts =
            new Counts(
                counts.bad() + file.bad(),
                counts.good() + file.good(),
                counts.misses() + file.misses());
      }
      total[0] += counts.bad();
      total[1] += counts.good();
      total[2] += counts.misses();
      int gaps = gaps(rule);
      out.append(
          String.format(
              "| [%s](%s.md) | %d | %d | %d | [%d listed](%s.md#known-gaps) |%n",
              rule, rule, counts.bad(), counts.good(), counts.misses(), gaps, rule));
    }
    out.append(String.format("| all rules | %d | %d | %d | |%n", total[0], total[1], total[2]));
    out.append(
        String.format(
            "%nEvery rule must also stay silent on the %d methods of the samples that all rules"
                + " compile clean (the tutorials of `HygieneTutorialsStayCleanTest` and the"
                + " `tutorial-patterns` and `go-originals` integration tests), and on the 5,344"
                + " files of the [corpus run](../../corpus/README.md).%n",
            cleanSampleMethods()));
    return out.toString();
  }

  private static List<Path> testsOf(String rule) throws IOException {
    try (Stream<Path> files = Files.walk(TESTS)) {
      return files
          .filter(
              f -> {
                String name = f.getFileName().toString();
                return name.startsWith(rule)
                    && name.endsWith("Test.java")
                    // AbandonedSender must not take a hypothetical AbandonedSenderX rule's tests.
                    && RULES.stream()
                        .noneMatch(r -> r.length() > rule.length() && name.startsWith(r));
              })
          .sorted()
          .toList();
    }
  }

  /** A JUnit method of the test class itself, two spaces in. */
  private static final Pattern TEST_METHOD = Pattern.compile("^  (?:public )?void (\\w+)\\(");

  /**
   * Counts one test class, reading only the lines of the sources it compiles. A test method named
   * {@code todo...} holds known misses: its sources count as misses (each {@code // TODO}, or one
   * for the method), never as good cases.
   */
  static Counts count(List<String> lines) {
    int bad = 0;
    int good = 0;
    int misses = 0;
    boolean inBlock = false;
    boolean todoTest = false;
    int todosInTest = 0;
    boolean methodOpen = false;
    boolean methodMarked = false;
    boolean pendingMarker = false;
    for (String line : lines) {
      String trimmed = line.trim();
      String code = null;
      if (!inBlock && trimmed.endsWith("\"\"\"")) {
        inBlock = true;
        continue;
      } else if (inBlock && trimmed.startsWith("\"\"\"")) {
        inBlock = false;
        continue;
      } else if (inBlock) {
        code = line;
      } else if (trimmed.startsWith("\"") && trimmed.lastIndexOf('"') > 0) {
        code = trimmed.substring(1, trimmed.lastIndexOf('"')).replace("\\\"", "\"");
      } else {
        var test = TEST_METHOD.matcher(line);
        if (test.find()) {
          // A new JUnit method: close the last source method and the last todo test.
          if (methodOpen && !methodMarked && !todoTest) {
            good++;
          }
          if (todoTest && todosInTest == 0) {
            misses++;
          }
          methodOpen = false;
          pendingMarker = false;
          todoTest = test.group(1).startsWith("todo");
          todosInTest = 0;
        }
        continue;
      }
      if (MARKER.matcher(code).find()) {
        bad++;
        pendingMarker = true;
        methodMarked |= methodOpen;
        continue;
      }
      if (TODO.matcher(code).find()) {
        misses += todoTest ? 1 : 0;
        todosInTest++;
        continue;
      }
      if (code.trim().startsWith("//") || code.isBlank()) {
        continue;
      }
      if (METHOD.matcher(code).find() && code.contains("{")) {
        if (methodOpen && !methodMarked && !todoTest) {
          good++;
        }
        methodOpen = true;
        methodMarked = pendingMarker;
      }
      pendingMarker = false;
    }
    if (methodOpen && !methodMarked && !todoTest) {
      good++;
    }
    if (todoTest && todosInTest == 0) {
      misses++;
    }
    return new Counts(bad, good, misses);
  }

  private static int gaps(String rule) throws IOException {
    List<String> lines = Files.readAllLines(DOCS.resolve(rule + ".md"));
    int count = 0;
    boolean inGaps = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inGaps = line.trim().equals("## Known gaps");
      } else if (inGaps && line.startsWith("- ")) {
        count++;
      }
    }
    return count;
  }

  private static int cleanSampleMethods() throws IOException {
    int methods = 0;
    for (Path root : CLEAN_SAMPLES) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          for (String line : Files.readAllLines(file)) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("//")
                && !trimmed.startsWith("*")
                && METHOD.matcher(line).find()
                && line.contains("{")) {
              methods++;
            }
          }
        }
      }
    }
    return methods;
  }

  private Precision() {}
}
