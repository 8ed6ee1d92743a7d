package dev.conduit;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.conduit.internal.Contexts;
import dev.conduit.internal.GoroutineRecord;
import dev.conduit.internal.GoroutineRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Waits for a collection of goroutines to finish: Go's {@code sync.WaitGroup}.
 *
 * <p>The group holds a counter. {@link #add(int) add(n)} raises it by {@code n} before starting
 * {@code n} goroutines, each goroutine calls {@link #done()} when it finishes, and {@link #await()}
 * blocks until the counter is back at zero. {@link #go(Runnable)} does all three steps for one
 * goroutine (Go 1.25's {@code wg.Go}).
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li><b>A negative counter fails loudly.</b> A {@code done()} or {@code add} that would take the
 *       counter below zero throws {@link IllegalStateException} and leaves the counter unchanged
 *       (Go panics).
 *   <li><b>Happens-before.</b> Everything a goroutine did before its {@code done()} is visible to
 *       the thread that returns from {@code await()}.
 *   <li><b>Reuse.</b> Once every {@code await()} of one round has returned, the group may be used
 *       for another round. An {@code await()} returns once the counter reached zero while it
 *       waited, even if a new round raised it again before it woke up.
 *   <li><b>Blocking.</b> {@code await} parks (virtual threads release their carrier) and throws
 *       {@link UncheckedInterruptedException} if interrupted, with the interrupt status kept.
 *       {@code add} and {@code done} never block.
 * </ul>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * WaitGroup wg = new WaitGroup();
 * for (Path file : files) {
 *   wg.add(1);
 *   Go.go(() -> {
 *     try {
 *       index(file);
 *     } finally {
 *       wg.done();
 *     }
 *   });
 * }
 * wg.await();
 * }</pre>
 *
 * <h2>Don't</h2>
 *
 * <pre>{@code
 * for (Path file : files) {
 *   Go.go(() -> {
 *     wg.add(1); // too late: await() may already have seen zero and returned
 *     try { index(file); } finally { wg.done(); }
 *   });
 * }
 * wg.await();
 * }</pre>
 *
 * (The {@code WaitGroupAddInGoroutine} check reports this.) Exceptions that escape goroutines
 * started by {@link #go(Runnable)} are reported by {@link Go}'s handler; to collect them and cancel
 * the rest, use {@link ErrGroup}.
 */
public final class WaitGroup {
  private final AtomicInteger count = new AtomicInteger();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition zero = lock.newCondition();

  /** Counts the times the counter went down to zero; guarded by {@link #lock}. */
  @GuardedBy("lock")
  private long rounds;

  /** A group whose counter is zero. */
  public WaitGroup() {}

  /**
   * Adds {@code delta}, which may be negative, to the counter; when it reaches zero, every {@link
   * #await()} returns. Call it with a positive delta before starting the goroutines (or whatever
   * else) it counts, never inside them.
   *
   * @throws IllegalStateException if the counter would become negative (then it is unchanged)
   */
  public void add(int delta) {
    int current;
    int next;
    do {
      current = count.get();
      next = current + delta;
      if (next < 0) {
        throw new IllegalStateException(
            delta == -1
                ? "WaitGroup.done() called more often than add(): the counter would become -1"
                : "WaitGroup counter would become negative: " + current + " + " + delta);
      }
      if (delta > 0 && next < current) {
        throw new IllegalStateException("WaitGroup counter overflow: " + current + " + " + delta);
      }
    } while (!count.compareAndSet(current, next));
    if (next == 0 && delta != 0) {
      lock.lock();
      try {
        rounds++;
        zero.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Decrements the counter by one: the same as {@code add(-1)}.
   *
   * @throws IllegalStateException if the counter is already zero
   */
  public void done() {
    add(-1);
  }

  /**
   * Blocks until the counter is zero; returns at once if it is.
   *
   * @throws UncheckedInterruptedException if the thread is interrupted while waiting
   */
  public void await() {
    if (count.get() == 0) {
      return;
    }
    GoroutineRecord me = GoroutineRegistry.blocking();
    lock.lock();
    try {
      long round = rounds;
      while (count.get() != 0 && rounds == round) {
        zero.await();
      }
    } catch (InterruptedException e) {
      throw interrupted();
    } finally {
      lock.unlock();
      GoroutineRegistry.unblocked(me);
    }
  }

  /**
   * Like {@link #await()}, but gives up after {@code timeout}.
   *
   * @return whether the counter reached zero (false: the timeout passed first)
   * @throws UncheckedInterruptedException if the thread is interrupted while waiting
   */
  public boolean await(Duration timeout) {
    if (count.get() == 0) {
      return true;
    }
    long nanos = saturatedNanos(timeout);
    GoroutineRecord me = GoroutineRegistry.blocking();
    lock.lock();
    try {
      long round = rounds;
      while (count.get() != 0 && rounds == round) {
        if (nanos <= 0) {
          return false;
        }
        nanos = zero.awaitNanos(nanos);
      }
      return true;
    } catch (InterruptedException e) {
      throw interrupted();
    } finally {
      lock.unlock();
      GoroutineRegistry.unblocked(me);
    }
  }

  /**
   * Like {@link #await()}, but gives up when {@code ctx} is done. If both the counter is zero and
   * the context done, returns normally.
   *
   * @throws ContextDoneException a copy of {@code ctx.err()}, if the context is done first
   * @throws UncheckedInterruptedException if the thread is interrupted while waiting
   */
  public void await(Context ctx) {
    if (count.get() == 0) {
      return;
    }
    if (!Contexts.canBeDone(ctx)) {
      await();
      return;
    }
    ContextDoneException alreadyDone = ctx.err();
    if (alreadyDone != null) {
      throw alreadyDone.copy();
    }
    AfterFunc wake = Contexts.onDoneInline(ctx, this::wakeAll);
    GoroutineRecord me = GoroutineRegistry.blocking();
    try {
      lock.lock();
      try {
        long round = rounds;
        while (count.get() != 0 && rounds == round) {
          ContextDoneException err = ctx.err();
          if (err != null) {
            throw err.copy();
          }
          zero.await();
        }
      } catch (InterruptedException e) {
        throw interrupted();
      } finally {
        lock.unlock();
      }
    } finally {
      wake.stop();
      GoroutineRegistry.unblocked(me);
    }
  }

  /**
   * Runs {@code task} in a new goroutine counted by this group: {@code add(1)}, then {@link
   * Go#go(Runnable)} of {@code task} followed by {@code done()}, whether it completes or throws. An
   * exception it throws goes to {@link Go}'s handler. Go 1.25's {@code wg.Go}.
   */
  public void go(Runnable task) {
    Objects.requireNonNull(task, "task");
    add(1);
    try {
      Go.go(() -> {
        try {
          task.run();
        } finally {
          done();
        }
      });
    } catch (Throwable startFailed) {
      done();
      throw startFailed;
    }
  }

  /** The counter now; only a snapshot, for monitoring and tests. */
  public int count() {
    return count.get();
  }

  private void wakeAll() {
    lock.lock();
    try {
      zero.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private static UncheckedInterruptedException interrupted() {
    Thread.currentThread().interrupt(); // Condition.await cleared it; keep it set for callers
    return new UncheckedInterruptedException();
  }

  private static long saturatedNanos(Duration timeout) {
    try {
      return timeout.toNanos();
    } catch (ArithmeticException tooLong) {
      return timeout.isNegative() ? 0 : Long.MAX_VALUE;
    }
  }

  @Override
  public String toString() {
    return "WaitGroup(" + count.get() + ")";
  }
}
