package dev.conduit.internal;

import dev.conduit.ChannelClosedException;
import dev.conduit.RawChannel;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.PrimitiveIterator;
import org.jspecify.annotations.Nullable;

/**
 * {@link RawChannel}: the {@link ChannelEngine} with a {@code long[]} buffer. Every value travels
 * as {@link ChannelEngine#BITS} plus its bits, so sending and receiving never box; the receive
 * paths read the bits while they still hold the lock (from the buffer) or from the claimed node.
 */
public final class RawChannelImpl extends ChannelEngine implements RawChannel {
  private final long[] buffer;

  public RawChannelImpl(int capacity) {
    super(capacity);
    this.buffer = new long[capacity];
  }

  @Override
  void store(int index, @Nullable Object item, long bits) {
    buffer[index] = bits;
  }

  @Override
  Object load(int index) {
    taken = buffer[index];
    return BITS;
  }

  @Override
  public void send(long bits) {
    sendBlocking(BITS, bits);
  }

  @Override
  public boolean trySend(long bits) {
    return trySendNow(BITS, bits);
  }

  @Override
  public long receive() {
    Object outcome;
    long bits = 0;
    Node node = null;
    Thread wakeUp = null;
    lock.lock();
    try {
      outcome = receiveLocked();
      if (outcome == NOT_READY) {
        node = enqueueWaiting(false, null, 0);
      } else {
        bits = bitsOf(outcome);
        wakeUp = takeWake();
      }
    } finally {
      lock.unlock();
    }
    if (node != null) {
      awaitPlain(node);
      if (node.takeResult() == Node.CLOSED) {
        throw receiveOnClosed();
      }
      return node.bits;
    }
    Waiter.wake(wakeUp);
    if (outcome == Node.CLOSED) {
      throw receiveOnClosed();
    }
    return bits;
  }

  /**
   * {@link #receive()}'s steps with closing reported as an empty result rather than thrown: a loop
   * of {@code receiveOptional()} on a closed channel costs no exception per call. (The two differ
   * only in their last lines; a shared helper would need a second return value, that is an
   * allocation on every receive.)
   */
  @Override
  public OptionalLong receiveOptional() {
    Object outcome;
    long bits = 0;
    Node node = null;
    Thread wakeUp = null;
    lock.lock();
    try {
      outcome = receiveLocked();
      if (outcome == NOT_READY) {
        node = enqueueWaiting(false, null, 0);
      } else {
        bits = bitsOf(outcome);
        wakeUp = takeWake();
      }
    } finally {
      lock.unlock();
    }
    if (node != null) {
      awaitPlain(node);
      return node.takeResult() == Node.CLOSED ? OptionalLong.empty() : OptionalLong.of(node.bits);
    }
    Waiter.wake(wakeUp);
    return outcome == Node.CLOSED ? OptionalLong.empty() : OptionalLong.of(bits);
  }

  @Override
  public OptionalLong tryReceive() {
    Object outcome;
    long bits;
    Thread wakeUp;
    lock.lock();
    try {
      outcome = receiveLocked();
      if (outcome == NOT_READY) {
        return OptionalLong.empty();
      }
      bits = bitsOf(outcome);
      wakeUp = takeWake();
    } finally {
      lock.unlock();
    }
    Waiter.wake(wakeUp);
    return outcome == Node.CLOSED ? OptionalLong.empty() : OptionalLong.of(bits);
  }

  /** The bits of what {@link #receiveLocked()} returned; lock held. */
  private long bitsOf(Object outcome) {
    return outcome == BITS ? taken : 0;
  }

  /** Ends on the one {@code ChannelClosedException} of a drained channel, once per loop. */
  @Override
  public PrimitiveIterator.OfLong iterator() {
    return new PrimitiveIterator.OfLong() {
      private long next;
      private boolean ready;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (!ready && !done) {
          try {
            next = receive();
            ready = true;
          } catch (ChannelClosedException drained) {
            done = true; // once per loop: the end of the range
          }
        }
        return ready;
      }

      @Override
      public long nextLong() {
        if (!hasNext()) {
          throw new NoSuchElementException("channel closed");
        }
        ready = false;
        return next;
      }
    };
  }

  @Override
  public String toString() {
    return (capacity == 0 ? "RawChannel.create(0)" : "RawChannel.create(" + capacity + ")")
        + (isClosed() ? " (closed)" : "");
  }
}
