package dev.conduit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conduit.internal.Contexts;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** {@link WaitGroup}: counting, waiting, the negative-counter failure, and scale. */
class WaitGroupTest {

  @Test
  void awaitReturnsAtOnceWhenZero() {
    WaitGroup wg = new WaitGroup();
    wg.await();
    assertThat(wg.await(Duration.ZERO)).isTrue();
    wg.await(Context.background());
  }

  @Test
  void awaitWaitsForEveryDone() throws Exception {
    WaitGroup wg = new WaitGroup();
    AtomicInteger finished = new AtomicInteger();
    wg.add(3);
    for (int i = 0; i < 3; i++) {
      int delay = 10 * (i + 1);
      Go.go(() -> {
        sleep(delay);
        finished.incrementAndGet();
        wg.done();
      });
    }
    wg.await();
    assertThat(finished.get()).isEqualTo(3);
    assertThat(wg.count()).isEqualTo(0);
  }

  @Test
  void negativeCounterFailsLoudlyAndLeavesTheCounterAlone() {
    WaitGroup wg = new WaitGroup();
    IllegalStateException e = assertThrows(IllegalStateException.class, wg::done);
    assertThat(e).hasMessageThat().contains("done() called more often than add()");
    assertThat(wg.count()).isEqualTo(0);
    wg.add(1);
    e = assertThrows(IllegalStateException.class, () -> wg.add(-2));
    assertThat(e).hasMessageThat().contains("negative");
    assertThat(wg.count()).isEqualTo(1);
    wg.done();
    wg.await();
  }

  @Test
  void hundredThousandGoroutines() {
    int n = 100_000;
    WaitGroup wg = new WaitGroup();
    LongAdder ran = new LongAdder();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      wg.go(ran::increment);
    }
    wg.await();
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("WaitGroup: %,d goroutines started and awaited in %,d ms%n", n, millis);
    assertThat(ran.sum()).isEqualTo(n);
    assertThat(wg.count()).isEqualTo(0);
  }

  @Test
  void hundredThousandBlockedGoroutinesAllWake() {
    // Each goroutine parks on a channel until the gate closes, so all 100k are alive at once.
    int n = 100_000;
    WaitGroup wg = new WaitGroup();
    Channel<Void> gate = Channel.unbuffered();
    LongAdder passed = new LongAdder();
    for (int i = 0; i < n; i++) {
      wg.go(() -> {
        for (Void unused : gate) {
          // never sent to: the loop ends at close
        }
        passed.increment();
      });
    }
    assertThat(wg.await(Duration.ofMillis(50))).isFalse();
    gate.close();
    wg.await();
    assertThat(passed.sum()).isEqualTo(n);
  }

  @Test
  void goCountsDownEvenWhenTheTaskThrows() {
    Channel<Throwable> reported = Channel.buffered(1);
    Thread.UncaughtExceptionHandler previous =
        Go.setUncaughtExceptionHandler((thread, failure) -> reported.send(failure));
    try {
      WaitGroup wg = new WaitGroup();
      wg.go(() -> {
        throw new IllegalStateException("task failed");
      });
      wg.await();
      assertThat(reported.receive()).hasMessageThat().isEqualTo("task failed");
    } finally {
      Go.setUncaughtExceptionHandler(previous);
    }
  }

  @Test
  void timedAwaitGivesUp() {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    long start = System.nanoTime();
    assertThat(wg.await(Duration.ofMillis(30))).isFalse();
    assertThat(System.nanoTime() - start).isAtLeast(Duration.ofMillis(30).toNanos());
    Go.go(wg::done);
    assertThat(wg.await(Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void contextAwareAwaitGivesUpWhenCancelledAndUnregisters() {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    try (CancellableContext ctx = Context.background().withCancel()) {
      Go.go(() -> {
        sleep(20);
        ctx.cancel(new IllegalStateException("shutting down"));
      });
      CanceledException e = assertThrows(CanceledException.class, () -> wg.await(ctx));
      assertThat(e).hasCauseThat().hasMessageThat().isEqualTo("shutting down");
    }
    try (CancellableContext ctx = Context.background().withCancel()) {
      Go.go(wg::done);
      wg.await(ctx);
      assertThat(Contexts.registeredChildren(ctx)).isEqualTo(0); // the wake-up was released
    }
    try (CancellableContext timed = Context.background().withTimeout(Duration.ofMillis(20))) {
      wg.add(1);
      assertThrows(DeadlineExceededException.class, () -> wg.await(timed));
    }
  }

  @Test
  void interruptedAwaitThrowsAndKeepsTheStatus() {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    Thread.currentThread().interrupt();
    try {
      assertThrows(UncheckedInterruptedException.class, wg::await);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void reusableForAnotherRound() {
    WaitGroup wg = new WaitGroup();
    for (int round = 0; round < 100; round++) {
      AtomicInteger ran = new AtomicInteger();
      for (int i = 0; i < 10; i++) {
        wg.go(ran::incrementAndGet);
      }
      wg.await();
      assertThat(ran.get()).isEqualTo(10);
    }
  }

  @Test
  void everyWaiterWakes() {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    WaitGroup waiters = new WaitGroup();
    for (int i = 0; i < 1000; i++) {
      waiters.go(wg::await);
    }
    sleep(20);
    wg.done();
    assertThat(waiters.await(Duration.ofSeconds(10))).isTrue();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
