package dev.conduit.vet;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Code that does not compile (half-written methods, missing symbols, syntax errors, annotations on
 * the wrong things, errors inside select lambdas) must give the user javac's errors, or Conduit's
 * declaration errors, and never a Conduit stack trace.
 *
 * <p>Each sample runs twice: through conduit-vet, and in the single javac pass a Maven or Gradle
 * build makes (processor and every rule together), where {@code --should-stop=ifError=FLOW} hands
 * the processor elements javac has already rejected. The surefire configuration sets {@code
 * conduit.errorprone.rethrow}, so a rule that fails is not quietly skipped.
 */
class BrokenSourcesTest {
  /** Every file of the robustness samples: a new sample is tested without touching this class. */
  static List<String> samples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(VetTest.sample("robustness")))) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".java"))
              .sorted()
              .toList();
      assertThat(names).hasSize(7);
      return names;
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void vetShowsErrorsNotAStackTrace(String name) {
    VetTest.Run run = VetTest.vet(VetTest.sample("robustness/" + name));
    String all = run.out() + run.err();
    assertThat(run.status()).isNotEqualTo(Vet.CLEAN);
    assertThat(all).containsMatch("error: |\\[Conduit[A-Za-z]+\\] ");
    assertNoCrash(all);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void oneBuildPassShowsErrorsNotAStackTrace(String name, @TempDir Path out) throws IOException {
    Path source = Path.of(VetTest.sample("robustness/" + name));
    Javac.Outcome outcome = Javac.run(oneBuildPass(out), List.of(source));
    List<String> errors =
        outcome.diagnostics().stream()
            .filter(d -> d.kind() == Diagnostic.Kind.ERROR)
            .map(Javac.Reported::message)
            .toList();
    assertWithMessage("javac printed:%s", outcome.printed()).that(errors).isNotEmpty();
    assertNoCrash(String.join("\n", errors) + outcome.printed());
  }

  /** The options a build that enables the processor and every rule at ERROR passes to javac. */
  private static List<String> oneBuildPass(Path out) throws IOException {
    List<String> o = new ArrayList<>();
    o.addAll(List.of("--release", "21", "-implicit:none", "-Xmaxerrs", "10000"));
    o.addAll(List.of("-classpath", System.getProperty("conduit.vet.runtimeClasspath")));
    o.addAll(List.of("-processorpath", System.getProperty("java.class.path")));
    o.addAll(List.of("-d", Files.createDirectories(out.resolve("classes")).toString()));
    o.addAll(List.of("-s", Files.createDirectories(out.resolve("generated")).toString()));
    o.addAll(List.of("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW"));
    String rules =
        Rules.discover().all().keySet().stream()
            .map(r -> " -Xep:" + r + ":ERROR")
            .collect(Collectors.joining());
    assertThat(rules).isNotEmpty();
    o.add("-Xplugin:ErrorProne -XepDisableAllChecks" + rules);
    return o;
  }

  private static void assertNoCrash(String output) {
    assertThat(output).doesNotContain("\tat ");
    assertThat(output).doesNotContainMatch("(?m)^\\s+at [\\w$.]+\\(");
    assertThat(output).doesNotContain("An unhandled exception was thrown by the Error Prone");
    assertThat(output).doesNotContain("threw an uncaught exception");
    assertThat(output).doesNotContain("could not run the compiler");
    assertThat(output).doesNotContain("ConduitInternalError");
    assertThat(output).doesNotContain("An exception has occurred in the compiler");
  }
}
