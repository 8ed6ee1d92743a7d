package dev.conduit;

import static com.google.common.truth.Truth.assertThat;

import dev.conduit.internal.TimerScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timeouts and deadlines: when they fire, what they report, and when they need no timer. */
class ContextDeadlineTest {
  /**
   * The stated tolerance: a deadline never fires early, and a waiter wakes at most this late.
   * Generous because CI shares 2 cores with other builds; typical lateness is about a millisecond.
   */
  private static final Duration LATE_TOLERANCE = Duration.ofMillis(250);

  private static final Duration TIMEOUT = Duration.ofMillis(50);

  @Test
  void timeoutFiresNeverEarlyAndWithinTolerance() {
    List<Long> latenessMillis = new ArrayList<>();
    for (int trial = 0; trial < 5; trial++) {
      long start = System.nanoTime();
      try (CancellableContext ctx = Context.background().withTimeout(TIMEOUT)) {
        Select.<Void>select().onDone(ctx, () -> null).await();
        long elapsed = System.nanoTime() - start;
        assertThat(ctx.err()).isInstanceOf(DeadlineExceededException.class);
        assertThat(elapsed).isAtLeast(TIMEOUT.toNanos());
        assertThat(elapsed).isAtMost(TIMEOUT.plus(LATE_TOLERANCE).toNanos());
        latenessMillis.add((elapsed - TIMEOUT.toNanos()) / 1_000_000);
      }
    }
    Collections.sort(latenessMillis);
    // The median run is late by at most a fifth of the tolerance.
    assertThat(latenessMillis.get(2)).isAtMost(LATE_TOLERANCE.toMillis() / 5);
  }

  @Test
  void deadlineFiresAtItsInstant() {
    Instant deadline = Instant.now().plus(TIMEOUT);
    try (CancellableContext ctx = Context.background().withDeadline(deadline)) {
      assertThat(ctx.deadline()).isEqualTo(deadline);
      Select.<Void>select().onDone(ctx, () -> null).await();
      Instant woke = Instant.now();
      assertThat(woke).isAtLeast(deadline);
      assertThat(woke).isAtMost(deadline.plus(LATE_TOLERANCE));
      assertThat(ctx.err()).isInstanceOf(DeadlineExceededException.class);
      assertThat(ctx.cause()).isSameInstanceAs(ctx.err());
    }
  }

  @Test
  void deadlineExceededReachesDescendantsWithItsCause() {
    IllegalStateException slow = new IllegalStateException("backend too slow");
    try (CancellableContext ctx = Context.background().withTimeout(TIMEOUT, slow);
        CancellableContext child = ctx.withCancel()) {
      Select.<Void>select().onDone(child, () -> null).await();
      assertThat(child.err()).isInstanceOf(DeadlineExceededException.class);
      assertThat(child.err()).hasCauseThat().isSameInstanceAs(slow);
      assertThat(child.cause()).isSameInstanceAs(slow);
      assertThat(ctx.cause()).isSameInstanceAs(slow);
    }
  }

  @Test
  void cancelBeforeDeadlineIsCanceledNotDeadline() {
    CancellableContext ctx =
        Context.background().withTimeout(Duration.ofHours(1), new RuntimeException("unused"));
    ctx.cancel();
    assertThat(ctx.err()).isInstanceOf(CanceledException.class);
    assertThat(ctx.cause()).isInstanceOf(CanceledException.class);
  }

  @Test
  void pastDeadlineAndZeroTimeoutAreBornDone() {
    try (CancellableContext past =
            Context.background().withDeadline(Instant.now().minusSeconds(1));
        CancellableContext zero = Context.background().withTimeout(Duration.ZERO);
        CancellableContext negative = Context.background().withTimeout(Duration.ofMillis(-5))) {
      for (Context c : new Context[] {past, zero, negative}) {
        assertThat(c.err()).isInstanceOf(DeadlineExceededException.class);
        assertThat(c.done().isClosed()).isTrue();
      }
    }
  }

  @Test
  void hugeTimeoutsNeedNoTimerAndDoNotOverflow() {
    int before = TimerScheduler.pendingTimers();
    try (CancellableContext ctx =
            Context.background().withTimeout(Duration.ofSeconds(Long.MAX_VALUE));
        CancellableContext far = Context.background().withDeadline(Instant.MAX)) {
      assertThat(ctx.isDone()).isFalse();
      assertThat(far.isDone()).isFalse();
      assertThat(ctx.deadline()).isEqualTo(Instant.MAX);
      assertThat(TimerScheduler.pendingTimers()).isEqualTo(before);
    }
  }

  @Test
  void laterDeadlineThanParentsNeedsNoTimer() {
    try (CancellableContext parent = Context.background().withTimeout(Duration.ofHours(1))) {
      int before = TimerScheduler.pendingTimers();
      try (CancellableContext child = parent.withTimeout(Duration.ofHours(2))) {
        assertThat(TimerScheduler.pendingTimers()).isEqualTo(before);
        assertThat(child.deadline()).isEqualTo(parent.deadline());
      }
    }
  }

  @Test
  void deadlineFiresWhileEveryCarrierIsBusy() throws Exception {
    // CPU-bound goroutines that only poll ctx.err() occupy every carrier thread; the deadline
    // must still fire, because the timer thread is not one of them.
    int spinners = Runtime.getRuntime().availableProcessors() * 2;
    try (CancellableContext ctx = Context.background().withTimeout(Duration.ofMillis(100))) {
      WaitGroup wg = new WaitGroup();
      for (int i = 0; i < spinners; i++) {
        wg.go(() -> {
          while (ctx.err() == null) {
            Thread.onSpinWait();
          }
        });
      }
      assertThat(wg.await(Duration.ofSeconds(10))).isTrue();
      assertThat(ctx.err()).isInstanceOf(DeadlineExceededException.class);
    }
  }
}
