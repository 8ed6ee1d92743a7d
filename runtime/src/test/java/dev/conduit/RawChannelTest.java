package dev.conduit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.PrimitiveIterator;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RawChannel}: Channel's semantics on raw 64-bit values. That it allocates nothing per value
 * is measured in the processor module, on the generated primitive channels.
 */
class RawChannelTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4})
  void valuesArriveInOrderAcrossThreads(int capacity) throws Exception {
    RawChannel channel = RawChannel.create(capacity);
    Thread sender =
        Thread.ofVirtual()
            .start(() -> {
              for (long i = 0; i < 1000; i++) {
                channel.send(i * 3);
              }
              channel.close();
            });
    List<Long> received = new ArrayList<>();
    for (PrimitiveIterator.OfLong it = channel.iterator(); it.hasNext(); ) {
      received.add(it.nextLong());
    }
    sender.join();
    assertThat(received).hasSize(1000);
    for (int i = 0; i < 1000; i++) {
      assertThat(received.get(i)).isEqualTo(i * 3L);
    }
  }

  @Test
  void bufferedTrySendTryReceiveLenAndCap() {
    RawChannel channel = RawChannel.create(2);
    assertThat(channel.trySend(-1)).isTrue();
    assertThat(channel.trySend(Long.MAX_VALUE)).isTrue();
    assertThat(channel.trySend(7)).isFalse();
    assertThat(channel.len()).isEqualTo(2);
    assertThat(channel.cap()).isEqualTo(2);
    assertThat(channel.tryReceive()).isEqualTo(OptionalLong.of(-1));
    assertThat(channel.receive()).isEqualTo(Long.MAX_VALUE);
    assertThat(channel.tryReceive()).isEqualTo(OptionalLong.empty());
  }

  @Test
  void unbufferedNeedsAReceiver() throws Exception {
    RawChannel channel = RawChannel.create(0);
    assertThat(channel.trySend(1)).isFalse();
    assertThat(channel.tryReceive()).isEqualTo(OptionalLong.empty());
    Thread receiver = Thread.ofVirtual().start(() -> assertThat(channel.receive()).isEqualTo(42));
    while (!channel.trySend(42)) {
      Thread.onSpinWait(); // until the receiver is parked on the channel
    }
    receiver.join();
  }

  @Test
  void closeDeliversBufferedValuesThenReportsClosed() {
    RawChannel channel = RawChannel.create(3);
    channel.send(1);
    channel.send(2);
    channel.close();
    assertThat(channel.isClosed()).isTrue();
    assertThrows(ChannelClosedException.class, () -> channel.send(3));
    assertThrows(ChannelClosedException.class, () -> channel.trySend(3));
    assertThrows(ChannelClosedException.class, channel::close);
    assertThat(channel.receive()).isEqualTo(1);
    assertThat(channel.tryReceive()).isEqualTo(OptionalLong.of(2));
    assertThrows(ChannelClosedException.class, channel::receive);
    assertThat(channel.tryReceive()).isEqualTo(OptionalLong.empty());
    assertThat(channel.iterator().hasNext()).isFalse();
  }

  @Test
  void closeWakesBlockedSendersAndReceivers() throws Exception {
    RawChannel full = RawChannel.create(0);
    RawChannel empty = RawChannel.create(1);
    List<String> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread sender =
        Thread.ofVirtual()
            .start(() -> {
              try {
                full.send(1);
              } catch (ChannelClosedException e) {
                outcomes.add("sender failed");
              }
            });
    Thread receiver =
        Thread.ofVirtual()
            .start(() -> {
              try {
                empty.receive();
              } catch (ChannelClosedException e) {
                outcomes.add("receiver saw closed");
              }
            });
    awaitParked(sender);
    awaitParked(receiver);
    full.close();
    empty.close();
    sender.join();
    receiver.join();
    assertThat(outcomes).containsExactly("sender failed", "receiver saw closed");
  }

  @Test
  void interruptedReceiveThrowsAndKeepsTheStatus() throws Exception {
    RawChannel channel = RawChannel.create(0);
    AtomicLong flag = new AtomicLong();
    Thread receiver =
        Thread.ofVirtual()
            .start(() -> {
              try {
                channel.receive();
              } catch (UncheckedInterruptedException e) {
                flag.set(Thread.currentThread().isInterrupted() ? 1 : 2);
              }
            });
    awaitParked(receiver);
    receiver.interrupt();
    receiver.join();
    assertThat(flag.get()).isEqualTo(1);
    // The interrupted receiver left no trace: a send still finds no receiver.
    assertThat(channel.trySend(5)).isFalse();
  }

  @Test
  void manyProducersAndConsumersLoseAndDuplicateNothing() throws Exception {
    RawChannel channel = RawChannel.create(8);
    int producers = 4;
    int perProducer = 5000;
    AtomicLong sum = new AtomicLong();
    AtomicLong count = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int base = p * perProducer;
      threads.add(
          Thread.ofVirtual()
              .start(() -> {
                for (int i = 1; i <= perProducer; i++) {
                  channel.send(base + i);
                }
              }));
    }
    List<Thread> consumers = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      consumers.add(
          Thread.ofVirtual()
              .start(() -> {
                for (PrimitiveIterator.OfLong it = channel.iterator(); it.hasNext(); ) {
                  sum.addAndGet(it.nextLong());
                  count.incrementAndGet();
                }
              }));
    }
    for (Thread t : threads) {
      t.join();
    }
    channel.close();
    for (Thread t : consumers) {
      t.join();
    }
    long n = (long) producers * perProducer;
    assertThat(count.get()).isEqualTo(n);
    assertThat(sum.get()).isEqualTo(n * (n + 1) / 2);
  }

  /**
   * A drained, closed channel answers {@code receiveOptional} without throwing and catching an
   * exception inside on every call. The flight recorder counts the exceptions constructed on this
   * thread; one deliberate {@code receive()} on the closed channel shows that it does count them.
   */
  @Test
  void receiveOptionalOnAClosedChannelThrowsNothingInside() throws Exception {
    RawChannel channel = RawChannel.create(1);
    channel.send(5);
    channel.close();
    Path dump = Files.createTempFile("raw-channel", ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.JavaExceptionThrow");
      recording.start();
      assertThat(channel.receiveOptional()).isEqualTo(OptionalLong.of(5));
      for (int i = 0; i < 100; i++) {
        assertThat(channel.receiveOptional()).isEqualTo(OptionalLong.empty());
      }
      assertThrows(ChannelClosedException.class, channel::receive);
      recording.stop();
      recording.dump(dump);
    }
    long thisThread = Thread.currentThread().threadId();
    long closedExceptions =
        RecordingFile.readAllEvents(dump).stream()
            .filter(e -> e.getThread() != null && e.getThread().getJavaThreadId() == thisThread)
            .filter(e ->
                ChannelClosedException.class.getName().equals(e.getClass("thrownClass").getName()))
            .count();
    Files.delete(dump);
    assertThat(closedExceptions).isEqualTo(1);
  }

  private static void awaitParked(Thread thread) throws InterruptedException {
    while (thread.getState() != Thread.State.WAITING) {
      Thread.sleep(1);
    }
  }
}
