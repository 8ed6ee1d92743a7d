package dev.conduit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every channel behaviour, over every kind: unbuffered, buffered 1, buffered 16. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChannelTest {

  /** Fills the buffer so that the next send must block (no-op for an unbuffered channel). */
  private static void fill(Channel<Integer> ch) {
    for (int i = 0; i < ch.cap(); i++) {
      assertThat(ch.trySend(-1 - i)).isTrue();
    }
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void valuesArriveInSendOrder(int capacity) throws Throwable {
    Channel<Integer> ch = Channel.buffered(capacity);
    var producer =
        Threads.run(() -> {
          for (int i = 0; i < 1000; i++) {
            ch.send(i);
          }
        });
    for (int i = 0; i < 1000; i++) {
      assertThat(ch.receive()).isEqualTo(i);
    }
    producer.get();
  }

  @Test
  void unbufferedSendWaitsForTheReceiver() throws Throwable {
    Channel<String> ch = Channel.unbuffered();
    ConcurrentLinkedQueue<String> steps = new ConcurrentLinkedQueue<>();
    var sender =
        Threads.run(() -> {
          steps.add("send started");
          ch.send("hello");
          steps.add("send returned");
        });
    sender.awaitBlocked();
    sender.assertStillBlocked();
    assertThat(steps).containsExactly("send started");
    steps.add("receiving");
    assertThat(ch.receive()).isEqualTo("hello");
    sender.get();
    assertThat(steps).containsExactly("send started", "receiving", "send returned").inOrder();
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {1, 16})
  void bufferedSendBlocksOnlyWhenFull(int capacity) throws Throwable {
    Channel<Integer> ch = Channel.buffered(capacity);
    for (int i = 0; i < capacity; i++) {
      ch.send(i); // must not block
    }
    assertThat(ch.len()).isEqualTo(capacity);
    var blocked = Threads.run(() -> ch.send(capacity)).awaitBlocked();
    blocked.assertStillBlocked();
    assertThat(ch.receive()).isEqualTo(0);
    blocked.get();
    for (int i = 1; i <= capacity; i++) {
      assertThat(ch.receive()).isEqualTo(i);
    }
    assertThat(ch.len()).isEqualTo(0);
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void receiveBlocksUntilASend(int capacity) throws Throwable {
    Channel<String> ch = Channel.buffered(capacity);
    var receiver = Threads.start(ch::receive).awaitBlocked();
    receiver.assertStillBlocked();
    ch.send("x");
    assertThat(receiver.get()).isEqualTo("x");
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void closeDeliversBufferedValuesThenReportsClosed(int capacity) {
    Channel<Integer> ch = Channel.buffered(capacity);
    for (int i = 0; i < capacity; i++) {
      ch.send(i);
    }
    ch.close();
    assertThat(ch.isClosed()).isTrue();
    for (int i = 0; i < capacity; i++) {
      assertThat(ch.receive()).isEqualTo(i);
    }
    ChannelClosedException e = assertThrows(ChannelClosedException.class, ch::receive);
    assertThat(e).hasMessageThat().contains("closed");
    assertThat(ch.tryReceive()).isNull();
    // And it stays closed: every later receive reports it at once.
    assertThrows(ChannelClosedException.class, ch::receive);
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void sendAfterCloseAndDoubleCloseFail(int capacity) {
    Channel<Integer> ch = Channel.buffered(capacity);
    ch.close();
    assertThat(assertThrows(ChannelClosedException.class, () -> ch.send(1)))
        .hasMessageThat()
        .isEqualTo("send on closed channel");
    assertThrows(ChannelClosedException.class, () -> ch.trySend(1));
    assertThat(assertThrows(ChannelClosedException.class, ch::close))
        .hasMessageThat()
        .isEqualTo("close of closed channel");
    assertThat(ch.len()).isEqualTo(0);
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void closeFailsBlockedSendersAndDropsTheirValues(int capacity) throws Exception {
    Channel<Integer> ch = Channel.buffered(capacity);
    fill(ch);
    var first = Threads.run(() -> ch.send(100)).awaitBlocked();
    var second = Threads.run(() -> ch.send(200)).awaitBlocked();
    ch.close();
    assertThat(first.failure()).isInstanceOf(ChannelClosedException.class);
    assertThat(second.failure()).isInstanceOf(ChannelClosedException.class);
    List<Integer> drained = new ArrayList<>();
    ch.forEach(drained::add);
    assertThat(drained).doesNotContain(100);
    assertThat(drained).doesNotContain(200);
    assertThat(drained).hasSize(capacity);
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void closeWakesEveryBlockedReceiver(int capacity) throws Exception {
    Channel<Integer> ch = Channel.buffered(capacity);
    List<Threads.Started<Integer>> receivers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      receivers.add(Threads.start(ch::receive).awaitBlocked());
    }
    var iterating =
        Threads.start(
                () -> {
                  int n = 0;
                  for (int unused : ch) {
                    n++;
                  }
                  return n;
                })
            .awaitBlocked();
    ch.close();
    for (var r : receivers) {
      assertThat(r.failure()).isInstanceOf(ChannelClosedException.class);
    }
    assertThat(iterating.result().get(10, TimeUnit.SECONDS)).isEqualTo(0);
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void nullIsRejected(int capacity) {
    Channel<String> ch = Channel.buffered(capacity);
    assertThrows(NullPointerException.class, () -> ch.send(null));
    assertThrows(NullPointerException.class, () -> ch.trySend(null));
    assertThat(ch.len()).isEqualTo(0);
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void iterationReceivesUntilClosed(int capacity) throws Throwable {
    Channel<Integer> ch = Channel.buffered(capacity);
    var producer =
        Threads.run(() -> {
          for (int i = 0; i < 50; i++) {
            ch.send(i);
          }
          ch.close();
        });
    List<Integer> received = new ArrayList<>();
    for (int v : ch) {
      received.add(v);
    }
    producer.get();
    assertThat(received).hasSize(50);
    assertThat(received).isInOrder();
    Iterator<Integer> after = ch.iterator();
    assertThat(after.hasNext()).isFalse();
    assertThrows(NoSuchElementException.class, after::next);
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void trySendAndTryReceiveNeverBlock(int capacity) throws Throwable {
    Channel<Integer> ch = Channel.buffered(capacity);
    assertThat(ch.tryReceive()).isNull();
    for (int i = 0; i < capacity; i++) {
      assertThat(ch.trySend(i)).isTrue();
    }
    assertThat(ch.trySend(99)).isFalse(); // full, or nobody receiving when unbuffered
    for (int i = 0; i < capacity; i++) {
      assertThat(ch.tryReceive()).isEqualTo(i);
    }
    assertThat(ch.tryReceive()).isNull();

    // A waiting receiver makes trySend succeed; a waiting sender makes tryReceive succeed.
    var receiver = Threads.start(ch::receive).awaitBlocked();
    assertThat(ch.trySend(7)).isTrue();
    assertThat(receiver.get()).isEqualTo(7);
    fill(ch);
    var sender = Threads.run(() -> ch.send(8)).awaitBlocked();
    for (int i = 0; i < capacity; i++) {
      assertThat(ch.tryReceive()).isEqualTo(-1 - i);
    }
    assertThat(ch.tryReceive()).isEqualTo(8);
    sender.get();
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void lenAndCapAreGos(int capacity) {
    Channel<Integer> ch = Channel.buffered(capacity);
    assertThat(ch.cap()).isEqualTo(capacity);
    assertThat(ch.len()).isEqualTo(0);
    fill(ch);
    assertThat(ch.len()).isEqualTo(capacity);
    ch.tryReceive();
    assertThat(ch.len()).isEqualTo(Math.max(0, capacity - 1));
  }

  @Test
  void factoriesValidate() {
    assertThrows(IllegalArgumentException.class, () -> Channel.buffered(-1));
    assertThat(Channel.buffered(0).cap()).isEqualTo(0);
    assertThat(Channel.unbuffered().toString()).isEqualTo("Channel.unbuffered()");
    assertThat(Channel.buffered(3).toString()).isEqualTo("Channel.buffered(3)");
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void interruptWhileBlockedThrowsAndKeepsTheStatus(int capacity) throws Exception {
    Channel<Integer> ch = Channel.buffered(capacity);
    var receiver =
        Threads.start(
                () -> {
                  try {
                    ch.receive();
                    return "received";
                  } catch (UncheckedInterruptedException e) {
                    return "interrupted, status " + Thread.currentThread().isInterrupted();
                  }
                })
            .awaitBlocked();
    receiver.thread().interrupt();
    assertThat(receiver.result().get(10, TimeUnit.SECONDS)).isEqualTo("interrupted, status true");

    fill(ch);
    var sender =
        Threads.start(
                () -> {
                  try {
                    ch.send(42);
                    return "sent";
                  } catch (UncheckedInterruptedException e) {
                    return "interrupted, status " + Thread.currentThread().isInterrupted();
                  }
                })
            .awaitBlocked();
    sender.thread().interrupt();
    assertThat(sender.result().get(10, TimeUnit.SECONDS)).isEqualTo("interrupted, status true");
    // The interrupted send did not happen: only the fill values are there.
    assertThat(ch.len()).isEqualTo(capacity);
    ch.close();
    List<Integer> rest = new ArrayList<>();
    ch.forEach(rest::add);
    assertThat(rest).doesNotContain(42);
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void interruptedThreadFailsOnlyWhereItWouldBlock(int capacity) throws Throwable {
    Channel<Integer> ch = Channel.buffered(capacity);
    var result =
        Threads.start(() -> {
          Thread.currentThread().interrupt();
          List<String> seen = new ArrayList<>();
          for (int i = 0; i < capacity; i++) {
            ch.send(i); // room in the buffer: completes despite the interrupt
          }
          seen.add("buffered " + ch.len());
          try {
            ch.send(99);
            seen.add("sent");
          } catch (UncheckedInterruptedException e) {
            seen.add("send interrupted");
          }
          for (int i = 0; i < capacity; i++) {
            ch.receive(); // a value is there: completes
          }
          try {
            ch.receive();
            seen.add("received");
          } catch (UncheckedInterruptedException e) {
            seen.add("receive interrupted");
          }
          seen.add("status " + Thread.currentThread().isInterrupted());
          return seen;
        });
    assertThat(result.get())
        .containsExactly(
            "buffered " + capacity, "send interrupted", "receive interrupted", "status true")
        .inOrder();
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void directionalViewsRefuseTheOtherDirection(int capacity) throws Throwable {
    Channel<Integer> ch = Channel.buffered(capacity);
    Channel<Integer> in = ch.receiveOnly();
    Channel<Integer> out = ch.sendOnly();
    assertThrows(UnsupportedOperationException.class, () -> in.send(1));
    assertThrows(UnsupportedOperationException.class, () -> in.trySend(1));
    assertThrows(UnsupportedOperationException.class, in::close);
    assertThrows(UnsupportedOperationException.class, in::sendOnly);
    assertThrows(UnsupportedOperationException.class, out::receive);
    assertThrows(UnsupportedOperationException.class, out::tryReceive);
    assertThrows(UnsupportedOperationException.class, out::iterator);
    assertThrows(UnsupportedOperationException.class, out::receiveOnly);
    assertThat(ch.isClosed()).isFalse();

    var receiver = Threads.start(in::receive);
    out.send(5);
    assertThat(receiver.get()).isEqualTo(5);
    assertThat(in.cap()).isEqualTo(capacity);
    out.close();
    assertThat(in.isClosed()).isTrue();
    assertThat(in.iterator().hasNext()).isFalse();
  }
}
