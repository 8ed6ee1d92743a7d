package dev.conduit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link Timers#after(Duration)}: a one-shot, receive-only, buffered timer channel. */
class TimersTest {
  /** Stated tolerance: never early, at most this late (CI shares 2 cores). */
  private static final Duration LATE_TOLERANCE = Duration.ofMillis(250);

  @Test
  void firesOnceNeverEarlyWithinTolerance() {
    Duration delay = Duration.ofMillis(40);
    long start = System.nanoTime();
    Instant before = Instant.now();
    Channel<Instant> timer = Timers.after(delay);
    Instant fired = timer.receive();
    long elapsed = System.nanoTime() - start;
    assertThat(elapsed).isAtLeast(delay.toNanos());
    assertThat(elapsed).isAtMost(delay.plus(LATE_TOLERANCE).toNanos());
    assertThat(fired).isAtLeast(before);
    assertThat(timer.tryReceive()).isNull(); // one shot
    assertThat(timer.isClosed()).isFalse();
  }

  @Test
  void zeroOrNegativeDelayDeliversAtOnce() {
    assertThat(Timers.after(Duration.ZERO).tryReceive()).isNotNull();
    assertThat(Timers.after(Duration.ofSeconds(-1)).tryReceive()).isNotNull();
  }

  @Test
  void isReceiveOnlyAndBuffered() {
    Channel<Instant> timer = Timers.after(Duration.ofHours(1));
    assertThat(timer.cap()).isEqualTo(1);
    assertThrows(UnsupportedOperationException.class, () -> timer.send(Instant.now()));
    assertThrows(UnsupportedOperationException.class, timer::close);
  }

  @Test
  void composesWithSelect() {
    Channel<Integer> idle = Channel.unbuffered();
    String chosen =
        Select.<String>select()
            .onReceive(idle, v -> "value")
            .onReceive(Timers.after(Duration.ofMillis(10)), () -> "timer")
            .await();
    assertThat(chosen).isEqualTo("timer");
  }

  @Test
  void aTimerNobodyReceivesFromDoesNotBlockTheTimerThread() {
    for (int i = 0; i < 100; i++) {
      Timers.after(Duration.ofMillis(1));
    }
    // If an unreceived timer blocked the single timer thread, this one would never fire.
    assertThat(Timers.after(Duration.ofMillis(20)).receive()).isNotNull();
  }
}
