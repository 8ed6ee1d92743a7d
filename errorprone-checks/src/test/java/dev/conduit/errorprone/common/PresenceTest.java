package dev.conduit.errorprone.common;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.suppliers.Supplier;
import com.sun.source.tree.ClassTree;
import dev.conduit.annotations.SendOnly;
import org.junit.jupiter.api.Test;

class PresenceTest {

  /** Reports on every class whether the gate of a check that needs Conduit is open. */
  @BugPattern(summary = "Says whether Conduit is present.", severity = WARNING)
  public static final class Probe extends BugChecker implements ClassTreeMatcher {
    private static final Supplier<Boolean> PRESENT =
        Presence.anyOf(Presence.CHANNEL, Presence.SEND_ONLY);

    @Override
    public Description matchClass(ClassTree tree, VisitorState state) {
      return buildDescription(tree)
          .setMessage(PRESENT.get(state) ? "Conduit present" : "Conduit absent")
          .build();
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Probe.class, getClass());

  private static final String[] PLAIN = {
    "import java.util.concurrent.BlockingQueue;",
    "// BUG: Diagnostic contains: Conduit ",
    "class Test {",
    "  BlockingQueue<String> queue;",
    "}"
  };

  private static String[] expecting(String verdict) {
    String[] lines = PLAIN.clone();
    lines[1] = lines[1] + verdict;
    return lines;
  }

  @Test
  void closedWithoutConduitOnTheClassPath() {
    helper
        .addSourceLines("Test.java", expecting("absent"))
        .withClasspath(PresenceTest.class)
        .doTest();
  }

  @Test
  void openWhenConduitIsOnTheClassPathThoughNoSourceUsesIt() {
    // The same JVM, a new compilation: the answer of the one before is not reused.
    helper
        .addSourceLines("Test.java", expecting("absent"))
        .withClasspath(PresenceTest.class)
        .doTest();
    CompilationTestHelper.newInstance(Probe.class, getClass())
        .addSourceLines("Test.java", expecting("present"))
        .doTest();
  }

  @Test
  void openWithTheAnnotationsAlone() {
    helper.addSourceLines("Test.java", expecting("present")).withClasspath(SendOnly.class).doTest();
  }

  @Test
  void openWhenTheTypeIsAmongTheSources() {
    helper
        .addSourceLines(
            "Channel.java",
            "package dev.conduit;",
            "// BUG: Diagnostic contains: Conduit present",
            "public interface Channel<T> {}")
        .addSourceLines("Test.java", expecting("present"))
        .withClasspath(PresenceTest.class)
        .doTest();
  }
}
