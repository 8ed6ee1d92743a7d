package dev.conduit.test;

import static dev.conduit.Go.go;

import dev.conduit.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests that {@link GoroutineLeakExtensionTest} runs through the JUnit engine to check the
 * extension's options; not run directly (surefire skips nested classes).
 */
final class Samples {
  private Samples() {}

  /** Blocks on {@link #release} until a test lets it go; a long-lived goroutine on purpose. */
  static volatile Channel<String> release = Channel.unbuffered();

  static void poll() {
    release.receiveOptional();
  }

  @VerifyNoGoroutineLeaks(ignoreNames = "poller-.*", graceMillis = 100)
  static class IgnoredByName {
    @Test
    void startsAPoller() {
      Channel<String> mine = release;
      go("poller-1", mine::receiveOptional);
    }
  }

  @VerifyNoGoroutineLeaks(ignoreTopFunctions = "dev.conduit.test.Samples.poll", graceMillis = 100)
  static class IgnoredByTopFunction {
    @Test
    void startsAPoller() {
      go(Samples::poll);
    }
  }

  static class IgnoredInCode {
    @RegisterExtension
    static final GoroutineLeakExtension LEAKS =
        GoroutineLeakExtension.with(
            LeakOptions.defaults()
                .ignoreAnyFunction("dev.conduit.test.Samples.poll")
                .gracePeriod(java.time.Duration.ofMillis(100)));

    @Test
    void startsAPoller() {
      go(Samples::poll);
    }
  }

  @VerifyNoGoroutineLeaks(graceMillis = 2_000)
  static class EndsWithinTheGracePeriod {
    @Test
    void startsAShortSleeper() {
      go(() -> {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
  }

  @VerifyNoGoroutineLeaks(timeoutMillis = 2_000, graceMillis = 100)
  static class Hangs {
    @Test
    void waitsForAnAnswerThatNeverComes() {
      Channel<String> requests = Channel.unbuffered();
      Channel<String> answers = Channel.unbuffered();
      go(() -> requests.receiveOptional()); // the server never answers
      answers.receive();
    }
  }
}
