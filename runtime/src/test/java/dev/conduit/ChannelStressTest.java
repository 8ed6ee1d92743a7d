package dev.conduit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.conduit.IntChannels.IntChannel;
import dev.conduit.IntChannels.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many threads at once: nothing lost, nothing duplicated, exactly one select clause fired, and
 * close racing every kind of blocked operation, over both kinds of channel the engine runs ({@link
 * Channel} and {@link RawChannel}; selects over {@code Channel} only). The default sizes run in a
 * few seconds; {@code mvn verify -Plong} adds {@link #longRun()} with a hundred times the traffic.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChannelStressTest {

  static Stream<Arguments> kindsAndCapacities() {
    return IntChannels.kindsAndCapacities(0, 1, 16);
  }

  @ParameterizedTest(name = "{0}, capacity {1}")
  @MethodSource("kindsAndCapacities")
  void manyProducersAndConsumersLoseAndDuplicateNothing(Kind kind, int capacity) throws Exception {
    transfer(kind, capacity, 8, 8, 5_000);
  }

  @Test
  @Tag("long")
  void longRun() throws Exception {
    for (int capacity : new int[] {0, 1, 16, 1024}) {
      for (Kind kind : Kind.values()) {
        transfer(kind, capacity, 16, 16, 100_000);
      }
      selectsTakeExactlyOneValue(capacity, 200_000);
    }
  }

  private static void transfer(
      Kind kind, int capacity, int producers, int consumers, int perProducer) throws Exception {
    IntChannel ch = IntChannels.create(kind, capacity);
    int total = producers * perProducer;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<List<Integer>>> received = new ArrayList<>();
      for (int c = 0; c < consumers; c++) {
        received.add(
            pool.submit(() -> {
              List<Integer> mine = new ArrayList<>();
              ch.forEach(mine::add);
              return mine;
            }));
      }
      List<Future<?>> sent = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        int base = p * perProducer;
        sent.add(
            pool.submit(() -> {
              for (int i = 0; i < perProducer; i++) {
                ch.send(base + i);
              }
            }));
      }
      for (Future<?> f : sent) {
        f.get();
      }
      ch.close();
      BitSet seen = new BitSet(total);
      int count = 0;
      for (Future<List<Integer>> f : received) {
        List<Integer> mine = f.get();
        // FIFO per producer: each consumer sees one producer's values in increasing order.
        int[] last = new int[producers];
        java.util.Arrays.fill(last, -1);
        for (int v : mine) {
          assertWithMessage("duplicate %s", v).that(seen.get(v)).isFalse();
          seen.set(v);
          int p = v / perProducer;
          assertWithMessage("out of order from producer %s", p).that(v).isGreaterThan(last[p]);
          last[p] = v;
          count++;
        }
      }
      assertThat(count).isEqualTo(total);
      assertThat(seen.cardinality()).isEqualTo(total);
    }
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void concurrentSelectsTakeExactlyOneValueEach(int capacity) throws Exception {
    selectsTakeExactlyOneValue(capacity, 20_000);
  }

  /**
   * Selectors receive from two channels with a send clause to a third; each select call must
   * account for exactly one value moved. Counting the values that arrive, leave and remain proves
   * no clause fired without its body and no body ran without its transfer.
   */
  private static void selectsTakeExactlyOneValue(int capacity, int values) throws Exception {
    Channel<Integer> a = Channel.buffered(capacity);
    Channel<Integer> b = Channel.buffered(capacity);
    Channel<Integer> out = Channel.buffered(capacity);
    AtomicInteger firedReceives = new AtomicInteger();
    AtomicInteger firedSends = new AtomicInteger();
    ConcurrentLinkedQueue<Integer> receivedBySelect = new ConcurrentLinkedQueue<>();
    int selectors = 4;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<?> feedA = pool.submit(() -> feed(a, 0, values / 2));
      Future<?> feedB = pool.submit(() -> feed(b, values / 2, values));
      AtomicInteger drained = new AtomicInteger();
      Future<?> drain =
          pool.submit(() -> {
            for (int unused : out) {
              drained.incrementAndGet();
            }
          });
      List<Future<?>> selecting = new ArrayList<>();
      for (int s = 0; s < selectors; s++) {
        selecting.add(
            pool.submit(() -> {
              boolean aOpen = true;
              boolean bOpen = true;
              while (aOpen || bOpen) {
                Select<Integer> select = Select.select();
                if (aOpen) {
                  select.onReceive(a, v -> v == null ? -1 : record(v, receivedBySelect));
                }
                if (bOpen) {
                  select.onReceive(b, v -> v == null ? -2 : record(v, receivedBySelect));
                }
                select.onSend(out, 0, () -> -3);
                int r = select.await();
                if (r == -1) {
                  aOpen = false;
                } else if (r == -2) {
                  bOpen = false;
                } else if (r == -3) {
                  firedSends.incrementAndGet();
                } else {
                  firedReceives.incrementAndGet();
                }
              }
            }));
      }
      feedA.get();
      feedB.get();
      for (Future<?> f : selecting) {
        f.get();
      }
      out.close();
      drain.get();
      assertThat(firedReceives.get()).isEqualTo(values);
      assertThat(receivedBySelect).hasSize(values);
      assertThat(new java.util.HashSet<>(receivedBySelect)).hasSize(values);
      assertThat(drained.get()).isEqualTo(firedSends.get());
    }
  }

  private static int record(int v, ConcurrentLinkedQueue<Integer> sink) {
    sink.add(v);
    return v;
  }

  private static void feed(Channel<Integer> ch, int from, int to) {
    for (int i = from; i < to; i++) {
      ch.send(i + 1); // values 1..n, so 0 and the negatives stay free as markers
    }
    ch.close();
  }

  /**
   * Close while senders, receivers and selects are blocked or arriving: every operation ends (none
   * hangs), each sent value is either received exactly once or its sender was told the channel
   * closed, and nothing is received after the buffer drains.
   */
  @ParameterizedTest(name = "{0}, capacity {1}")
  @MethodSource("kindsAndCapacities")
  void closeRacesBlockedSendersReceiversAndSelects(Kind kind, int capacity) throws Exception {
    for (int round = 0; round < 200; round++) {
      IntChannel ch = IntChannels.create(kind, capacity);
      Channel<Integer> selectable = ch.channel(); // null for a raw channel: it has no select
      Channel<Integer> other = Channel.unbuffered();
      ConcurrentLinkedQueue<Integer> delivered = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Integer> received = new ConcurrentLinkedQueue<>();
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<?>> ops = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          int value = round * 100 + i + 1;
          ops.add(
              pool.submit(() -> {
                try {
                  ch.send(value);
                  delivered.add(value);
                } catch (ChannelClosedException expected) {
                  // told it was closed: the value must not arrive
                }
              }));
          ops.add(
              pool.submit(() -> {
                try {
                  received.add(ch.receive());
                } catch (ChannelClosedException expected) {
                  // closed and drained
                }
              }));
          int selectValue = -(round * 100 + i + 1);
          if (selectable == null) {
            continue;
          }
          ops.add(
              pool.submit(() -> {
                try {
                  Integer got =
                      Select.<Integer>select()
                          .onReceive(selectable, v -> v == null ? 0 : v)
                          .onSend(selectable, selectValue, () -> Integer.MIN_VALUE)
                          .onReceive(other, v -> 0)
                          .await();
                  if (got == Integer.MIN_VALUE) {
                    delivered.add(selectValue);
                  } else if (got != 0) {
                    received.add(got);
                  }
                } catch (ChannelClosedException expected) {
                  // its send clause was chosen on the closed channel
                }
              }));
        }
        Thread.sleep(round % 3); // let some block first, and some not
        ch.close();
        for (Future<?> f : ops) {
          f.get(10, TimeUnit.SECONDS);
        }
      }
      List<Integer> rest = new ArrayList<>();
      ch.forEach(rest::add);
      received.addAll(rest);
      assertWithMessage("round %s", round).that(received).containsExactlyElementsIn(delivered);
    }
  }

  /** Receivers blocked on an interrupted-or-not mix: nobody hangs and no value is lost. */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void interruptsRacingTransfersLoseNothing(Kind kind) throws Exception {
    IntChannel ch = IntChannels.create(kind, 0);
    ConcurrentLinkedQueue<Integer> delivered = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Integer> received = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int value = i + 1;
      threads.add(
          Thread.ofVirtual()
              .start(() -> {
                try {
                  ch.send(value);
                  delivered.add(value);
                } catch (UncheckedInterruptedException e) {
                  // not delivered
                }
              }));
      threads.add(
          Thread.ofVirtual()
              .start(() -> {
                try {
                  received.add(ch.receive());
                } catch (UncheckedInterruptedException e) {
                  // nothing taken
                }
              }));
    }
    Thread.sleep(Duration.ofMillis(5));
    for (int i = 0; i < threads.size(); i += 3) {
      threads.get(i).interrupt();
    }
    // Unblock whoever is left unmatched, then account for every value.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (threads.stream().anyMatch(Thread::isAlive)) {
      Integer v = ch.tryReceive();
      if (v != null) {
        received.add(v);
      }
      for (Thread t : threads) {
        if (t.isAlive() && t.getState() == Thread.State.WAITING) {
          t.interrupt();
        }
      }
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(1);
    }
    assertThat(received).containsExactlyElementsIn(delivered);
  }
}
