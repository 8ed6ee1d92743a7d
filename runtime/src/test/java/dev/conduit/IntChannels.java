package dev.conduit;

import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The two kinds of channel the one engine runs, {@link Channel} and {@link RawChannel}, behind one
 * small {@code int} interface, so that stress tests run the same traffic over both.
 */
final class IntChannels {
  private IntChannels() {}

  enum Kind {
    CHANNEL,
    RAW
  }

  /** The operations the stress tests use, with {@link Channel}'s exceptions. */
  interface IntChannel {
    void send(int value);

    int receive();

    /** Null if nothing is available now. */
    @Nullable Integer tryReceive();

    void close();

    /** Receives until closed and drained. */
    void forEach(IntConsumer action);

    /** The {@link Channel} underneath, for selects; null for a raw channel. */
    @Nullable Channel<Integer> channel();
  }

  static IntChannel create(Kind kind, int capacity) {
    return kind == Kind.CHANNEL ? of(Channel.buffered(capacity)) : of(RawChannel.create(capacity));
  }

  /** Every kind with every capacity, as JUnit arguments {@code (kind, capacity)}. */
  static Stream<Arguments> kindsAndCapacities(int... capacities) {
    return Stream.of(Kind.values())
        .flatMap(k -> java.util.Arrays.stream(capacities).mapToObj(c -> Arguments.of(k, c)));
  }

  private static IntChannel of(Channel<Integer> ch) {
    return new IntChannel() {
      @Override
      public void send(int value) {
        ch.send(value);
      }

      @Override
      public int receive() {
        return ch.receive();
      }

      @Override
      public @Nullable Integer tryReceive() {
        return ch.tryReceive();
      }

      @Override
      public void close() {
        ch.close();
      }

      @Override
      public void forEach(IntConsumer action) {
        for (int v : ch) {
          action.accept(v);
        }
      }

      @Override
      public Channel<Integer> channel() {
        return ch;
      }
    };
  }

  private static IntChannel of(RawChannel ch) {
    return new IntChannel() {
      @Override
      public void send(int value) {
        ch.send(value);
      }

      @Override
      public int receive() {
        return (int) ch.receive();
      }

      @Override
      public @Nullable Integer tryReceive() {
        var v = ch.tryReceive();
        return v.isPresent() ? (int) v.getAsLong() : null;
      }

      @Override
      public void close() {
        ch.close();
      }

      @Override
      public void forEach(IntConsumer action) {
        var it = ch.iterator();
        while (it.hasNext()) {
          action.accept((int) it.nextLong());
        }
      }

      @Override
      public @Nullable Channel<Integer> channel() {
        return null;
      }
    };
  }
}
