package dev.conduit.internal;

import dev.conduit.Channel;
import dev.conduit.ChannelClosedException;
import dev.conduit.Context;
import dev.conduit.UncheckedInterruptedException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The one channel implementation: a ring buffer of {@code capacity} slots plus FIFO queues of
 * blocked senders and receivers, all guarded by one lock that is held only for a few field
 * updates, never while parked.
 *
 * <p>Invariants while the lock is free: receivers wait only when the buffer is empty; senders
 * wait only when the buffer is full (always, for capacity 0). Either queue may also hold nodes
 * of selects that already fired elsewhere; whoever meets such a node drops it.
 *
 * <p>Threads are unparked after the lock is released, so a woken thread never has to wait for
 * the lock its waker still holds. The {@code ...Locked} methods therefore return the node to
 * unpark, and {@link #complete(Object)} finishes the job after unlocking.
 */
public final class ChannelImpl<T> implements Channel<T>, ChannelRef<T> {
  /** Outcome of a {@code ...Locked} operation that would have to wait. */
  static final Object NOT_READY = new Object();

  /** Outcome of a send that went into the buffer, with nobody to wake. */
  static final Object BUFFERED = new Object();

  private static final AtomicLong IDS = new AtomicLong();

  final ReentrantLock lock = new ReentrantLock();

  /** Total order for locking several channels at once (select). */
  final long id = IDS.incrementAndGet();

  private final int capacity;
  private final @Nullable Object[] buffer;
  private int head;
  private int count;
  private volatile boolean closed;
  private final WaitQueue senders = new WaitQueue();
  private final WaitQueue receivers = new WaitQueue();

  public ChannelImpl(int capacity) {
    this.capacity = capacity;
    this.buffer = new Object[capacity];
  }

  @Override
  public ChannelImpl<T> core() {
    return this;
  }

  @Override
  public void send(T value) {
    Objects.requireNonNull(value, "a channel cannot carry null");
    Object outcome;
    Node node = null;
    lock.lock();
    try {
      outcome = sendLocked(value);
      if (outcome == NOT_READY) {
        failIfInterrupted();
        node = new Node(this, true, value);
        senders.add(node);
      }
    } finally {
      lock.unlock();
    }
    if (node == null) {
      complete(outcome);
      return;
    }
    awaitPlain(node);
    if (node.result == Node.CLOSED) {
      throw sendOnClosed();
    }
  }

  @Override
  public boolean trySend(T value) {
    Objects.requireNonNull(value, "a channel cannot carry null");
    Object outcome;
    lock.lock();
    try {
      outcome = sendLocked(value);
    } finally {
      lock.unlock();
    }
    if (outcome == NOT_READY) {
      return false;
    }
    complete(outcome);
    return true;
  }

  @Override
  public T receive() {
    Object result = receiveOrClosed();
    if (result == Node.CLOSED) {
      throw new ChannelClosedException("receive from closed channel");
    }
    @SuppressWarnings("unchecked")
    T value = (T) result;
    return value;
  }

  @Override
  public Optional<T> receiveOptional() {
    return present(receiveOrClosed());
  }

  /** The outcome of a receive as an Optional: empty for {@link Node#CLOSED}. */
  @SuppressWarnings("unchecked") // only T values are ever sent on a ChannelImpl<T>
  static <T> Optional<T> present(Object result) {
    return result == Node.CLOSED ? Optional.empty() : Optional.of((T) result);
  }

  /** Blocks for the next value; returns {@link Node#CLOSED} once closed and drained. */
  Object receiveOrClosed() {
    Object outcome;
    Node node = null;
    lock.lock();
    try {
      outcome = receiveLocked();
      if (outcome == NOT_READY) {
        failIfInterrupted();
        node = new Node(this, false, null);
        receivers.add(node);
      }
    } finally {
      lock.unlock();
    }
    if (node == null) {
      return complete(outcome);
    }
    awaitPlain(node);
    return Objects.requireNonNull(node.result);
  }

  @Override
  public @Nullable T tryReceive() {
    Object outcome;
    lock.lock();
    try {
      outcome = receiveLocked();
    } finally {
      lock.unlock();
    }
    if (outcome == NOT_READY) {
      return null;
    }
    Object result = complete(outcome);
    if (result == Node.CLOSED) {
      return null;
    }
    @SuppressWarnings("unchecked")
    T value = (T) result;
    return value;
  }

  @Override
  public void close() {
    List<Node> woken = new ArrayList<>();
    lock.lock();
    try {
      if (closed) {
        throw new ChannelClosedException("close of closed channel");
      }
      closed = true;
      Node n;
      while ((n = receivers.pollClaimed(Node.CLOSED)) != null) {
        woken.add(n);
      }
      while ((n = senders.pollClaimed(Node.CLOSED)) != null) {
        woken.add(n);
      }
    } finally {
      lock.unlock();
    }
    for (Node n : woken) {
      LockSupport.unpark(n.thread);
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public int len() {
    lock.lock();
    try {
      return count;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int cap() {
    return capacity;
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
        if (result == Node.CLOSED) {
          done = true;
          return false;
        }
        next = result;
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException("channel closed");
        }
        @SuppressWarnings("unchecked")
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
        + (closed ? " (closed)" : "");
  }

  // ---- Operations with the lock held, shared with select. ----

  /**
   * Hands {@code value} to a waiting receiver or to the buffer.
   *
   * @return the claimed receiver node, {@link #BUFFERED}, or {@link #NOT_READY} if the send must
   *     wait; pass anything but {@code NOT_READY} to {@link #complete(Object)} after unlocking
   * @throws ChannelClosedException if the channel is closed
   */
  Object sendLocked(Object value) {
    if (closed) {
      throw sendOnClosed();
    }
    Node receiver = receivers.pollClaimed(value);
    if (receiver != null) {
      return receiver;
    }
    if (count < capacity) {
      int tail = head + count;
      buffer[tail >= capacity ? tail - capacity : tail] = value;
      count++;
      return BUFFERED;
    }
    return NOT_READY;
  }

  /**
   * Takes the next value from the buffer or from a waiting sender.
   *
   * @return the value, {@link Node#CLOSED}, {@link #NOT_READY}, or a claimed sender node whose
   *     {@code item} now holds the value received (its own value, or, when the buffer was full,
   *     the buffer's head while the sender's value took the freed slot); pass anything but {@code
   *     NOT_READY} to {@link #complete(Object)} after unlocking
   */
  Object receiveLocked() {
    if (count > 0) {
      Object value = Objects.requireNonNull(buffer[head]);
      buffer[head] = null;
      head = head + 1 == capacity ? 0 : head + 1;
      count--;
      Node sender = senders.pollClaimed(null);
      if (sender == null) {
        return value;
      }
      int tail = head + count;
      buffer[tail >= capacity ? tail - capacity : tail] = sender.item;
      count++;
      sender.item = value;
      return sender;
    }
    Node sender = senders.pollClaimed(null);
    if (sender != null) {
      return sender;
    }
    return closed ? Node.CLOSED : NOT_READY;
  }

  /**
   * Finishes an operation that {@code sendLocked} or {@code receiveLocked} completed: unparks the
   * counterpart it claimed, if any. Call it after unlocking.
   *
   * @return for a receive, the value received or {@link Node#CLOSED}
   */
  static Object complete(Object outcome) {
    if (outcome instanceof Node counterpart) {
      Object value = counterpart.item;
      if (counterpart.sender) {
        counterpart.item = null;
      }
      LockSupport.unpark(counterpart.thread);
      return value == null ? BUFFERED : value;
    }
    return outcome;
  }

  void enqueue(Node node) {
    (node.sender ? senders : receivers).add(node);
  }

  /** Removes a node that gave up or lost its select, unless a counterpart already did. */
  void dequeue(Node node) {
    lock.lock();
    try {
      (node.sender ? senders : receivers).unlink(node);
    } finally {
      lock.unlock();
    }
  }

  static ChannelClosedException sendOnClosed() {
    return new ChannelClosedException("send on closed channel");
  }

  static void failIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new UncheckedInterruptedException();
    }
  }

  /** Waits for a plain send or receive node; on interruption removes it and throws. */
  private static void awaitPlain(Node node) {
    if (node.await(Long.MAX_VALUE) == Waiter.INTERRUPTED) {
      node.channel.dequeue(node);
      throw new UncheckedInterruptedException();
    }
  }

  // ---- Context-aware operations (see ContextChannelOps). ----

  @Override
  public void send(Context ctx, T value) {
    ContextChannelOps.send(this, ctx, value);
  }

  @Override
  public T receive(Context ctx) {
    return ContextChannelOps.receive(this, ctx);
  }

  @Override
  public Optional<T> receiveOptional(Context ctx) {
    return present(ContextChannelOps.receiveOrClosed(this, ctx));
  }
}
