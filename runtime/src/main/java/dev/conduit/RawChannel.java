package dev.conduit;

import dev.conduit.internal.RawChannelImpl;
import java.util.OptionalLong;
import java.util.PrimitiveIterator;

/**
 * A channel of 64-bit values that never boxes them: the engine under the primitive channels ({@code
 * IntChannel}, {@code LongChannel}, {@code DoubleChannel}) that Conduit's annotation processor
 * generates for {@code @GenerateChannel(primitives = ...)}. Use those; this type exists so that
 * generated code has a public entry point, and carries an {@code int} or a {@code double} as its
 * bits.
 *
 * <p>It has {@link Channel}'s semantics (unbuffered rendezvous or a buffer of {@link #cap()}
 * values, FIFO, closing, blocking and interruption; see there), with two differences: it cannot
 * take part in a {@link Select}, and {@link #tryReceive()} returns an {@link OptionalLong} rather
 * than null. Sending to a buffer with room and receiving a buffered value allocate nothing; an
 * operation that has to block allocates its wait record, as {@code Channel} does.
 */
public interface RawChannel {

  /** A raw channel of the given capacity, 0 for unbuffered. */
  static RawChannel create(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacity);
    }
    return new RawChannelImpl(capacity);
  }

  /** Like {@link Channel#send(Object)}. */
  void send(long bits);

  /** Like {@link Channel#trySend(Object)}. */
  boolean trySend(long bits);

  /** Like {@link Channel#receive()}. */
  long receive();

  /**
   * Like {@link Channel#receiveOptional()}: blocks like {@link #receive()}, and returns empty once
   * the channel is closed and drained instead of throwing. Go's {@code v, ok := <-ch}.
   */
  OptionalLong receiveOptional();

  /** Like {@link Channel#tryReceive()}: empty if no value is available now or ever again. */
  OptionalLong tryReceive();

  /** Like {@link Channel#close()}. */
  void close();

  /** Like {@link Channel#isClosed()}. */
  boolean isClosed();

  /** Like {@link Channel#len()}. */
  int len();

  /** Like {@link Channel#cap()}. */
  int cap();

  /**
   * Like {@link Channel#iterator()}: receives until the channel is closed and drained. {@code
   * nextLong()} does not box.
   */
  PrimitiveIterator.OfLong iterator();
}
