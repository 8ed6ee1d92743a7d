package dev.conduit.internal;

import dev.conduit.ChannelClosedException;
import dev.conduit.UncheckedInterruptedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The one channel engine under {@link ChannelImpl} ({@code Channel}) and {@link RawChannelImpl}
 * (the primitive channels): a ring buffer of {@code capacity} slots plus FIFO queues of blocked
 * senders and receivers, all guarded by one lock that is held only for a few field updates, never
 * while waiting. Claiming, waiting, closing and giving up on interruption are written here once;
 * the two kinds differ only in how a slot holds a value ({@link #store}, {@link #load}).
 *
 * <p>A value travels as an {@code item} and its {@code bits}: {@code Channel} passes the element
 * as the item; a raw channel passes {@link #BITS} as the item and the value as bits, so a
 * primitive value never becomes an object.
 *
 * <p>Invariants while the lock is free: receivers wait only when the buffer is empty; senders
 * wait only when the buffer is full (always, for capacity 0). Either queue may also hold nodes
 * of selects that already fired elsewhere; whoever meets such a node drops it.
 *
 * <p>The hand-off happens under the lock: a counterpart writes the value into the waiting node
 * (or takes it from there) and decides the node's waiter with a CAS. The woken side finds its
 * value in its node and never takes the lock again. Waking happens after unlocking ({@link
 * #complete(Object)}), and only for a waiter that parked (see {@link Waiter}).
 */
abstract class ChannelEngine {
  /** Outcome of a {@code ...Locked} operation that would have to wait. */
  static final Object NOT_READY = new Object();

  /** Outcome of a send that went into the buffer, with nobody to wake. */
  static final Object BUFFERED = new Object();

  /** The item of a raw channel's value: the value itself is in the accompanying bits. */
  static final Object BITS = new Object();

  private static final AtomicLong IDS = new AtomicLong();

  final ReentrantLock lock = new ReentrantLock();

  /** Total order for locking several channels at once (select). */
  final long id = IDS.incrementAndGet();

  final int capacity;
  private int head;
  private int count;
  private volatile boolean closed;
  private final WaitQueue senders = new WaitQueue();
  private final WaitQueue receivers = new WaitQueue();

  /** The bits of the value {@link #load} last took out of a raw buffer; guarded by the lock. */
  long taken;

  ChannelEngine(int capacity) {
    this.capacity = capacity;
  }

  /** Puts a value into buffer slot {@code index}; lock held. */
  abstract void store(int index, @Nullable Object item, long bits);

  /**
   * Takes the value out of buffer slot {@code index}, clearing the slot; lock held.
   *
   * @return its item ({@link #BITS} for a raw channel, which leaves the bits in {@link #taken})
   */
  abstract Object load(int index);

  // ---- Operations with the lock held, shared with select. ----

  /**
   * Hands a value to a waiting receiver or to the buffer.
   *
   * @return the claimed receiver node, {@link #BUFFERED}, or {@link #NOT_READY} if the send must
   *     wait; pass anything but {@code NOT_READY} to {@link #complete(Object)} after unlocking
   * @throws ChannelClosedException if the channel is closed
   */
  final Object sendLocked(Object item, long bits) {
    if (closed) {
      throw sendOnClosed();
    }
    Node receiver = receivers.pollClaimed(item, bits);
    if (receiver != null) {
      return receiver;
    }
    if (count < capacity) {
      store(slot(count), item, bits);
      count++;
      return BUFFERED;
    }
    return NOT_READY;
  }

  /**
   * Takes the next value from the buffer or from a waiting sender.
   *
   * @return the value's item (for a raw channel {@link #BITS}, the bits in {@link #taken}),
   *     {@link Node#CLOSED}, {@link #NOT_READY}, or a claimed sender node whose {@code item} and
   *     {@code bits} now hold the value received (its own value, or, when the buffer was full,
   *     the buffer's head while the sender's value took the freed slot); pass anything but {@code
   *     NOT_READY} to {@link #complete(Object)} after unlocking
   */
  final Object receiveLocked() {
    if (count > 0) {
      Object value = load(head);
      head = head + 1 == capacity ? 0 : head + 1;
      count--;
      Node sender = senders.pollClaimed(null);
      if (sender == null) {
        return value;
      }
      store(slot(count), sender.item, sender.bits);
      count++;
      sender.item = value;
      sender.bits = taken;
      return sender;
    }
    Node sender = senders.pollClaimed(null);
    if (sender != null) {
      return sender;
    }
    return closed ? Node.CLOSED : NOT_READY;
  }

  private int slot(int offset) {
    int i = head + offset;
    return i >= capacity ? i - capacity : i;
  }

  /**
   * Finishes an operation that {@code sendLocked} or {@code receiveLocked} completed: wakes the
   * counterpart it claimed, if any. Call it after unlocking.
   *
   * @return for a receive, the value's item or {@link Node#CLOSED}
   */
  static Object complete(Object outcome) {
    if (outcome instanceof Node counterpart) {
      Object value = counterpart.item;
      if (counterpart.sender) {
        counterpart.item = null;
      }
      counterpart.waiter.wake();
      return value == null ? BUFFERED : value;
    }
    return outcome;
  }

  // ---- The blocking protocol. ----

  /** A blocking send of {@code item} / {@code bits}. */
  final void sendBlocking(Object item, long bits) {
    Object outcome;
    Node node = null;
    lock.lock();
    try {
      outcome = sendLocked(item, bits);
      if (outcome == NOT_READY) {
        node = enqueueWaiting(true, item, bits);
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

  /** A non-blocking send; false if it would have to wait. */
  final boolean trySendNow(Object item, long bits) {
    Object outcome;
    lock.lock();
    try {
      outcome = sendLocked(item, bits);
    } finally {
      lock.unlock();
    }
    if (outcome == NOT_READY) {
      return false;
    }
    complete(outcome);
    return true;
  }

  /**
   * Queues a node for the current thread's send or receive that has to wait; lock held. The node
   * may spin before parking only if it is first in its queue: a waiter behind others cannot be
   * matched within a spin.
   */
  final Node enqueueWaiting(boolean sender, @Nullable Object item, long bits) {
    failIfInterrupted();
    Node node = new Node(this, sender, item, bits);
    WaitQueue queue = sender ? senders : receivers;
    node.first = queue.isEmpty();
    queue.add(node);
    return node;
  }

  /**
   * Waits for a plain send or receive node; on interruption removes it and throws. A receive node
   * then holds the value's item in {@code result} ({@link #BITS} for a raw channel, the bits in
   * the node) or {@link Node#CLOSED}. Kept to one frame: every parked goroutine's stack holds it.
   */
  static void awaitPlain(Node node) {
    if (node.await(Long.MAX_VALUE, node.first) == Waiter.INTERRUPTED) {
      node.channel.dequeue(node);
      throw new UncheckedInterruptedException();
    }
  }

  void enqueue(Node node) {
    (node.sender ? senders : receivers).add(node);
  }

  /** Whether no node waits in the queue {@code node} is about to join; lock held. */
  boolean isFirst(Node node) {
    return (node.sender ? senders : receivers).isEmpty();
  }

  /** Removes a node that gave up or lost its select, unless a counterpart already did. */
  final void dequeue(Node node) {
    lock.lock();
    try {
      (node.sender ? senders : receivers).unlink(node);
    } finally {
      lock.unlock();
    }
  }

  // ---- Close and state. ----

  public final void close() {
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
      n.waiter.wake();
    }
  }

  public final boolean isClosed() {
    return closed;
  }

  public final int len() {
    lock.lock();
    try {
      return count;
    } finally {
      lock.unlock();
    }
  }

  public final int cap() {
    return capacity;
  }

  static ChannelClosedException sendOnClosed() {
    return new ChannelClosedException("send on closed channel");
  }

  static ChannelClosedException receiveOnClosed() {
    return new ChannelClosedException("receive from closed channel");
  }

  static void failIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new UncheckedInterruptedException();
    }
  }
}
