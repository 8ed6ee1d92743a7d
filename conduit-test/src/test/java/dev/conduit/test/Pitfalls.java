package dev.conduit.test;

import static dev.conduit.Go.go;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conduit.CancellableContext;
import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.Select;
import dev.conduit.WaitGroup;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The goroutine leaks of the Go tutorials Conduit started from, each as a leaking test and the same
 * code fixed. {@link PitfallsTest} runs them through the JUnit engine and reads the verdicts; they
 * are not run directly (surefire skips nested classes). Each leaking test keeps what it leaked in a
 * static field so that {@link PitfallsTest} can let the goroutine finish afterwards.
 */
final class Pitfalls {
  private Pitfalls() {}

  /**
   * Stands for a call that answers only after {@code answerable} opens: after the caller gave up.
   */
  static String slowLookup(CountDownLatch answerable) {
    try {
      answerable.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "answer";
  }

  /**
   * The result channel abandoned after a timeout: the sender blocks forever on an unbuffered
   * channel.
   */
  @VerifyNoGoroutineLeaks(graceMillis = 300)
  static class AbandonedResult {
    static volatile Channel<String> leaked = Channel.unbuffered();

    @Test
    void leaks() {
      Channel<String> result = Channel.unbuffered();
      leaked = result;
      CountDownLatch answerable = new CountDownLatch(1);
      go(() -> result.send(slowLookup(answerable)));
      String answer =
          Select.<String>select()
              .onReceive(result, value -> value)
              .onTimeout(Duration.ofMillis(5), () -> "timed out")
              .await();
      answerable.countDown();
      assertEquals("timed out", answer);
    }

    @Test
    void fixed() {
      Channel<String> result = Channel.buffered(1); // the late send finds room and ends
      CountDownLatch answerable = new CountDownLatch(1);
      go(() -> result.send(slowLookup(answerable)));
      String answer =
          Select.<String>select()
              .onReceive(result, value -> value)
              .onTimeout(Duration.ofMillis(5), () -> "timed out")
              .await();
      answerable.countDown();
      assertEquals("timed out", answer);
    }
  }

  /** A range over a channel nobody closes: the worker waits for a next job forever. */
  @VerifyNoGoroutineLeaks(graceMillis = 300)
  static class RangeNeverClosed {
    static volatile Channel<Integer> leaked = Channel.unbuffered();

    @Test
    void leaks() {
      Channel<Integer> jobs = Channel.buffered(4);
      leaked = jobs;
      AtomicInteger sum = new AtomicInteger();
      go(() -> {
        for (int job : jobs) {
          sum.addAndGet(job);
        }
      });
      jobs.send(1);
      jobs.send(2);
      jobs.send(3);
    }

    @Test
    void fixed() {
      Channel<Integer> jobs = Channel.buffered(4);
      AtomicInteger sum = new AtomicInteger();
      WaitGroup wg = new WaitGroup();
      wg.go(() -> {
        for (int job : jobs) {
          sum.addAndGet(job);
        }
      });
      jobs.send(1);
      jobs.send(2);
      jobs.send(3);
      jobs.close();
      wg.await();
      assertEquals(6, sum.get());
    }
  }

  /** A sender whose receiver stopped: the generator blocks on its next value. */
  @VerifyNoGoroutineLeaks(graceMillis = 300)
  static class ReceiverStopped {
    static volatile Channel<Integer> leaked = Channel.unbuffered();

    @Test
    void leaks() {
      Channel<Integer> numbers = Channel.unbuffered();
      leaked = numbers;
      go(() -> {
        for (int i = 0; i < 100; i++) {
          numbers.send(i);
        }
        numbers.close();
      });
      for (int i = 0; i < 3; i++) {
        assertEquals(i, numbers.receive());
      }
    }

    @Test
    void fixed() {
      Channel<Integer> numbers = Channel.unbuffered();
      try (CancellableContext ctx = Context.background().withCancel()) {
        go(() -> {
          for (int i = 0; i < 100; i++) {
            int next = i;
            boolean sent =
                Select.<Boolean>select()
                    .onSend(numbers, next, () -> true)
                    .onDone(ctx, () -> false)
                    .await();
            if (!sent) {
              return;
            }
          }
          numbers.close();
        });
        for (int i = 0; i < 3; i++) {
          assertEquals(i, numbers.receive());
        }
      } // cancel: the generator sees done() and returns
    }
  }

  /**
   * A forgotten cancel holding a timer: the watcher waits for a done() that only the context's
   * five-minute timer would close.
   */
  @VerifyNoGoroutineLeaks(graceMillis = 300)
  static class ForgottenCancel {
    static volatile CancellableContext leaked = Context.background().withCancel();

    @Test
    @SuppressWarnings("LostCancel") // the leak under test
    void leaks() {
      CancellableContext ctx = Context.background().withTimeout(Duration.ofMinutes(5));
      leaked = ctx;
      Channel<String> events = Channel.buffered(1);
      go(() -> watch(ctx, events));
      events.send("started");
    }

    @Test
    void fixed() {
      try (CancellableContext ctx = Context.background().withTimeout(Duration.ofMinutes(5))) {
        Channel<String> events = Channel.buffered(1);
        go(() -> watch(ctx, events));
        events.send("started");
      }
    }

    private static void watch(Context ctx, Channel<String> events) {
      while (Select.<Boolean>select()
          .onReceive(events, event -> true)
          .onDone(ctx, () -> false)
          .await()) {
        // a real watcher would log the event
      }
    }
  }
}
