package dev.conduit.internal;

import dev.conduit.ChannelClosedException;
import dev.conduit.RawChannel;
import dev.conduit.UncheckedInterruptedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.PrimitiveIterator;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * {@link RawChannel}: the algorithm of {@link ChannelImpl} (a ring buffer plus FIFO queues of
 * blocked senders and receivers under one briefly held lock, threads unparked after unlocking) on a
 * {@code long[]} buffer, without select support, so that a value never becomes an object.
 *
 * <p>A blocked operation is a {@link RawNode}; whoever completes it writes the value into the node
 * (for a receiver) or reads it from there (for a sender) and then decides the node's state with a
 * CAS, which publishes the value. A node whose thread gave up (interrupted) is decided by that
 * thread itself, so a counterpart's CAS fails and it drops the node.
 */
public final class RawChannelImpl implements RawChannel {
  private static final int DONE = 0;
  private static final int CLOSED = 1;

  private final ReentrantLock lock = new ReentrantLock();
  private final int capacity;
  private final long[] buffer;
  private int head;
  private int count;
  private volatile boolean closed;
  private final ArrayDeque<RawNode> senders = new ArrayDeque<>();
  private final ArrayDeque<RawNode> receivers = new ArrayDeque<>();

  /** Out-values of {@link #takeLocked()}, guarded by the lock. */
  private long taken;

  private @Nullable RawNode takenFrom;

  public RawChannelImpl(int capacity) {
    this.capacity = capacity;
    this.buffer = new long[capacity];
  }

  @Override
  public void send(long bits) {
    @Nullable RawNode node = null;
    @Nullable RawNode receiver;
    lock.lock();
    try {
      if (closed) {
        throw ChannelImpl.sendOnClosed();
      }
      receiver = claimReceiver(bits);
      if (receiver == null) {
        if (count < capacity) {
          put(bits);
          return;
        }
        ChannelImpl.failIfInterrupted();
        node = new RawNode(bits);
        senders.addLast(node);
      }
    } finally {
      lock.unlock();
    }
    if (node == null) {
      LockSupport.unpark(receiver.thread);
      return;
    }
    if (await(node, senders) == CLOSED) {
      throw ChannelImpl.sendOnClosed();
    }
  }

  @Override
  public boolean trySend(long bits) {
    RawNode receiver;
    lock.lock();
    try {
      if (closed) {
        throw ChannelImpl.sendOnClosed();
      }
      receiver = claimReceiver(bits);
      if (receiver == null) {
        if (count == capacity) {
          return false;
        }
        put(bits);
        return true;
      }
    } finally {
      lock.unlock();
    }
    LockSupport.unpark(receiver.thread);
    return true;
  }

  @Override
  public long receive() {
    long bits = 0;
    @Nullable RawNode wake = null;
    @Nullable RawNode node = null;
    lock.lock();
    try {
      if (takeLocked()) {
        bits = taken;
        wake = takenFrom;
        takenFrom = null;
      } else if (closed) {
        throw new ChannelClosedException("receive from closed channel");
      } else {
        ChannelImpl.failIfInterrupted();
        node = new RawNode(0);
        receivers.addLast(node);
      }
    } finally {
      lock.unlock();
    }
    if (node == null) {
      if (wake != null) {
        LockSupport.unpark(wake.thread);
      }
      return bits;
    }
    if (await(node, receivers) == CLOSED) {
      throw new ChannelClosedException("receive from closed channel");
    }
    return node.bits;
  }

  @Override
  public OptionalLong receiveOptional() {
    // Built on receive() rather than on a second copy of its algorithm; "closed" costs one
    // exception, once per channel, as the end of an iteration does.
    try {
      return OptionalLong.of(receive());
    } catch (ChannelClosedException drained) {
      return OptionalLong.empty();
    }
  }

  @Override
  public OptionalLong tryReceive() {
    long bits;
    @Nullable RawNode wake;
    lock.lock();
    try {
      if (!takeLocked()) {
        return OptionalLong.empty();
      }
      bits = taken;
      wake = takenFrom;
      takenFrom = null;
    } finally {
      lock.unlock();
    }
    if (wake != null) {
      LockSupport.unpark(wake.thread);
    }
    return OptionalLong.of(bits);
  }

  /**
   * With the lock held, takes the next value (the buffer's head, refilled from a waiting sender, or
   * a waiting sender's value) into {@link #taken}, and leaves the sender to unpark in {@link
   * #takenFrom}; the caller reads both before unlocking. Fields rather than a returned holder keep
   * a receive free of allocation.
   *
   * @return false if no value is available now
   */
  private boolean takeLocked() {
    if (count > 0) {
      taken = buffer[head];
      head = head + 1 == capacity ? 0 : head + 1;
      count--;
      takenFrom = claim(senders);
      if (takenFrom != null) {
        put(takenFrom.bits);
      }
      return true;
    }
    takenFrom = claim(senders);
    if (takenFrom != null) {
      taken = takenFrom.bits;
      return true;
    }
    return false;
  }

  @Override
  public void close() {
    List<RawNode> woken = new ArrayList<>();
    lock.lock();
    try {
      if (closed) {
        throw new ChannelClosedException("close of closed channel");
      }
      closed = true;
      for (ArrayDeque<RawNode> queue : List.of(receivers, senders)) {
        RawNode node;
        while ((node = queue.pollFirst()) != null) {
          if (node.tryDecide(CLOSED)) {
            woken.add(node);
          }
        }
      }
    } finally {
      lock.unlock();
    }
    for (RawNode node : woken) {
      LockSupport.unpark(node.thread);
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
        + (closed ? " (closed)" : "");
  }

  private void put(long bits) {
    int tail = head + count;
    buffer[tail >= capacity ? tail - capacity : tail] = bits;
    count++;
  }

  /** The first waiting receiver this call claims, after giving it {@code bits}; lock held. */
  private @Nullable RawNode claimReceiver(long bits) {
    RawNode node;
    while ((node = receivers.pollFirst()) != null) {
      node.bits = bits;
      if (node.tryDecide(DONE)) {
        return node;
      }
    }
    return null;
  }

  /** The first waiting sender this call claims; its {@code bits} are its value. Lock held. */
  private static @Nullable RawNode claim(ArrayDeque<RawNode> queue) {
    RawNode node;
    while ((node = queue.pollFirst()) != null) {
      if (node.tryDecide(DONE)) {
        return node;
      }
    }
    return null;
  }

  /** Parks until the node is decided; on interruption removes it and throws. */
  private int await(RawNode node, ArrayDeque<RawNode> queue) {
    int state = node.await(Long.MAX_VALUE);
    if (state == Waiter.INTERRUPTED) {
      lock.lock();
      try {
        queue.remove(node);
      } finally {
        lock.unlock();
      }
      throw new UncheckedInterruptedException();
    }
    return state;
  }

  /** A blocked send or receive; {@code bits} is the value offered or received. */
  private static final class RawNode extends Waiter {
    long bits;

    RawNode(long bits) {
      super(Thread.currentThread());
      this.bits = bits;
    }
  }
}
