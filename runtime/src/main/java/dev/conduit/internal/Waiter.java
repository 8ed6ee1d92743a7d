package dev.conduit.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One blocked thread's stake in one or more channel queues.
 *
 * <p>The state starts as {@link #WAITING}; exactly one party moves it away, with a CAS: a
 * counterpart that completes the operation of clause {@code i} (state becomes {@code i}), or the
 * blocked thread itself giving up (timed out, interrupted). A select queues one {@link Node} per
 * clause, all sharing one waiter, which is what makes exactly one clause fire.
 *
 * <p>A counterpart writes its outcome into the {@link Node} before its CAS; the CAS publishes
 * it, and the blocked thread reads it only after seeing the state change.
 *
 * <p>A blocked thread may spin briefly before it parks ({@link #await(long, int)}): when its
 * counterpart runs on another carrier and answers within a microsecond or two, spinning saves a
 * park and an unpark, which cost far more than the hand-off itself. A counterpart decides the
 * waiter and then unparks it only if it has announced that it parks ({@link #wake()}), so a
 * hand-off to a spinning thread costs one CAS. Spinning is a loss when the counterpart cannot
 * run meanwhile: with few carriers and many runnable virtual threads, the counterpart is often
 * queued on the spinner's own carrier (measured: a fixed 128-iteration spin made a 1,000-stage
 * pipeline ten times slower on 2 cores). So nobody spins while woken waiters are still waiting
 * for a carrier ({@link #carriersLookFree()}), and each channel keeps a {@link SpinHint}: spin
 * budgets grow while spinning pays and drop to zero when it does not, with a rare short probe to
 * notice when it pays again.
 */
class Waiter {
  static final int WAITING = -1;
  static final int TIMED_OUT = -2;
  static final int INTERRUPTED = -3;

  private static final int SPINNING = 0;
  private static final int PARKING_ANNOUNCED = 1;
  private static final int UNPARK_CLAIMED = 2;
  private static final int SETTLED = 3;

  /**
   * {@link #SPINNING} until the thread is about to park ({@link #PARKING_ANNOUNCED}); a waker
   * that moves it to {@link #UNPARK_CLAIMED} unparks the thread and counts it in {@link
   * Wakeups#PENDING}, which the thread uncounts when it sees the claim; a thread whose state was
   * decided without such a claim moves it to {@link #SETTLED}, after which no waker unparks it.
   */
  private volatile int parking = SPINNING;

  private static final VarHandle STATE;
  private static final VarHandle PARKING;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATE = lookup.findVarHandle(Waiter.class, "state", int.class);
      PARKING = lookup.findVarHandle(Waiter.class, "parking", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final Thread thread;
  private volatile int state = WAITING;

  Waiter(Thread thread) {
    this.thread = thread;
  }

  /** Claims this waiter for {@code outcome}; false if someone else already decided it. */
  final boolean tryDecide(int outcome) {
    return STATE.compareAndSet(this, WAITING, outcome);
  }

  final int state() {
    return state;
  }

  /** Whether the thread got as far as parking, i.e. spinning did not suffice. */
  final boolean parked() {
    return parking != SPINNING;
  }

  /**
   * Unparks the waiting thread if it parks or is about to. Call after deciding the state: the
   * waiter announces {@code parking} before it checks the state a last time, and both are
   * volatile, so either it sees the decision or this sees the announcement.
   */
  final void wake() {
    if (parking == PARKING_ANNOUNCED
        && PARKING.compareAndSet(this, PARKING_ANNOUNCED, UNPARK_CLAIMED)) {
      Wakeups.PENDING.incrementAndGet();
      LockSupport.unpark(thread);
    }
  }

  /**
   * Whether spinning may pay: not while woken waiters are still waiting for a carrier, for then
   * the carriers have other work and the counterpart may well be queued behind this spinner.
   */
  static boolean carriersLookFree() {
    return Wakeups.PENDING.get() < Wakeups.CARRIERS;
  }

  /** How many woken waiters have not yet run again; zero whenever no channel traffic is left. */
  static int pendingWakeups() {
    return Wakeups.PENDING.get();
  }

  /** Woken waiters not yet running again, across all channels: a cheap proxy for queued work. */
  private static final class Wakeups {
    static final AtomicInteger PENDING = new AtomicInteger();
    static final int CARRIERS = Runtime.getRuntime().availableProcessors();
  }

  /** Called once the state is decided, after the thread announced parking. */
  private void settleParking() {
    if (!PARKING.compareAndSet(this, PARKING_ANNOUNCED, SETTLED)) {
      Wakeups.PENDING.decrementAndGet(); // a waker claimed the unpark and counted it
    }
  }

  /**
   * Spins up to {@code spins} times, then parks until the state is decided, or until {@code
   * deadlineNanos} (a {@link System#nanoTime()} value; {@link Long#MAX_VALUE} for none) passes or
   * the thread is interrupted, in which case the thread tries to decide the state itself as
   * {@link #TIMED_OUT} or {@link #INTERRUPTED}. The interrupt status is left set.
   *
   * @return the decided state
   */
  final int await(long deadlineNanos, int spins) {
    for (int i = 0; i < spins; i++) {
      int s = state;
      if (s != WAITING) {
        return s;
      }
      Thread.onSpinWait();
    }
    parking = PARKING_ANNOUNCED;
    while (true) {
      int s = state;
      if (s != WAITING) {
        settleParking();
        return s;
      }
      if (Thread.currentThread().isInterrupted()) {
        if (tryDecide(INTERRUPTED)) {
          settleParking();
          return INTERRUPTED;
        }
        continue;
      }
      if (deadlineNanos == Long.MAX_VALUE) {
        LockSupport.park(this);
      } else {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
          if (tryDecide(TIMED_OUT)) {
            settleParking();
            return TIMED_OUT;
          }
          continue;
        }
        LockSupport.parkNanos(this, remaining);
      }
    }
  }
}
