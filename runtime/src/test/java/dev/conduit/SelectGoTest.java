package dev.conduit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Go's own select tests (its runtime's {@code chan_test.go}), ported with Go's bounds: a select
 * that waits stays fair, a select may queue on one channel twice, a select never matches itself,
 * and a non-blocking select never misses a channel that was already ready.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SelectGoTest {

  /**
   * Go's {@code TestPseudoRandomSend}: 100 selects offering 1 or 0 on one channel, against a
   * receiver that yields before each receive, so that on an unbuffered channel the select usually
   * waits with both its send clauses queued. Go guarantees more than 10 of each.
   */
  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 100})
  void pseudoRandomSend(int capacity) throws Throwable {
    int n = 100;
    Channel<Integer> c = Channel.buffered(capacity);
    int[] got = new int[n];
    var receiver =
        Threads.run(() -> {
          for (int i = 0; i < n; i++) {
            Thread.yield();
            got[i] = c.receive();
          }
        });
    for (int i = 0; i < n; i++) {
      Select.<Void>select().onSend(c, 1, () -> null).onSend(c, 0, () -> null).await();
    }
    receiver.get();
    int ones = 0;
    for (int v : got) {
      ones += v;
    }
    int zeros = n - ones;
    assertWithMessage("%s zeros and %s ones (capacity %s)", zeros, ones, capacity)
        .that(zeros > n / 10 && ones > n / 10)
        .isTrue();
  }

  /**
   * Go's {@code TestSelectFairness}: a select over two never-ready and two always-ready channels
   * picks each ready one about half the time; Go fails beyond 10 standard deviations.
   */
  @Test
  void selectFairness() throws Throwable {
    int trials = 10_000;
    Channel<Integer> c1 = Channel.buffered(trials + 1);
    Channel<Integer> c2 = Channel.buffered(trials + 1);
    for (int i = 0; i < trials + 1; i++) {
      c1.send(1);
      c2.send(2);
    }
    Channel<Integer> c3 = Channel.unbuffered();
    Channel<Integer> c4 = Channel.unbuffered();
    Channel<Integer> out = Channel.unbuffered();
    Channel<Integer> done = Channel.unbuffered();
    var chooser =
        Threads.run(() -> {
          while (true) {
            int b =
                Select.<Integer>select()
                    .onReceive(c3, v -> v)
                    .onReceive(c4, v -> v)
                    .onReceive(c1, v -> v)
                    .onReceive(c2, v -> v)
                    .await();
            boolean stop =
                Select.<Boolean>select()
                    .onSend(out, b, () -> false)
                    .onReceive(done, v -> true)
                    .await();
            if (stop) {
              return;
            }
          }
        });
    int cnt1 = 0;
    int cnt2 = 0;
    for (int i = 0; i < trials; i++) {
      int b = out.receive();
      assertThat(b).isAnyOf(1, 2);
      if (b == 1) {
        cnt1++;
      } else {
        cnt2++;
      }
    }
    done.close();
    chooser.get();
    double mean = trials / 2.0;
    double stddev = Math.sqrt(trials / 4.0);
    assertWithMessage("%s from c1, %s from c2", cnt1, cnt2)
        .that(Math.abs(cnt1 - mean) / stddev)
        .isAtMost(10.0);
    assertThat(Math.abs(cnt2 - mean) / stddev).isAtMost(10.0);
  }

  /**
   * Go's {@code TestSelectDuplicateChannel}: a select queued twice on {@code c} and once on {@code
   * d} wakes through {@code d} and must leave {@code c}'s queue intact for a receiver queued behind
   * it.
   */
  @Test
  void selectDuplicateChannel() throws Throwable {
    Channel<Integer> c = Channel.unbuffered();
    Channel<Integer> d = Channel.unbuffered();
    Channel<Integer> e = Channel.unbuffered();
    var a =
        Threads.run(() -> {
          Select.<Void>select()
              .onReceive(c, v -> null)
              .onReceive(c, v -> null)
              .onReceive(d, v -> null)
              .await();
          e.send(9);
        });
    a.awaitBlocked(); // A queues first on c
    AtomicReference<Integer> gotByB = new AtomicReference<>();
    var b = Threads.run(() -> gotByB.set(c.receive()));
    b.awaitBlocked(); // B queues on c behind A
    d.send(7); // wakes A, which leaves c's queue
    assertThat(e.receive()).isEqualTo(9);
    c.send(8); // must reach B
    b.get();
    a.get();
    assertThat(gotByB.get()).isEqualTo(8);
  }

  /**
   * Go's {@code TestSelfSelect}: two goroutines each selecting a send and a receive on one channel,
   * in both clause orders; nothing deadlocks and, unbuffered, no select receives its own value.
   */
  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 10})
  void selfSelect(int capacity) throws Throwable {
    Channel<Integer> c = Channel.buffered(capacity);
    AtomicReference<String> error = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(2);
    for (int p = 0; p < 2; p++) {
      int me = p;
      Thread.ofVirtual()
          .start(() -> {
            try {
              for (int i = 0; i < 1000; i++) {
                Select<Integer> select = Select.select();
                if (me == 0 || i % 2 == 0) {
                  select.onSend(c, me, () -> -1).onReceive(c, v -> v);
                } else {
                  select.onReceive(c, v -> v).onSend(c, me, () -> -1);
                }
                int v = select.await();
                if (capacity == 0 && v == me) {
                  error.compareAndSet(null, "self receive by " + me);
                  return;
                }
              }
            } finally {
              done.countDown();
            }
          });
    }
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(error.get()).isNull();
  }

  /**
   * Go's {@code TestNonblockSelectRace}: once a value sits in {@code c2}, a non-blocking select
   * over {@code c1} and {@code c2} cannot take its default, whatever a racing receive on {@code c1}
   * does.
   */
  @Test
  void nonblockSelectRace() throws Throwable {
    for (int i = 0; i < 10_000; i++) {
      Channel<Integer> c1 = Channel.buffered(1);
      Channel<Integer> c2 = Channel.buffered(1);
      c1.send(1);
      var selecting =
          Threads.start(() ->
              Select.<Boolean>select()
                  .onReceive(c1, v -> true)
                  .onReceive(c2, v -> true)
                  .orElse(() -> false)
                  .await());
      c2.send(1);
      c1.tryReceive();
      assertWithMessage("iteration %s: no channel was ready", i).that(selecting.get()).isTrue();
    }
  }

  /** Go's {@code TestNonblockSelectRace2}: the same with {@code c2} closed instead of sent to. */
  @Test
  void nonblockSelectRace2() throws Throwable {
    for (int i = 0; i < 10_000; i++) {
      Channel<Integer> c1 = Channel.buffered(1);
      Channel<Integer> c2 = Channel.unbuffered();
      c1.send(1);
      var selecting =
          Threads.start(() ->
              Select.<Boolean>select()
                  .onReceive(c1, v -> true)
                  .onReceive(c2, v -> true)
                  .orElse(() -> false)
                  .await());
      c2.close();
      c1.tryReceive();
      assertWithMessage("iteration %s: no channel was ready", i).that(selecting.get()).isTrue();
    }
  }
}
