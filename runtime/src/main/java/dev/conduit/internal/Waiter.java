package dev.conduit.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 * <p>A blocked thread parks at once, without spinning first: a virtual thread that spins keeps
 * its carrier busy, and with few carriers that delays the very counterpart it waits for
 * (measured: a 100-iteration spin made unbuffered ping-pong ten times slower on 2 cores).
 */
class Waiter {
  static final int WAITING = -1;
  static final int TIMED_OUT = -2;
  static final int INTERRUPTED = -3;

  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(Waiter.class, "state", int.class);
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

  /**
   * Parks until the state is decided, or until {@code deadlineNanos} (a {@link System#nanoTime()}
   * value; {@link Long#MAX_VALUE} for none) passes or the thread is interrupted, in which case the
   * thread tries to decide the state itself as {@link #TIMED_OUT} or {@link #INTERRUPTED}. The
   * interrupt status is left set.
   *
   * @return the decided state
   */
  final int await(long deadlineNanos) {
    while (true) {
      int s = state;
      if (s != WAITING) {
        return s;
      }
      if (Thread.currentThread().isInterrupted()) {
        if (tryDecide(INTERRUPTED)) {
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
            return TIMED_OUT;
          }
          continue;
        }
        LockSupport.parkNanos(this, remaining);
      }
    }
  }
}
