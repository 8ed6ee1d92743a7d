package dev.conduit.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * One blocked thread's stake in one or more channel queues.
 *
 * <p>The state starts as {@link #WAITING}; exactly one party moves it away, with a CAS: a
 * counterpart that completes the operation of clause {@code i} (state becomes {@code i}), or the
 * blocked thread itself giving up (timed out, interrupted). A select queues one {@link Node} per
 * clause, all sharing one waiter, which is what makes exactly one clause fire.
 *
 * <p>A counterpart writes its outcome into the {@link Node} before its CAS; the CAS publishes it,
 * and the blocked thread reads it only after seeing the state change, so the woken side never takes
 * the channel's lock again.
 *
 * <p>Waiting first spins briefly where {@link SpinGate} says it pays, then publishes {@link
 * #parked} and parks. A counterpart reads {@link #parkedThread()} right after its CAS and unparks
 * that thread after unlocking; it unparks only a waiter that published itself. Both sides write one
 * volatile field and then read the other's, so at least one of them sees the other: the waiter sees
 * the decided state and does not park, or the counterpart sees {@code parked} and unparks.
 */
class Waiter {
  static final int WAITING = -1;
  static final int TIMED_OUT = -2;
  static final int INTERRUPTED = -3;

  private static final VarHandle STATE;
  private static final VarHandle PARKED;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATE = lookup.findVarHandle(Waiter.class, "state", int.class);
      PARKED = lookup.findVarHandle(Waiter.class, "parked", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The blocked thread; written before the waiter is queued (under a channel's lock). */
  Thread thread;

  /**
   * Written with plain stores while nobody else can see the waiter (construction, {@link #reset}):
   * the channel lock under which it is then queued publishes them. A volatile store there would
   * cost a full fence per node, which the first profiles showed as the hottest frame of ping-pong
   * and select (a node per hand-off, one per select clause).
   */
  private volatile int state;

  private volatile boolean parked;

  Waiter(Thread thread) {
    this.thread = thread;
    STATE.set(this, WAITING);
  }

  /**
   * Makes a waiter that returned ready for its thread's next wait (a reused select); nobody else
   * holds it then (every node of its last run left its queue before the run returned).
   */
  final void reset(Thread thread) {
    this.thread = thread;
    PARKED.set(this, false);
    STATE.set(this, WAITING);
  }

  /** Claims this waiter for {@code outcome}; false if someone else already decided it. */
  final boolean tryDecide(int outcome) {
    return STATE.compareAndSet(this, WAITING, outcome);
  }

  final int state() {
    return state;
  }

  /**
   * The thread to unpark once the caller has unlocked, or null if it never published itself as
   * parked (it is still spinning and sees the decided state by itself). Call right after a
   * successful claim: the claim and this read are the counterpart's half of the handshake described
   * above. Nothing else of a claimed node may be read after the claim, as its thread may already be
   * reusing it.
   */
  final @Nullable Thread parkedThread() {
    return parked ? thread : null;
  }

  /** Unparks {@code thread} if not null: the second step of {@link #parkedThread()}. */
  static void wake(@Nullable Thread thread) {
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  /**
   * Waits until the state is decided, or until {@code deadlineNanos} (a {@link System#nanoTime()}
   * value; {@link Long#MAX_VALUE} for none) passes or the thread is interrupted, in which case the
   * thread tries to decide the state itself as {@link #TIMED_OUT} or {@link #INTERRUPTED}. The
   * interrupt status is left set.
   *
   * @param maySpin whether this waiter is first in line, the only case where spinning can pay
   * @return the decided state
   */
  final int await(long deadlineNanos, boolean maySpin) {
    if (maySpin && SpinGate.shouldSpin()) {
      for (int i = SpinGate.SPINS; i > 0; i--) {
        int s = state;
        if (s != WAITING) {
          return s;
        }
        Thread.onSpinWait();
      }
    }
    GoroutineRegistry.parking();
    parked = true;
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
