package dev.conduit.internal;

/**
 * How long waiters on one channel should spin before parking, learnt from how the last waits
 * ended. A hint is an {@code int} kept in a plain field of the channel: racy updates lose at
 * worst one observation, and a hint that does not change is not written, so a channel whose
 * waiters keep winning their spins keeps its cache line clean.
 *
 * <p>A positive hint is the spin budget. A spin that wins doubles it up to {@link #MAX}; one
 * that ends in a park halves it, and below {@link #MIN} it drops to zero. From zero, hints count
 * down one per wait, and every {@link #PROBE_EVERY}th wait spins a full {@link #MAX} to find out
 * whether spinning pays again (the counterpart may have moved to another carrier).
 *
 * <p>The probe must be that long. Two goroutines can end up parking at once although they run on
 * different carriers, each hand-off then waking the other carrier, which takes about a
 * microsecond; a 16-spin probe never saw an answer that late, so a ping-pong stuck there at
 * 2.1–2.4 µs per round trip (against about 0.5 µs spinning, and 1 µs when both share one carrier).
 * Full-length probes got every one of 8 measured forks out of it.
 */
final class SpinHint {
  /** The most iterations of {@link Thread#onSpinWait()} a waiter spins: a few microseconds. */
  static final int MAX = 128;

  /** The smallest budget worth spinning. */
  static final int MIN = 16;

  /** How many parked waits pass between probes while spinning does not pay. */
  static final int PROBE_EVERY = 64;

  /** The hint a new channel starts with. */
  static final int INITIAL = MAX;

  private SpinHint() {}

  /** The number of spins a waiter should try, given the channel's hint. */
  static int spins(int hint) {
    if (hint > 0) {
      return hint;
    }
    return hint <= -PROBE_EVERY ? MAX : 0;
  }

  /** The channel's next hint after a wait that spun {@code spun} times, then parked or not. */
  static int next(int hint, int spun, boolean parked) {
    if (spun == 0) {
      return hint - 1;
    }
    if (!parked) {
      return Math.min(MAX, Math.max(MIN, spun * 2));
    }
    if (hint <= 0) {
      return 0; // a failed probe: back to counting
    }
    int half = spun / 2;
    return half < MIN ? 0 : half;
  }
}
