package dev.conduit.internal;

import static com.google.common.truth.Truth.assertThat;

import dev.conduit.Channel;
import dev.conduit.Select;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpinHintTest {

  @Test
  void winningSpinsGrowTheBudgetUpToTheMaximum() {
    assertThat(SpinHint.next(SpinHint.MIN, SpinHint.MIN, false)).isEqualTo(2 * SpinHint.MIN);
    assertThat(SpinHint.next(SpinHint.MAX, SpinHint.MAX, false)).isEqualTo(SpinHint.MAX);
    // A won probe restarts spinning at the full budget.
    assertThat(SpinHint.next(-SpinHint.PROBE_EVERY, SpinHint.MAX, false)).isEqualTo(SpinHint.MAX);
  }

  @Test
  void spinsThatEndInAParkHalveTheBudgetThenStopSpinning() {
    int hint = SpinHint.INITIAL;
    int halvings = 0;
    while (hint > 0) {
      hint = SpinHint.next(hint, SpinHint.spins(hint), true);
      halvings++;
    }
    assertThat(hint).isEqualTo(0);
    assertThat(halvings).isAtMost(Integer.numberOfTrailingZeros(SpinHint.MAX) + 1);
    assertThat(SpinHint.spins(0)).isEqualTo(0);
  }

  @Test
  void withoutSpinningEveryNthWaitProbes() {
    int hint = 0;
    int probes = 0;
    for (int wait = 0; wait < 10 * SpinHint.PROBE_EVERY; wait++) {
      int spins = SpinHint.spins(hint);
      if (spins > 0) {
        assertThat(spins).isEqualTo(SpinHint.MAX);
        probes++;
      }
      hint = SpinHint.next(hint, spins, true); // every probe fails
    }
    assertThat(probes).isIn(com.google.common.collect.Range.closed(9, 10));
  }

  /**
   * Every unpark a waker counts must be uncounted by the thread it woke; a drift upwards would
   * switch spinning off for good, a drift downwards would spin under load.
   */
  @Test
  void wakeupAccountingBalancesAfterHeavyTraffic() throws Exception {
    Channel<Integer> unbuffered = Channel.unbuffered();
    Channel<Integer> buffered = Channel.buffered(2);
    List<Thread> threads = new ArrayList<>();
    int perThread = 20_000;
    for (int i = 0; i < 4; i++) {
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int n = 0; n < perThread; n++) {
                      unbuffered.send(n);
                      buffered.send(n);
                    }
                  }));
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int n = 0; n < 2 * perThread; n++) {
                      Select.<Integer>select()
                          .onReceive(unbuffered, v -> v)
                          .onReceive(buffered, v -> v)
                          .await();
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(Waiter.pendingWakeups()).isEqualTo(0);
  }
}
