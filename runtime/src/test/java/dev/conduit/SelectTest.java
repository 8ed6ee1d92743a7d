package dev.conduit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Select's clauses, its blocking, its fairness and its exactly-one guarantee. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SelectTest {

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void receivesFromTheChannelThatIsReady(int capacity) throws Throwable {
    Channel<String> a = Channel.buffered(capacity);
    Channel<String> b = Channel.buffered(capacity);
    var sender = Threads.run(() -> b.send("from b"));
    String got =
        Select.<String>select().onReceive(a, v -> "a:" + v).onReceive(b, v -> "b:" + v).await();
    assertThat(got).isEqualTo("b:from b");
    sender.get();
    assertThat(a.len()).isEqualTo(0);
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void sendClauseDeliversToAReceiver(int capacity) throws Throwable {
    Channel<Integer> out = Channel.buffered(capacity);
    Channel<Integer> never = Channel.buffered(capacity);
    var receiver = Threads.start(out::receive);
    String got =
        Select.<String>select()
            .onSend(out, 42, () -> "sent")
            .onReceive(never, v -> "impossible")
            .await();
    assertThat(got).isEqualTo("sent");
    assertThat(receiver.get()).isEqualTo(42);
  }

  @Test
  void blocksUntilAClauseCanFire() throws Throwable {
    Channel<String> a = Channel.unbuffered();
    Channel<String> b = Channel.unbuffered();
    var selecting =
        Threads.start(() ->
                Select.<String>select()
                    .onReceive(a, v -> "a:" + v)
                    .onReceive(b, v -> "b:" + v)
                    .await())
            .awaitBlocked();
    selecting.assertStillBlocked();
    a.send("x"); // completes only because the select takes it
    assertThat(selecting.get()).isEqualTo("a:x");
    // The select left nothing queued on b: a trySend finds no receiver.
    assertThat(b.trySend("y")).isFalse();
  }

  @Test
  void blockedSendClauseFiresWhenAReceiverComes() throws Throwable {
    Channel<String> out = Channel.unbuffered();
    Channel<String> in = Channel.unbuffered();
    var selecting =
        Threads.start(() ->
                Select.<String>select()
                    .onSend(out, "payload", () -> "sent")
                    .onReceive(in, v -> "received " + v)
                    .await())
            .awaitBlocked();
    assertThat(out.receive()).isEqualTo("payload");
    assertThat(selecting.get()).isEqualTo("sent");
    assertThat(in.trySend("late")).isFalse();
  }

  @Test
  void orElseRunsWhenNothingIsReady() {
    Channel<String> a = Channel.unbuffered();
    Channel<String> full = Channel.buffered(1);
    full.send("occupied");
    String got =
        Select.<String>select()
            .onReceive(a, v -> "a")
            .onSend(full, "more", () -> "sent")
            .orElse(() -> "default")
            .await();
    assertThat(got).isEqualTo("default");
    assertThat(full.len()).isEqualTo(1);
    assertThat(full.receive()).isEqualTo("occupied");
  }

  @Test
  void orElseIsNotTakenWhenAClauseIsReady() {
    Channel<String> ready = Channel.buffered(1);
    ready.send("here");
    String got = Select.<String>select().onReceive(ready, v -> v).orElse(() -> "default").await();
    assertThat(got).isEqualTo("here");
  }

  @Test
  void timeoutFiresWhenNothingElseDoes() {
    Channel<String> silent = Channel.unbuffered();
    long start = System.nanoTime();
    String got =
        Select.<String>select()
            .onReceive(silent, v -> "value")
            .onTimeout(Duration.ofMillis(100), () -> "timeout")
            .await();
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(got).isEqualTo("timeout");
    assertThat(elapsedMillis).isAtLeast(100L);
    // Nothing stays queued: a sender finds no receiver afterwards.
    assertThat(silent.trySend("late")).isFalse();
  }

  @Test
  void shortestTimeoutWinsAndAReadyClauseBeatsAnExpiredTimeout() {
    String got =
        Select.<String>select()
            .onTimeout(Duration.ofSeconds(5), () -> "long")
            .onTimeout(Duration.ofMillis(10), () -> "short")
            .await();
    assertThat(got).isEqualTo("short");

    Channel<String> ready = Channel.buffered(1);
    ready.send("v");
    assertThat(
            Select.<String>select()
                .onReceive(ready, v -> v)
                .onTimeout(Duration.ZERO, () -> "timeout")
                .await())
        .isEqualTo("v");
    assertThat(Select.<String>select().onTimeout(Duration.ofMillis(-5), () -> "now").await())
        .isEqualTo("now");
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void closedChannelFiresReceiveWithNull(int capacity) {
    Channel<String> closed = Channel.buffered(capacity);
    Channel<String> open = Channel.buffered(capacity);
    closed.close();
    String got =
        Select.<String>select()
            .onReceive(open, v -> "open")
            .onReceive(closed, v -> v == null ? "closed" : "value " + v)
            .await();
    assertThat(got).isEqualTo("closed");
    assertThat(Select.<String>select().onReceive(closed, () -> "fired").await()).isEqualTo("fired");
  }

  @Test
  void closeWakesABlockedSelectReceive() throws Throwable {
    Channel<String> ch = Channel.unbuffered();
    var selecting =
        Threads.start(
                () -> Select.<String>select().onReceive(ch, v -> v == null ? "closed" : v).await())
            .awaitBlocked();
    ch.close();
    assertThat(selecting.get()).isEqualTo("closed");
  }

  @Test
  void sendClauseOnAClosedChannelThrows() throws Exception {
    Channel<String> ch = Channel.unbuffered();
    ch.close();
    assertThrows(
        ChannelClosedException.class,
        () -> Select.<String>select().onSend(ch, "x", () -> "sent").await());

    Channel<String> later = Channel.unbuffered();
    var selecting =
        Threads.start(() -> Select.<String>select().onSend(later, "x", () -> "sent").await())
            .awaitBlocked();
    later.close();
    assertThat(selecting.failure()).isInstanceOf(ChannelClosedException.class);
  }

  @Test
  void interruptEndsABlockedSelectAndLeavesNothingQueued() throws Exception {
    Channel<String> a = Channel.unbuffered();
    Channel<String> b = Channel.buffered(1);
    b.send("full");
    var selecting =
        Threads.start(
                () -> {
                  try {
                    return Select.<String>select()
                        .onReceive(a, v -> "a")
                        .onSend(b, "more", () -> "sent")
                        .await();
                  } catch (UncheckedInterruptedException e) {
                    return "interrupted " + Thread.currentThread().isInterrupted();
                  }
                })
            .awaitBlocked();
    selecting.thread().interrupt();
    assertThat(selecting.result().get(10, TimeUnit.SECONDS)).isEqualTo("interrupted true");
    assertThat(a.trySend("late")).isFalse();
    assertThat(b.receive()).isEqualTo("full");
    assertThat(b.tryReceive()).isNull();
  }

  @Test
  void aSelectWithoutClausesWaitsForItsTimeoutOrInterrupt() throws Exception {
    assertThat(Select.<String>select().onTimeout(Duration.ofMillis(20), () -> "t").await())
        .isEqualTo("t");
    assertThat(Select.<String>select().orElse(() -> "d").await()).isEqualTo("d");
    var forever =
        Threads.start(
                () -> {
                  try {
                    return Select.<String>select().await();
                  } catch (UncheckedInterruptedException e) {
                    return "interrupted";
                  }
                })
            .awaitBlocked();
    forever.assertStillBlocked();
    forever.thread().interrupt();
    assertThat(forever.result().get(10, TimeUnit.SECONDS)).isEqualTo("interrupted");
  }

  @Test
  void sendAndReceiveOnOneChannelInOneSelect() throws Throwable {
    Channel<Integer> ch = Channel.unbuffered();
    // Two selects each offering both directions must pair up with each other.
    var first =
        Threads.start(() ->
            Select.<String>select()
                .onSend(ch, 1, () -> "first sent")
                .onReceive(ch, v -> "first got " + v)
                .await());
    String second =
        Select.<String>select()
            .onSend(ch, 2, () -> "second sent")
            .onReceive(ch, v -> "second got " + v)
            .await();
    String firstResult = first.get();
    assertThat(List.of(firstResult, second))
        .isAnyOf(List.of("first sent", "second got 1"), List.of("first got 2", "second sent"));
  }

  @Test
  void selectIsReusable() {
    Channel<Integer> ch = Channel.buffered(3);
    ch.send(1);
    ch.send(2);
    Select<Integer> next = Select.<Integer>select().onReceive(ch, v -> v).orElse(() -> -1);
    assertThat(next.await()).isEqualTo(1);
    assertThat(next.await()).isEqualTo(2);
    assertThat(next.await()).isEqualTo(-1);
  }

  @Test
  void viewsWorkAndDirectionIsEnforced() throws Throwable {
    Channel<Integer> ch = Channel.buffered(1);
    assertThrows(
        UnsupportedOperationException.class,
        () -> Select.<String>select().onSend(ch.receiveOnly(), 1, () -> "x"));
    assertThrows(
        UnsupportedOperationException.class,
        () -> Select.<String>select().onReceive(ch.sendOnly(), v -> "x"));
    assertThat(Select.<String>select().onSend(ch.sendOnly(), 7, () -> "sent").await())
        .isEqualTo("sent");
    assertThat(Select.<Integer>select().onReceive(ch.receiveOnly(), v -> v).await()).isEqualTo(7);
  }

  @Test
  void rejectsForeignChannelsAndNulls() {
    Channel<Integer> ch = Channel.unbuffered();
    assertThrows(
        NullPointerException.class, () -> Select.<String>select().onSend(ch, null, () -> ""));
    assertThrows(
        NullPointerException.class,
        () -> Select.<String>select().onReceive((Channel<Integer>) null, () -> ""));
    assertThrows(
        NullPointerException.class,
        () -> Select.<String>select().onReceive((ReceiveSelectable<Integer>) null, () -> ""));
    assertThrows(
        IllegalStateException.class,
        () -> Select.<String>select().orElse(() -> "a").orElse(() -> "b"));
  }

  /**
   * Two always-ready channels, 20,000 selects: each side's count is binomial(20000, 1/2), with a
   * standard deviation of about 71. Six deviations either way (a false alarm about once in 500
   * million runs) still catches any bias of 2% or more.
   */
  @Test
  void choosesUniformlyAmongReadyClauses() {
    Channel<Integer> a = Channel.buffered(1);
    Channel<Integer> b = Channel.buffered(1);
    int runs = 20_000;
    int fromA = 0;
    for (int i = 0; i < runs; i++) {
      a.trySend(1);
      b.trySend(2);
      fromA += Select.<Integer>select().onReceive(a, v -> 1).onReceive(b, v -> 0).await();
    }
    double sd = Math.sqrt(runs * 0.25);
    assertThat((double) fromA).isWithin(6 * sd).of(runs / 2.0);
  }

  /** Four ready clauses, one of them a send: a chi-square test of uniformity (3 d.f.). */
  @Test
  void choosesUniformlyAmongFourClausesOfBothKinds() {
    Channel<Integer> r1 = Channel.buffered(1);
    Channel<Integer> r2 = Channel.buffered(1);
    Channel<Integer> r3 = Channel.buffered(1);
    Channel<Integer> s = Channel.buffered(1);
    int runs = 20_000;
    int[] counts = new int[4];
    for (int i = 0; i < runs; i++) {
      r1.trySend(0);
      r2.trySend(1);
      r3.trySend(2);
      s.tryReceive(); // make room so the send clause is ready
      counts[
          Select.<Integer>select()
              .onReceive(r1, v -> 0)
              .onReceive(r2, v -> 1)
              .onReceive(r3, v -> 2)
              .onSend(s, 9, () -> 3)
              .await()]++;
    }
    double expected = runs / 4.0;
    double chiSquare = 0;
    for (int c : counts) {
      chiSquare += (c - expected) * (c - expected) / expected;
    }
    // P(chi2(3) > 30) is about 1.4e-6: a fair select essentially never fails this.
    assertThat(chiSquare).isLessThan(30.0);
  }
}
