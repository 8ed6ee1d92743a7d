package dev.conduit.internal;

import dev.conduit.Channel;
import dev.conduit.Context;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@link Channel}: the {@link ChannelEngine} with an {@code Object[]} buffer, plus the select and
 * context support that only object channels have.
 */
public final class ChannelImpl<T> extends ChannelEngine implements Channel<T>, ChannelRef<T> {
  /**
   * What {@link #receiveOrClosed()} returns once the channel is closed and drained: the primitive
   * under every receive that reports closing rather than throwing.
   */
  public static final Object CLOSED = Node.CLOSED;

  private final @Nullable Object[] buffer;

  public ChannelImpl(int capacity) {
    super(capacity);
    this.buffer = new Object[capacity];
  }

  @Override
  void store(int index, @Nullable Object item, long bits) {
    buffer[index] = item;
  }

  @Override
  Object load(int index) {
    Object value = Objects.requireNonNull(buffer[index]);
    buffer[index] = null;
    return value;
  }

  @Override
  public ChannelImpl<T> core() {
    return this;
  }

  @Override
  public void send(T value) {
    Objects.requireNonNull(value, "a channel cannot carry null");
    sendBlocking(value, 0);
  }

  @Override
  public boolean trySend(T value) {
    Objects.requireNonNull(value, "a channel cannot carry null");
    return trySendNow(value, 0);
  }

  @Override
  public T receive() {
    Object result = receiveOrClosed();
    if (result == CLOSED) {
      throw receiveOnClosed();
    }
    @SuppressWarnings("unchecked") // only T values are ever sent on a ChannelImpl<T>
    T value = (T) result;
    return value;
  }

  @Override
  public Optional<T> receiveOptional() {
    return present(receiveOrClosed());
  }

  /** The outcome of a receive as an Optional: empty for {@link #CLOSED}. */
  @SuppressWarnings("unchecked") // only T values are ever sent on a ChannelImpl<T>
  static <T> Optional<T> present(Object result) {
    return result == CLOSED ? Optional.empty() : Optional.of((T) result);
  }

  /**
   * Blocks for the next value; returns {@link #CLOSED} once the channel is closed and drained,
   * where {@link #receive()} throws.
   */
  public Object receiveOrClosed() {
    Object outcome;
    Node node = null;
    Thread wakeUp = null;
    lock.lock();
    try {
      outcome = receiveLocked();
      if (outcome == NOT_READY) {
        node = enqueueWaiting(false, null, 0);
      } else {
        wakeUp = takeWake();
      }
    } finally {
      lock.unlock();
    }
    if (node == null) {
      Waiter.wake(wakeUp);
      return outcome;
    }
    awaitPlain(node);
    return Objects.requireNonNull(node.takeResult());
  }

  /**
   * Like {@link #receiveOrClosed()}, giving up when {@code ctx} is done (throws its {@code
   * ContextDoneException}, as {@code receive(ctx)} does).
   */
  public Object receiveOrClosed(Context ctx) {
    return ContextChannelOps.receiveOrClosed(this, ctx);
  }

  @Override
  public @Nullable T tryReceive() {
    Object outcome;
    Thread wakeUp;
    lock.lock();
    try {
      outcome = receiveLocked();
      if (outcome == NOT_READY) {
        return null;
      }
      wakeUp = takeWake();
    } finally {
      lock.unlock();
    }
    Waiter.wake(wakeUp);
    if (outcome == CLOSED) {
      return null;
    }
    @SuppressWarnings("unchecked") // only T values are ever sent on a ChannelImpl<T>
    T value = (T) outcome;
    return value;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private @Nullable Object next;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (next != null) {
          return true;
        }
        if (done) {
          return false;
        }
        Object result = receiveOrClosed();
        if (result == CLOSED) {
          done = true;
          return false;
        }
        next = result;
        return true;
      }

      // T may itself stand for nulls (a Channel<Void> carries only null), which NullAway, reading T
      // as non-null, cannot express.
      @SuppressWarnings("NullAway")
      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException("channel closed");
        }
        @SuppressWarnings("unchecked") // only T values are ever sent on a ChannelImpl<T>
        T value = (T) next;
        next = null;
        return value;
      }
    };
  }

  @Override
  public Channel<T> receiveOnly() {
    return new ChannelView<>(this, false);
  }

  @Override
  public Channel<T> sendOnly() {
    return new ChannelView<>(this, true);
  }

  @Override
  public boolean canSend() {
    return true;
  }

  @Override
  public boolean canReceive() {
    return true;
  }

  @Override
  public String toString() {
    return (capacity == 0 ? "Channel.unbuffered()" : "Channel.buffered(" + capacity + ")")
        + (isClosed() ? " (closed)" : "");
  }

  // ---- Context-aware operations (see ContextChannelOps). ----

  @Override
  public void send(Context ctx, T value) {
    ContextChannelOps.send(this, ctx, value);
  }

  @Override
  public T receive(Context ctx) {
    Object result = ContextChannelOps.receiveOrClosed(this, ctx);
    if (result == CLOSED) {
      throw receiveOnClosed();
    }
    @SuppressWarnings("unchecked") // only T values are ever sent on a ChannelImpl<T>
    T value = (T) result;
    return value;
  }

  @Override
  public Optional<T> receiveOptional(Context ctx) {
    return present(ContextChannelOps.receiveOrClosed(this, ctx));
  }
}
