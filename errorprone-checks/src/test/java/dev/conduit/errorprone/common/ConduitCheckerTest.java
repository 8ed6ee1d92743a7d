package dev.conduit.errorprone.common;

import static com.google.common.truth.Truth.assertThat;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.main.Main.Result;
import dev.conduit.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The base class every Conduit rule extends: its gate, its crash guard (a visible warning in users'
 * builds, a failure in Conduit's own tests) and its generated-code policy.
 */
class ConduitCheckerTest {

  /** A rule, ERROR by default like Conduit's, that fails on every method named {@code crash}. */
  @BugPattern(summary = "Fails on methods named crash.", severity = ERROR)
  public static final class Crashing extends ConduitChecker implements MethodTreeMatcher {
    public Crashing() {
      super(ConduitApi.CHANNEL);
    }

    @Override
    public Description matchMethod(MethodTree tree, VisitorState state) {
      return analyse(tree, state, () -> match(tree));
    }

    private Description match(MethodTree tree) {
      return switch (tree.getName().toString()) {
        case "crash" -> throw new IllegalStateException("unforeseen tree");
        case "link" -> throw new NoSuchMethodError("an API a newer Error Prone removed");
        case "deep" -> throw new StackOverflowError();
        case "flag" -> describeMatch(tree);
        default -> Description.NO_MATCH;
      };
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Crashing.class, getClass()).withClasspath(Channel.class);

  @AfterEach
  void restoreTheTestSetting() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @Test
  void aFailingRuleWarnsInUsersBuildsAndTheBuildSucceeds() {
    System.clearProperty(ConduitChecker.RETHROW_PROPERTY);
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "class Test {",
            "  // BUG: Diagnostic contains: Conduit's Crashing could not analyse method 'crash'"
                + " (IllegalStateException: unforeseen tree); no findings are reported for it",
            "  void crash(Channel<String> c) {}",
            "  void fine(Channel<String> c) {}",
            "}")
        .expectResult(Result.OK)
        .doTest();
  }

  @Test
  void linkageAndStackOverflowFailuresWarnToo() {
    System.clearProperty(ConduitChecker.RETHROW_PROPERTY);
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "class Test {",
            "  // BUG: Diagnostic contains: could not analyse method 'link' (NoSuchMethodError: an"
                + " API a newer Error Prone removed)",
            "  void link(Channel<String> c) {}",
            "  // BUG: Diagnostic contains: could not analyse method 'deep' (StackOverflowError)",
            "  void deep(Channel<String> c) {}",
            "}")
        .expectResult(Result.OK)
        .doTest();
  }

  @Test
  void theWarningIsAWarningEvenWhenTheRuleIsAnError() {
    System.clearProperty(ConduitChecker.RETHROW_PROPERTY);
    // -Xep:Crashing:ERROR raises the rule's findings; the crash guard's warning stays a warning.
    helper
        .setArgs("-Xep:Crashing:ERROR")
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "class Test {",
            "  // BUG: Diagnostic contains: please report it",
            "  void crash(Channel<String> c) {}",
            "}")
        .expectResult(Result.OK)
        .doTest();
  }

  @Test
  void aFailingRuleFailsConduitsOwnTests() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
    Throwable thrown =
        assertThrows(
            Throwable.class,
            () ->
                helper
                    .addSourceLines(
                        "Test.java",
                        "import dev.conduit.Channel;",
                        "class Test {",
                        "  void crash(Channel<String> c) {}",
                        "}")
                    .doTest());
    // javac stops on the rule's own exception (the test helper reports it as a failed compile).
    assertThat(thrown).hasMessageThat().contains("An unhandled exception was thrown");
    assertThat(thrown).hasMessageThat().contains("IllegalStateException: unforeseen tree");
    assertThat(thrown).hasMessageThat().doesNotContain("could not analyse");
  }

  @Test
  void findingsPassThroughOutsideGeneratedCode() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "class Test {",
            "  // BUG: Diagnostic contains: Fails on methods named crash",
            "  void flag(Channel<String> c) {}",
            "  void other(Channel<String> c) {}",
            "}")
        .doTest();
  }

  @Test
  void nothingIsReportedInGeneratedCode() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "@javax.annotation.processing.Generated(\"a generator\")",
            "class Test {",
            "  void flag(Channel<String> c) {}",
            "}")
        .doTest();
  }

  @Test
  void messagesAreSentencesThatKeepCodeAsWritten() {
    assertThat(
            ConduitChecker.message(
                "channel 'c' is closed twice", "this work no longer stops", "call wg.add() first"))
        .isEqualTo("Channel 'c' is closed twice. This work no longer stops. Call wg.add() first.");
    assertThat(ConduitChecker.message("null is passed", "wg.await() returns", "done."))
        .isEqualTo("null is passed. wg.await() returns. Done.");
  }

  @Test
  void theGateKeepsARuleOutOfCompilationsWithoutConduit() {
    // Without Conduit on the class path the rule is never asked, so it cannot fail.
    CompilationTestHelper.newInstance(Crashing.class, getClass())
        .addSourceLines("Test.java", "class Test {", "  void crash() {}", "}")
        .withClasspath(ConduitCheckerTest.class)
        .doTest();
  }
}
