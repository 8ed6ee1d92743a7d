package dev.conduit.internal;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread behind context deadlines, {@code Timers.after} and {@code Ticker}.
 *
 * <p>It is a single daemon platform thread named {@value #THREAD_NAME}, started on the first timer
 * and ended after {@value #IDLE_SECONDS} idle seconds. A platform thread rather than a virtual one
 * so that deadlines fire on time even when every carrier thread is busy with virtual threads that
 * poll {@code ctx.err()} in a loop. Timer tasks only flip state and send without blocking, so one
 * thread serves them all.
 *
 * <p>Cancelled tasks are removed from the queue at once ({@link
 * ScheduledThreadPoolExecutor#setRemoveOnCancelPolicy}), rather than when their time would have
 * come: a cancelled context with a one-hour timeout must not stay reachable for an hour.
 */
public final class TimerScheduler {
  /** The name of the timer thread. */
  public static final String THREAD_NAME = "conduit-timer";

  private static final int IDLE_SECONDS = 10;

  private TimerScheduler() {}

  private static final class Holder {
    static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private static ScheduledThreadPoolExecutor create() {
      ThreadFactory platform =
          Thread.ofPlatform()
              .name(THREAD_NAME)
              .daemon(true)
              .inheritInheritableThreadLocals(false)
              .factory();
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(
              1,
              task -> {
                // Not whichever thread happened to start the first timer: in a container, its
                // context class loader would stay reachable for as long as the thread lives.
                Thread thread = platform.newThread(task);
                thread.setContextClassLoader(TimerScheduler.class.getClassLoader());
                return thread;
              });
      executor.setRemoveOnCancelPolicy(true);
      executor.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
      executor.allowCoreThreadTimeOut(true);
      return executor;
    }
  }

  /** Runs {@code task} once after {@code delayNanos}. */
  public static ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
    return Holder.EXECUTOR.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
  }

  /** Runs {@code task} every {@code periodNanos}, the first time after one period. */
  public static ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long periodNanos) {
    return Holder.EXECUTOR.scheduleAtFixedRate(
        task, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
  }

  /** How many timers are pending now; for tests that check that cancelling releases them. */
  public static int pendingTimers() {
    return Holder.EXECUTOR.getQueue().size();
  }
}
