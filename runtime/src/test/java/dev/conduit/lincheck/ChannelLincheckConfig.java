package dev.conduit.lincheck;

/**
 * The Lincheck budgets. {@code threads} counts the closer thread of {@link
 * ChannelScenarioGenerator}; {@code iterations} is the number of random scenarios (the progress
 * scenarios come on top); {@code invocations} is the number of interleavings explored per scenario.
 */
record ChannelLincheckConfig(
    int threads, int actorsPerThread, int actorsBefore, int iterations, int invocations) {
  static final ChannelLincheckConfig SHORT = new ChannelLincheckConfig(3, 2, 1, 10, 50);
  static final ChannelLincheckConfig LONG = new ChannelLincheckConfig(3, 3, 2, 100, 5_000);
  static final ChannelLincheckConfig STRESS = new ChannelLincheckConfig(3, 3, 2, 20, 1_000);
}
