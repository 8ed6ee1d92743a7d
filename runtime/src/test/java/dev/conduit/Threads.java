package dev.conduit;

import static com.google.common.truth.Truth.assertWithMessage;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Test helpers for starting virtual threads and seeing them block. */
final class Threads {
  private Threads() {}

  /** A started virtual thread running {@code body}, with its outcome as a future. */
  static <T> Started<T> start(Callable<T> body) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread =
        Thread.ofVirtual()
            .start(() -> {
              try {
                result.complete(body.call());
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            });
    return new Started<>(thread, result);
  }

  static Started<Void> run(Runnable body) {
    return start(() -> {
      body.run();
      return null;
    });
  }

  record Started<T>(Thread thread, CompletableFuture<T> result) {
    /** Waits until the thread parks (is blocked in a channel operation). */
    Started<T> awaitBlocked() {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (true) {
        Thread.State state = thread.getState();
        if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
          return this;
        }
        assertWithMessage("thread finished instead of blocking: %s", result)
            .that(result.isDone())
            .isFalse();
        assertWithMessage("thread did not block within 10 s")
            .that(System.nanoTime() < deadline)
            .isTrue();
        Thread.onSpinWait();
        Thread.yield();
      }
    }

    /** The thread's result, waiting up to 10 s; rethrows what the thread threw. */
    T get() throws Throwable {
      try {
        return result.get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw e.getCause();
      }
    }

    /** What the thread threw, waiting up to 10 s. */
    Throwable failure() throws Exception {
      try {
        T value = result.get(10, TimeUnit.SECONDS);
        throw new AssertionError("expected a failure but got " + value);
      } catch (ExecutionException e) {
        return e.getCause();
      }
    }

    /** Asserts the thread is still running (blocked) after a short grace period. */
    void assertStillBlocked() throws Exception {
      try {
        result.get(50, TimeUnit.MILLISECONDS);
        throw new AssertionError("expected the thread to stay blocked, but it finished");
      } catch (TimeoutException expected) {
        // still blocked, as it should be
      } catch (ExecutionException e) {
        throw new AssertionError("expected the thread to stay blocked, but it failed", e);
      }
    }
  }

  static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }
}
