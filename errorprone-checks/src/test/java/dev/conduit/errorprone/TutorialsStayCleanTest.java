package dev.conduit.errorprone;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.conduit.errorprone.util.Guard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Go tutorials' patterns, ported to Conduit (worker pool, pipeline with a context, fan-in,
 * request with a timeout and select), compile without a single finding from either check.
 */
class TutorialsStayCleanTest {

  @BeforeAll
  static void failLoudly() {
    System.setProperty(Guard.RETHROW_PROPERTY, "true");
  }

  @ParameterizedTest
  @ValueSource(classes = {ChannelDirection.class, LostCancel.class})
  void noFindings(Class<? extends BugChecker> check) {
    CompilationTestHelper.newInstance(check, getClass())
        .addSourceFile("tutorials/WorkerPool.java")
        .addSourceFile("tutorials/Pipeline.java")
        .addSourceFile("tutorials/FanIn.java")
        .addSourceFile("tutorials/RequestWithTimeout.java")
        .expectNoDiagnostics()
        .doTest();
  }
}
