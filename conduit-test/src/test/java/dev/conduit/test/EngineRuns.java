package dev.conduit.test;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs one test method through the Jupiter engine and reports how it ended. */
final class EngineRuns {
  private EngineRuns() {}

  /** Runs {@code type}'s {@code method} and returns its failure, failing if it passed. */
  static Throwable failureOf(Class<?> type, String method) {
    Throwable failure = run(type, method).getThrowable().orElse(null);
    assertWithMessage("%s.%s should have failed", type.getSimpleName(), method)
        .that(failure)
        .isNotNull();
    return failure;
  }

  /** Runs {@code type}'s {@code method} and fails, with its failure, unless it passed. */
  static void assertPasses(Class<?> type, String method) {
    TestExecutionResult result = run(type, method);
    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
      throw new AssertionError(
          type.getSimpleName() + "." + method + " should have passed",
          result.getThrowable().orElse(null));
    }
  }

  private static TestExecutionResult run(Class<?> type, String method) {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter").selectors(selectMethod(type, method)).execute();
    Event finished = results.testEvents().finished().list().get(0);
    return finished.getRequiredPayload(TestExecutionResult.class);
  }
}
