package dev.conduit.internal;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@code withTimeout} and {@code withDeadline}: a {@link CancelContext} that also cancels itself
 * with a deadline-exceeded reason when a timer on {@link TimerScheduler} fires.
 *
 * <p>The timer is scheduled under the context's lock only if the context is not already done, and
 * cancelling removes it from the scheduler's queue under the same lock, so a cancelled context
 * never leaves a timer behind, whoever cancelled it and whenever.
 */
final class TimerContext extends CancelContext implements Runnable {
  private final Instant deadline;
  private final CancelReason deadlineReason;

  // Guarded by lock.
  @GuardedBy("lock")
  private @Nullable ScheduledFuture<?> timer;

  private TimerContext(AbstractContext parent, Instant deadline, @Nullable Throwable cause) {
    super(parent);
    this.deadline = deadline;
    this.deadlineReason = new CancelReason(true, cause);
  }

  static CancelContext afterTimeout(
      AbstractContext parent, Duration timeout, @Nullable Throwable cause) {
    long delayNanos = saturatedNanos(timeout);
    Instant deadline;
    try {
      deadline = Instant.now().plus(timeout);
    } catch (ArithmeticException | java.time.DateTimeException tooFar) {
      deadline = timeout.isNegative() ? Instant.MIN : Instant.MAX;
    }
    return create(parent, deadline, delayNanos, cause);
  }

  static CancelContext atDeadline(
      AbstractContext parent, Instant deadline, @Nullable Throwable cause) {
    Instant now = Instant.now();
    long delayNanos = saturatedNanos(Duration.between(now, deadline));
    return create(parent, deadline, delayNanos, cause);
  }

  private static CancelContext create(
      AbstractContext parent, Instant deadline, long delayNanos, @Nullable Throwable cause) {
    Instant inherited = parent.deadline();
    if (inherited != null && !inherited.isAfter(deadline)) {
      // The parent becomes done first anyway: a plain child needs no timer of its own.
      CancelContext child = new CancelContext(parent);
      child.attach();
      return child;
    }
    TimerContext child = new TimerContext(parent, deadline, cause);
    child.attach();
    if (delayNanos <= 0) {
      child.run();
      return child;
    }
    if (delayNanos == Long.MAX_VALUE) {
      return child; // centuries away: a timer would only hold memory
    }
    child.lock.lock();
    try {
      if (!child.isCancelled()) {
        child.timer = TimerScheduler.schedule(child, delayNanos);
      }
    } finally {
      child.lock.unlock();
    }
    return child;
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** The deadline passed. */
  @Override
  public void run() {
    cancel(deadlineReason, true);
  }

  @Override
  @GuardedBy("lock")
  void cancelledLocked() {
    ScheduledFuture<?> t = timer;
    if (t != null) {
      timer = null;
      t.cancel(false); // removes it from the scheduler's queue: see TimerScheduler
    }
  }

  @Override
  public Instant deadline() {
    return deadline;
  }

  @Override
  public String toString() {
    return parent() + ".withDeadline(" + deadline + ")";
  }
}
