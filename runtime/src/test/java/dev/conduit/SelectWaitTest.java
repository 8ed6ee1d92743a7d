package dev.conduit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Selects that have to wait, run one after another by one thread, with their clause count, their
 * directions and their outcome changing from one to the next: each must see only its own clauses,
 * leave nothing queued behind, and keep no offered value alive once it returned.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SelectWaitTest {

  /**
   * One goroutine runs selects of 1 to 5 clauses in turn, sends and receives mixed, some ending in
   * their timeout; a partner serves exactly the one clause each round names. Every select must fire
   * the clause named, with the round's value; after a timeout, no clause of it may still be queued.
   */
  @Test
  void selectsOfEverySizeInTurnEachSeeOnlyTheirOwnClauses() throws Throwable {
    int rounds = 400;
    List<Channel<Integer>> channels = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      channels.add(Channel.unbuffered());
    }
    Channel<Integer> roundStarts = Channel.buffered(1);
    var partner =
        Threads.run(() -> {
          for (int r = 0; r < rounds; r++) {
            if (timesOut(r)) {
              continue;
            }
            assertThat(roundStarts.receive()).isEqualTo(r);
            int target = target(r);
            Channel<Integer> channel = channels.get(target);
            if (isSend(r, target)) {
              assertWithMessage("round %s", r).that(channel.receive()).isEqualTo(r);
            } else {
              channel.send(r);
            }
          }
        });
    for (int r = 0; r < rounds; r++) {
      int size = 1 + r % 5;
      int round = r;
      Select<String> select = Select.select();
      for (int i = 0; i < size; i++) {
        int clause = i;
        Channel<Integer> channel = channels.get(i);
        if (isSend(r, i)) {
          select.onSend(channel, r, () -> "sent " + clause);
        } else {
          select.onReceive(channel, v -> "received " + v + " on " + clause);
        }
      }
      if (timesOut(r)) {
        select.onTimeout(Duration.ofMillis(2), () -> "timed out");
        assertThat(select.await()).isEqualTo("timed out");
        for (Channel<Integer> channel : channels) {
          assertWithMessage("round %s left a receiver queued", round)
              .that(channel.trySend(-1))
              .isFalse();
          assertWithMessage("round %s left a sender queued", round)
              .that(channel.tryReceive())
              .isNull();
        }
        continue;
      }
      roundStarts.send(r);
      int target = target(r);
      assertWithMessage("round %s", r)
          .that(select.await())
          .isEqualTo(isSend(r, target) ? "sent " + target : "received " + r + " on " + target);
    }
    partner.get();
  }

  private static boolean timesOut(int round) {
    return round % 7 == 3;
  }

  /** The clause the partner serves in {@code round}. */
  private static int target(int round) {
    return (round * 3) % (1 + round % 5);
  }

  private static boolean isSend(int round, int clause) {
    return (round + clause) % 3 == 0;
  }

  /**
   * A select that waited and returned, whether its send clause fired or lost, must not keep the
   * value it offered reachable while its thread lives on.
   */
  @Test
  void aReturnedSelectKeepsNoOfferedValueAlive() throws Throwable {
    Channel<Object> lost = Channel.unbuffered();
    Channel<Object> won = Channel.unbuffered();
    Channel<String> wake = Channel.unbuffered();
    Channel<List<WeakReference<Object>>> offered = Channel.unbuffered();
    Channel<String> release = Channel.unbuffered();
    var selector =
        Threads.run(() -> {
          Object neverTaken = new Object();
          Object taken = new Object();
          List<WeakReference<Object>> refs =
              List.of(new WeakReference<>(neverTaken), new WeakReference<>(taken));
          String fired =
              Select.<String>select()
                  .onSend(lost, neverTaken, () -> "lost")
                  .onSend(won, taken, () -> "won")
                  .onReceive(wake, v -> "woken")
                  .await();
          assertThat(fired).isEqualTo("won");
          neverTaken = null;
          taken = null;
          offered.send(refs);
          release.receive(); // stay alive, with everything this thread holds
        });
    selector.awaitBlocked();
    Object received = won.receive();
    assertThat(received).isNotNull();
    received = null;
    List<WeakReference<Object>> refs = offered.receive();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (refs.get(0).get() != null || refs.get(1).get() != null) {
      assertWithMessage("a value offered by a returned select is still reachable")
          .that(System.nanoTime() < deadline)
          .isTrue();
      System.gc();
      Thread.sleep(10);
    }
    release.send("done");
    selector.get();
  }
}
