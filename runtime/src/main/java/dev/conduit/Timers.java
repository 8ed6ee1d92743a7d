package dev.conduit;

import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.internal.TimerScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One-shot timers as channels: Go's {@code time.After}. For periodic ticks see {@link Ticker}.
 *
 * <pre>{@code
 * Channel<Instant> deadline = Timers.after(Duration.ofSeconds(30));
 * while (true) {
 *   boolean more = Select.<Boolean>select()
 *       .onReceive(jobs, job -> { handle(job); return true; })
 *       .onReceive(deadline, () -> false) // the whole loop gets 30 s, not each round
 *       .await();
 *   if (!more) break;
 * }
 * }</pre>
 *
 * <p>Timers run on Conduit's single timer thread (a daemon platform thread started lazily and ended
 * when idle), so they fire on time even when every carrier of the virtual threads is busy. Never
 * early: a timer fires no sooner than its duration after the call.
 */
public final class Timers {
  private Timers() {}

  /**
   * A channel that receives the current time once, {@code delay} from now, and is never closed:
   * Go's {@code time.After(delay)}. It is buffered (capacity 1), so the timer never blocks if
   * nobody receives. A zero or negative delay delivers at once.
   *
   * <p><b>Resources:</b> the timer holds the channel until it fires, and cannot be cancelled. Don't
   * create a long one per round of a loop that usually ends sooner (each stays in memory for its
   * whole delay): use {@link Select#onTimeout(Duration, java.util.function.Supplier)}, which holds
   * nothing once the select returns, or a {@link Context#withTimeout context} that you cancel.
   */
  public static @ReceiveOnly Channel<Instant> after(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    Channel<Instant> channel = Channel.buffered(1);
    long nanos;
    try {
      nanos = delay.toNanos();
    } catch (ArithmeticException tooLong) {
      nanos = delay.isNegative() ? 0 : Long.MAX_VALUE;
    }
    if (nanos <= 0) {
      channel.trySend(Instant.now());
    } else if (nanos != Long.MAX_VALUE) {
      TimerScheduler.schedule(() -> channel.trySend(Instant.now()), nanos);
    }
    return channel.receiveOnly();
  }
}
