package dev.conduit.vet;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.errorprone.BugPattern;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule registry: every rule registered for Error Prone (its
 * {@code @AutoService(BugChecker.class)} line, read here through the ServiceLoader as Error Prone
 * reads it) and every id of the processor's {@code ErrorId} has all the places a rule needs. The
 * test names each rule and each place it lacks, so a rule copied from a neighbour shows at once
 * what is still to write.
 *
 * <p>Rules are found only by walking the registration, and files only by walking folders: no list
 * of rules, classes or packages is kept here. Places that are derived from the registration (the
 * tutorials-stay-clean runs, {@code conduit-vet --help}) are checked too, so that a hand-kept list
 * put back in their place would still have to be complete.
 */
class RuleRegistryTest {

  private static final Path ROOT = root();
  private static final Path CHECK_TESTS = ROOT.resolve("errorprone-checks/src/test/java");
  private static final Path IT = ROOT.resolve("integration-tests/src/it");
  private static final Path RULE_FINDINGS = IT.resolve("rule-findings");
  private static final Path CANARY = IT.resolve("go-originals/src/canary/java");
  private static final Path SAMPLE = ROOT.resolve("samples/mistakes");

  private static Path root() {
    Path root = Vet.repositoryRoot();
    assertWithMessage("the Conduit checkout (a folder with docs/checks) above cli's classes")
        .that(root)
        .isNotNull();
    return root;
  }

  @Test
  void everyRegisteredRuleHasEveryPlaceARuleNeeds() throws IOException {
    Rules rules = Rules.discover();
    assertWithMessage("no rule is registered: the checks module is missing from the class path")
        .that(rules.all())
        .isNotEmpty();
    Places places = new Places(help());
    Map<String, List<String>> missing = new TreeMap<>();
    for (Rules.Rule rule : rules.all().values()) {
      List<String> lacks = places.missingFor(rule);
      if (!lacks.isEmpty()) {
        missing.put(rule.name(), lacks);
      }
    }
    for (String id : Rules.processorIds()) {
      List<String> lacks = places.missingForProcessorId(id);
      if (!lacks.isEmpty()) {
        missing.put(id, lacks);
      }
    }
    if (!missing.isEmpty()) {
      StringBuilder report = new StringBuilder();
      missing.forEach((rule, lacks) -> {
        report.append(rule).append(" lacks:\n");
        lacks.forEach(place -> report.append("  - ").append(place).append('\n'));
      });
      assertWithMessage("registered rules with places missing:\n%s", report).fail();
    }
  }

  /** The registry sees what Error Prone sees: the checks' own registration, no other list. */
  @Test
  void theRegistryIsTheChecksRegistration() {
    Rules rules = Rules.discover();
    for (Rules.Rule rule : rules.all().values()) {
      assertThat(rule.link()).isEqualTo("docs/checks/" + rule.name() + ".md");
    }
    assertThat(rules.checkers()).hasSize(rules.all().size());
    assertThat(Rules.processorIds()).isNotEmpty();
    assertThat(Rules.processorIds()).containsNoneIn(rules.all().keySet());
  }

  private static String help() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Vet.run(
            new String[] {"--help"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(Vet.CLEAN);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The repository's files that name rules, read once. */
  private static final class Places {
    private final String help;
    private final List<String> docsTable;
    private final List<String> precisionTable;
    private final List<String> readmeTable;
    private final List<String> processorReadme;
    private final List<Path> checkTests;
    private final List<Path> tutorialTests;
    private final List<Path> ruleFindingsSources;
    private final String ruleFindingsVerify;
    private final String canary;
    private final String sample;
    private final String vetTest;
    private final String lspServerTest;
    private final String nvimTest;
    private final String processorErrorsVerify;

    Places(String help) throws IOException {
      this.help = help;
      String docs = read(ROOT.resolve("docs/checks/README.md"));
      int precision = docs.indexOf("<!-- precision:begin");
      this.docsTable = tableRows(precision < 0 ? docs : docs.substring(0, precision));
      this.precisionTable = precision < 0 ? List.of() : tableRows(docs.substring(precision));
      this.readmeTable = tableRows(read(ROOT.resolve("README.md")));
      this.processorReadme = tableRows(read(ROOT.resolve("processor/README.md")));
      this.checkTests = javaFiles(CHECK_TESTS, name -> name.endsWith("Test.java"));
      this.tutorialTests =
          checkTests.stream()
              .filter(p -> p.getFileName().toString().endsWith("TutorialsStayCleanTest.java"))
              .toList();
      this.ruleFindingsSources = javaFiles(RULE_FINDINGS.resolve("src"), name -> true);
      this.ruleFindingsVerify = read(RULE_FINDINGS.resolve("verify.groovy"));
      this.canary = concat(javaFiles(CANARY, name -> true));
      this.sample = concat(javaFiles(SAMPLE, name -> true));
      this.vetTest = read(ROOT.resolve("cli/src/test/java/dev/conduit/vet/VetTest.java"));
      this.lspServerTest = read(ROOT.resolve("lsp/src/test/java/dev/conduit/lsp/ServerTest.java"));
      this.nvimTest = read(ROOT.resolve("lsp/src/test/nvim/samples_test.lua"));
      this.processorErrorsVerify = read(IT.resolve("processor-errors/verify.groovy"));
    }

    List<String> missingFor(Rules.Rule rule) throws IOException {
      String name = rule.name();
      String severity = rule.severity().name();
      List<String> lacks = new ArrayList<>();

      // Documentation.
      if (!Files.isRegularFile(ROOT.resolve("docs/checks/" + name + ".md"))) {
        lacks.add("its page docs/checks/" + name + ".md");
      }
      if (!rule.link().equals("docs/checks/" + name + ".md")) {
        lacks.add(
            "a @BugPattern link to its own page (linkType = CUSTOM, link = \"docs/checks/"
                + name
                + ".md\"), not \""
                + rule.link()
                + "\"");
      }
      String docsRow = row(docsTable, "| [" + name + "](" + name + ".md) |");
      if (docsRow == null) {
        lacks.add("its row in the checks table of docs/checks/README.md");
      } else if (!cells(docsRow).contains(severity)) {
        lacks.add("its severity " + severity + " in its row of docs/checks/README.md");
      }
      if (row(precisionTable, "| [" + name + "](" + name + ".md) |") == null) {
        lacks.add(
            "its row in the precision table of docs/checks/README.md (with its row in the"
                + " checks table, run java docs/checks/Precision.java --write from the root)");
      }
      String readmeRow = row(readmeTable, "| `" + name + "` |");
      if (readmeRow == null) {
        lacks.add("its row in the Rules table of README.md");
      } else if (!cells(readmeRow).contains(severity)) {
        lacks.add("its severity " + severity + " in its row of README.md's Rules table");
      }

      // Tests of the rule itself: any test class of the checks module whose name starts with the
      // rule's name and that runs the rule, wherever its package is.
      boolean tested = false;
      for (Path test : checkTests) {
        if (test.getFileName().toString().startsWith(name)
            && read(test).contains(name + ".class")) {
          tested = true;
          break;
        }
      }
      if (!tested) {
        lacks.add(
            "a test class named "
                + name
                + "...Test.java under errorprone-checks/src/test/java that runs "
                + name
                + ".class");
      }

      // The tutorials-stay-clean runs: each takes the registered checks, or names this one.
      if (tutorialTests.isEmpty()) {
        lacks.add("a tutorials-stay-clean test (no *TutorialsStayCleanTest.java found)");
      }
      for (Path test : tutorialTests) {
        String text = read(test);
        if (!text.contains("registeredChecks()") && !text.contains(name + ".class")) {
          lacks.add(
              "its place in "
                  + test.getFileName()
                  + " (it neither takes the registered checks nor names "
                  + name
                  + ".class)");
        }
      }

      // Integration builds.
      String mistake = name + "Mistake.java";
      if (ruleFindingsSources.stream().noneMatch(p -> p.getFileName().toString().equals(mistake))) {
        lacks.add("its sample " + mistake + " in integration-tests/src/it/rule-findings");
      }
      String level = rule.severity() == BugPattern.SeverityLevel.ERROR ? "error" : "warning";
      String expected = mistake + ":[";
      String tag = "] " + level + ": [" + name + "] ";
      if (ruleFindingsVerify.lines().noneMatch(l -> l.contains(expected) && l.contains(tag))) {
        lacks.add(
            "its expected finding '"
                + mistake
                + ":[line,col] "
                + level
                + ": ["
                + name
                + "] ...' in integration-tests/src/it/rule-findings/verify.groovy");
      }
      Pattern canaryLine =
          Pattern.compile("//\\s*" + Pattern.quote(name) + "\\s*$", Pattern.MULTILINE);
      if (!canaryLine.matcher(canary).find()) {
        lacks.add(
            "its canary mistake, marked '// "
                + name
                + "', in integration-tests/src/it/go-originals/src/canary/java");
      }

      // conduit-vet and the editor: the shipped sample and the tests that list its findings.
      if (!sample.contains("/** " + name + ":")) {
        lacks.add(
            "its mistake in samples/mistakes, a class whose comment starts '/** " + name + ":'");
      }
      if (!vetTest.contains("[" + name + "]\"")) {
        lacks.add("its sample finding in VetTest.theShippedSampleShowsEveryRuleOnce (cli)");
      }
      if (!lspServerTest.contains("\"" + name + "@")) {
        lacks.add(
            "its sample finding in ServerTest.everySampleMistakeIsADiagnosticAtItsLine (lsp)");
      }
      if (!nvimTest.contains("\"" + name + "\"")) {
        lacks.add("its sample finding in lsp/src/test/nvim/samples_test.lua");
      }
      if (!Pattern.compile("(?m)^  " + Pattern.quote(name) + " +" + severity + " ")
          .matcher(help)
          .find()) {
        lacks.add("its line, with its severity " + severity + ", in conduit-vet --help");
      }
      return lacks;
    }

    List<String> missingForProcessorId(String id) {
      List<String> lacks = new ArrayList<>();
      if (row(readmeTable, "| `" + id + "` |") == null) {
        lacks.add("its row in the Rules table of README.md");
      }
      if (row(processorReadme, "| `" + id + "` |") == null) {
        lacks.add("its row in the declaration checks table of processor/README.md");
      }
      // Only a bug in the processor raises ConduitInternalError, so no sample can show it.
      if (!id.equals("ConduitInternalError") && !processorErrorsVerify.contains("[" + id + "]")) {
        lacks.add("its expected error in integration-tests/src/it/processor-errors/verify.groovy");
      }
      if (!Pattern.compile("(?m)^  " + Pattern.quote(id) + "$").matcher(help).find()) {
        lacks.add("its line in conduit-vet --help");
      }
      return lacks;
    }
  }

  private static List<String> tableRows(String markdown) {
    return markdown.lines().filter(l -> l.startsWith("| ")).toList();
  }

  private static String row(List<String> rows, String start) {
    return rows.stream().filter(r -> r.startsWith(start)).findFirst().orElse(null);
  }

  private static List<String> cells(String row) {
    return Stream.of(row.split("\\|")).map(String::strip).toList();
  }

  private static List<Path> javaFiles(Path dir, Predicate<String> name) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".java") && name.test(p.getFileName().toString()))
          .sorted()
          .toList();
    }
  }

  private static String concat(List<Path> files) {
    StringBuilder text = new StringBuilder();
    files.forEach(f -> text.append(read(f)).append('\n'));
    return text.toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
