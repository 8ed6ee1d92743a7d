package dev.conduit;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.internal.TimerScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Delivers the time on a channel at a fixed period: Go's {@code time.Ticker}.
 *
 * <ul>
 *   <li>{@link #channel()} has a buffer of one tick. A receiver that falls behind finds one tick
 *       waiting and the others dropped, as in Go: ticks never pile up.
 *   <li>The first tick comes one period after {@link #every(Duration)}; ticks never come early.
 *   <li>{@link #stop()} ends the ticks and releases the timer; the channel is not closed (a
 *       receiver would otherwise mistake the close for a tick), so don't wait on it after stopping.
 *       {@link #close()} stops, so try-with-resources works.
 * </ul>
 *
 * <p><b>Always stop a ticker.</b> Until {@code stop()}, Conduit's timer thread holds it and keeps
 * ticking, even when nobody receives any more: the same leak as a context that is never cancelled.
 *
 * <pre>{@code
 * try (Ticker ticker = Ticker.every(Duration.ofSeconds(1))) {
 *   while (true) {
 *     boolean go = Select.<Boolean>select()
 *         .onReceive(ticker.channel(), () -> { report(); return true; })
 *         .onDone(ctx, () -> false)
 *         .await();
 *     if (!go) break;
 *   }
 * }
 * }</pre>
 *
 * <p>Don't: {@code for (Instant t : Ticker.every(period).channel()) { ... }} (the ticker can never
 * be stopped, and the loop never ends).
 */
public final class Ticker implements AutoCloseable {
  private final Channel<Instant> ticks = Channel.buffered(1);
  private final @ReceiveOnly Channel<Instant> view = ticks.receiveOnly();
  private final ReentrantLock lock = new ReentrantLock();

  // Guarded by lock; null once stopped.
  @GuardedBy("lock")
  private @Nullable ScheduledFuture<?> timer;

  private Ticker(long periodNanos) {
    timer = schedule(periodNanos);
  }

  /**
   * A ticker that delivers the time every {@code period}, starting one period from now. Go's {@code
   * time.NewTicker(period)}.
   *
   * @throws IllegalArgumentException if {@code period} is not positive
   */
  public static Ticker every(Duration period) {
    return new Ticker(periodNanos(period));
  }

  /** The channel the ticks arrive on; the same channel for the ticker's whole life. */
  public @ReceiveOnly Channel<Instant> channel() {
    return view;
  }

  /**
   * Stops the ticks and releases the timer. A tick already in the buffer stays there. Idempotent.
   */
  public void stop() {
    lock.lock();
    try {
      ScheduledFuture<?> t = timer;
      if (t != null) {
        timer = null;
        t.cancel(false);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops the ticker and starts it again with {@code period}: the next tick comes {@code period}
   * from now. Works on a stopped ticker too. Go's {@code ticker.Reset}.
   *
   * @throws IllegalArgumentException if {@code period} is not positive
   */
  public void reset(Duration period) {
    long nanos = periodNanos(period);
    lock.lock();
    try {
      ScheduledFuture<?> t = timer;
      if (t != null) {
        t.cancel(false);
      }
      timer = schedule(nanos);
    } finally {
      lock.unlock();
    }
  }

  /** Stops the ticker: the same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private ScheduledFuture<?> schedule(long periodNanos) {
    Channel<Instant> target = ticks; // the task holds the channel, not the ticker
    return TimerScheduler.scheduleAtFixedRate(() -> target.trySend(Instant.now()), periodNanos);
  }

  private static long periodNanos(Duration period) {
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("a ticker's period must be positive: " + period);
    }
    try {
      return period.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public String toString() {
    lock.lock();
    try {
      return timer == null ? "Ticker (stopped)" : "Ticker";
    } finally {
      lock.unlock();
    }
  }
}
