package dev.conduit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conduit.internal.TimerScheduler;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link Ticker}: periodic ticks, dropped ticks for slow receivers, and stop. */
class TickerTest {

  @Test
  void ticksAtItsPeriod() {
    Duration period = Duration.ofMillis(20);
    long start = System.nanoTime();
    try (Ticker ticker = Ticker.every(period)) {
      Instant previous = null;
      for (int i = 1; i <= 10; i++) {
        Instant tick = ticker.channel().receive();
        long elapsed = System.nanoTime() - start;
        // Never early: the i-th tick comes at least i periods after the start.
        assertThat(elapsed).isAtLeast(period.toNanos() * i);
        if (previous != null) {
          assertThat(tick).isGreaterThan(previous);
        }
        previous = tick;
      }
      long elapsed = System.nanoTime() - start;
      // Stated tolerance: ten ticks take no more than ten periods plus one second (loose: CI
      // shares its cores, and this checks the period, not the timer's precision).
      assertThat(elapsed).isAtMost(period.toNanos() * 10 + Duration.ofSeconds(1).toNanos());
    }
  }

  @Test
  void slowReceiverFindsOneTickAndTheRestDropped() throws Exception {
    try (Ticker ticker = Ticker.every(Duration.ofMillis(5))) {
      Thread.sleep(100); // about 20 ticks come and go
      // Stopped, so no new tick can land between the two tryReceive calls below.
      ticker.stop();
      assertThat(ticker.channel().len()).isEqualTo(1);
      assertThat(ticker.channel().tryReceive()).isNotNull();
      assertThat(ticker.channel().tryReceive()).isNull();
    }
  }

  @Test
  void stopEndsTicksAndReleasesTheTimer() throws Exception {
    int before = TimerScheduler.pendingTimers();
    Ticker ticker = Ticker.every(Duration.ofMillis(5));
    assertThat(TimerScheduler.pendingTimers()).isEqualTo(before + 1);
    ticker.channel().receive();
    ticker.stop();
    ticker.stop(); // idempotent
    assertThat(TimerScheduler.pendingTimers()).isEqualTo(before);
    ticker.channel().tryReceive(); // a tick may have arrived before stop
    Thread.sleep(50);
    assertThat(ticker.channel().tryReceive()).isNull();
    assertThat(ticker.channel().isClosed()).isFalse();
    assertThat(ticker.toString()).contains("stopped");
  }

  @Test
  void closeStops() throws Exception {
    int before = TimerScheduler.pendingTimers();
    Ticker outer;
    try (Ticker ticker = Ticker.every(Duration.ofMillis(5))) {
      outer = ticker;
    }
    assertThat(TimerScheduler.pendingTimers()).isEqualTo(before);
    outer.channel().tryReceive();
    Thread.sleep(30);
    assertThat(outer.channel().tryReceive()).isNull();
  }

  @Test
  void resetChangesThePeriodAndRestartsAStoppedTicker() {
    try (Ticker ticker = Ticker.every(Duration.ofHours(1))) {
      ticker.reset(Duration.ofMillis(5));
      assertThat(ticker.channel().receive()).isNotNull();
      ticker.stop();
      ticker.channel().tryReceive();
      ticker.reset(Duration.ofMillis(5));
      assertThat(ticker.channel().receive()).isNotNull();
    }
  }

  @Test
  void channelIsReceiveOnly() {
    try (Ticker ticker = Ticker.every(Duration.ofHours(1))) {
      assertThrows(UnsupportedOperationException.class, () -> ticker.channel().send(Instant.now()));
      assertThrows(UnsupportedOperationException.class, () -> ticker.channel().close());
    }
  }

  @Test
  void periodMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> Ticker.every(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> Ticker.every(Duration.ofMillis(-1)));
    assertThrows(NullPointerException.class, () -> Ticker.every(null));
  }
}
