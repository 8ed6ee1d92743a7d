package dev.conduit.test;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Each seed pitfall that leaks at run time is reported with the right wait reason, and the same
 * code fixed passes.
 */
class PitfallsTest {
  @Test
  void abandonedResult_isReportedAsBlockedInChanSend() {
    String report = EngineRuns.failureOf(Pitfalls.AbandonedResult.class, "leaks").getMessage();
    try {
      assertThat(report)
          .startsWith(
              "1 goroutine started during the test is still running 300 ms after it ended:\n\n");
      assertThat(report)
          .containsMatch("goroutine \\d+ \"goroutine-\\d+\" \\[chan send, \\d+ [a-z]+\\]:");
      assertThat(report).contains("waiting on chan #");
      assertThat(report).contains("Channel.unbuffered(): len 0, cap 0\n");
      assertThat(report).contains("at dev.conduit.test.Pitfalls$AbandonedResult.lambda$leaks$");
    } finally {
      Pitfalls.AbandonedResult.leaked.receive();
    }
  }

  @Test
  void abandonedResult_fixedWithABuffer_passes() {
    EngineRuns.assertPasses(Pitfalls.AbandonedResult.class, "fixed");
  }

  @Test
  void rangeNeverClosed_isReportedAsBlockedInChanReceive() {
    String report = EngineRuns.failureOf(Pitfalls.RangeNeverClosed.class, "leaks").getMessage();
    try {
      assertThat(report).containsMatch("\\[chan receive, \\d+ [a-z]+\\]:");
      assertThat(report).contains("Channel.buffered(4): len 0, cap 4\n");
      assertThat(report).contains("at dev.conduit.test.Pitfalls$RangeNeverClosed.lambda$leaks$");
    } finally {
      Pitfalls.RangeNeverClosed.leaked.close();
    }
  }

  @Test
  void rangeNeverClosed_fixedByClosing_passes() {
    EngineRuns.assertPasses(Pitfalls.RangeNeverClosed.class, "fixed");
  }

  @Test
  void receiverStopped_isReportedAsBlockedInChanSend() {
    String report = EngineRuns.failureOf(Pitfalls.ReceiverStopped.class, "leaks").getMessage();
    try {
      assertThat(report).containsMatch("\\[chan send, \\d+ [a-z]+\\]:");
      assertThat(report).contains("Channel.unbuffered(): len 0, cap 0\n");
      assertThat(report).contains("at dev.conduit.test.Pitfalls$ReceiverStopped.lambda$leaks$");
    } finally {
      for (int ignored : Pitfalls.ReceiverStopped.leaked) {
        // drain: the generator sends its last values and closes
      }
    }
  }

  @Test
  void receiverStopped_fixedWithAContext_passes() {
    EngineRuns.assertPasses(Pitfalls.ReceiverStopped.class, "fixed");
  }

  @Test
  void forgottenCancel_isReportedAsBlockedInSelectOnTheDoneChannel() {
    String report = EngineRuns.failureOf(Pitfalls.ForgottenCancel.class, "leaks").getMessage();
    try {
      assertThat(report).containsMatch("\\[select, \\d+ [a-z]+\\]:");
      // Two clauses: the events channel and the context's done channel.
      assertThat(report)
          .containsMatch("waiting on receive from chan #\\d+ .*; receive from chan #\\d+ .*\n");
      assertThat(report).contains("Channel.buffered(1): len 0, cap 1");
      assertThat(report).contains("at dev.conduit.test.Pitfalls$ForgottenCancel.watch(");
    } finally {
      Pitfalls.ForgottenCancel.leaked.cancel();
    }
  }

  @Test
  void forgottenCancel_fixedWithTryWithResources_passes() {
    EngineRuns.assertPasses(Pitfalls.ForgottenCancel.class, "fixed");
  }
}
