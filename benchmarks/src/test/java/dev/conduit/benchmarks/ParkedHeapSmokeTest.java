package dev.conduit.benchmarks;

import static com.google.common.truth.Truth.assertWithMessage;

import org.junit.jupiter.api.Test;

/**
 * The heap-per-parked-goroutine measurement with 10,000 goroutines instead of a million: it must
 * park them all, release them all and come out with a plausible figure for every competitor. It
 * skips the warm-up, so its figures run higher than a real measurement's.
 */
class ParkedHeapSmokeTest {
  @Test
  void everyCompetitorParksAndReleases() throws Exception {
    for (String impl : ParkedHeap.IMPLS) {
      double bytes = ParkedHeap.bytesPerParked(impl, 10_000, 0);
      // Any waiting goroutine holds at least its continuation and the channel's record of it;
      // tens of kilobytes each would mean the measurement caught something else.
      assertWithMessage(impl).that(bytes).isGreaterThan(100.0);
      assertWithMessage(impl).that(bytes).isLessThan(20_000.0);
    }
  }
}
