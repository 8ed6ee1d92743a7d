package dev.conduit.lincheck;

/**
 * The Lincheck budgets. {@code threads} counts the closer thread of {@link
 * ChannelScenarioGenerator}; {@code actorsBefore} is the number of {@code trySend}s that fill
 * buffers first; {@code iterations} is the number of random scenarios (the progress scenarios of
 * {@link ChannelLincheckTestBase} come on top); {@code invocations} is the number of interleavings
 * explored (model checking) or runs (stress) per scenario.
 */
record ChannelLincheckConfig(
    int threads, int actorsPerThread, int actorsBefore, int iterations, int invocations) {
  /** Every build: a few seconds per capacity on an idle machine. */
  static final ChannelLincheckConfig SHORT = new ChannelLincheckConfig(3, 2, 1, 8, 50);

  /**
   * {@code -Plong}: longer threads, more scenarios, deeper exploration. Still two racing threads
   * besides the closer: with three threads waiting for one {@code ReentrantLock}, Lincheck 3.7 can
   * report a livelock inside {@code AbstractQueuedSynchronizer.acquire} that no real JVM has (its
   * scheduler never runs the waiter that was unparked while the others keep re-parking, until the
   * loop bound is hit).
   */
  static final ChannelLincheckConfig LONG = new ChannelLincheckConfig(3, 3, 2, 50, 1_000);

  /** {@code -Plong}: on real threads, three racing threads besides the closer. */
  static final ChannelLincheckConfig STRESS = new ChannelLincheckConfig(4, 3, 2, 50, 2_000);
}
