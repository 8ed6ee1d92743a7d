package dev.conduit.test;

import static com.google.common.truth.Truth.assertThat;

import dev.conduit.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GoroutineLeakExtensionTest {
  @AfterEach
  void releasePollers() {
    Samples.release.close();
    Samples.release = Channel.unbuffered();
  }

  @Test
  void ignoresByName() {
    EngineRuns.assertPasses(Samples.IgnoredByName.class, "startsAPoller");
  }

  @Test
  void ignoresByTopFunction() {
    EngineRuns.assertPasses(Samples.IgnoredByTopFunction.class, "startsAPoller");
  }

  @Test
  void ignoresByAnyFunction_withOptionsBuiltInCode() {
    EngineRuns.assertPasses(Samples.IgnoredInCode.class, "startsAPoller");
  }

  @Test
  void waitsForTheGracePeriod() {
    EngineRuns.assertPasses(Samples.EndsWithinTheGracePeriod.class, "startsAShortSleeper");
  }

  @Test
  void aHangingTestFailsWithTheDump() {
    Throwable failure = EngineRuns.failureOf(Samples.Hangs.class, "waitsForAnAnswerThatNeverComes");
    String message = failure.getMessage();
    assertThat(message).startsWith("test timed out after 2000 ms; its thread \"");
    assertThat(message)
        .contains("at dev.conduit.test.Samples$Hangs.waitsForAnAnswerThatNeverComes(");
    assertThat(message).doesNotContain("at org.junit."); // the test's own frames only
    assertThat(message)
        .containsMatch("goroutine \\d+ \"goroutine-\\d+\" \\[chan receive, \\d+ [a-z]+\\]:");
    // The interrupted receive is the cause; the leak check then also reports the server goroutine.
    assertThat(failure.getCause()).isInstanceOf(dev.conduit.UncheckedInterruptedException.class);
  }

  @Test
  void plainApi_findsExactlyTheGoroutinesStartedAfterTheSnapshot() {
    Channel<String> before = Channel.unbuffered();
    dev.conduit.Go.go("older", before::receiveOptional);
    GoroutineLeaks.Snapshot snapshot = GoroutineLeaks.snapshot();
    Channel<String> after = Channel.unbuffered();
    dev.conduit.Go.go("newer", after::receiveOptional);
    try {
      AssertionError error =
          org.junit.jupiter.api.Assertions.assertThrows(
              AssertionError.class,
              () ->
                  GoroutineLeaks.verifyNone(
                      snapshot,
                      LeakOptions.defaults().gracePeriod(java.time.Duration.ofMillis(50))));
      assertThat(error).hasMessageThat().contains("\"newer\" [chan receive");
      assertThat(error).hasMessageThat().doesNotContain("\"older\"");
    } finally {
      before.close();
      after.close();
    }
    GoroutineLeaks.verifyNone(snapshot); // both ended once their channels closed
  }
}
