package dev.conduit.errorprone;

import static com.google.common.truth.Truth.assertThat;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import dev.conduit.errorprone.common.ConduitChecker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Go tutorials' patterns, ported to Conduit, compile without a single finding from all of
 * Conduit's registered checks at once: the worker pool, the pipeline with a context and select,
 * fan-in, the request with a timeout and a buffered(1) result channel, errgroup's fetch-all, the
 * fan-out with a context, the dashboard, and the token cache server whose request messages carry a
 * context. A new check takes part by being registered.
 */
class HygieneTutorialsStayCleanTest {

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @Test
  void noFindingsFromAnyCheck() {
    assertThat(TutorialsStayCleanTest.registeredChecks()).isNotEmpty();
    CompilationTestHelper.newInstance(
            ScannerSupplier.fromBugCheckerClasses(TutorialsStayCleanTest.registeredChecks()),
            getClass())
        .addSourceFile("tutorials/WorkerPool.java")
        .addSourceFile("tutorials/Pipeline.java")
        .addSourceFile("tutorials/FanIn.java")
        .addSourceFile("tutorials/RequestWithTimeout.java")
        .addSourceFile("tutorials/ErrGroupFetchAll.java")
        .addSourceFile("tutorials/TokenCache.java")
        .addSourceFile("tutorials/MoreIdioms.java")
        .expectNoDiagnostics()
        .doTest();
  }
}
