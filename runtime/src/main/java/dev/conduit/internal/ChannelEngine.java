package dev.conduit.internal;

import dev.conduit.ChannelClosedException;
import dev.conduit.UncheckedInterruptedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * <p>A value travels as an {@code item} and its {@code bits}: {@code Channel} passes the element as
 * the item; a raw channel passes {@link #BITS} as the item and the value as bits, so a primitive
 * value never becomes an object.
 *
 * <p>Invariants while the lock is free: receivers wait only when the buffer is empty; senders wait
 * only when the buffer is full (always, for capacity 0). Either queue may also hold nodes of
 * selects that already fired elsewhere; whoever meets such a node drops it.
 *
 * <p>The hand-off happens under the lock: a counterpart writes the value into the waiting node (or
 * takes it from there) and then decides the node's waiter with a CAS. The woken side finds its
 * value in its node and never takes the lock again. After its CAS a counterpart reads only whether
 * the waiter parked ({@link Waiter#parkedThread()}), so a thread may reuse its node as soon as its
 * wait is decided ({@link Node#plain}). Waking happens after unlocking ({@link #takeWake()}), and
 * only for a waiter that parked (see {@link Waiter}).
 */
abstract class ChannelEngine {
  /** Outcome of a {@code ...Locked} operation that would have to wait. */
  static final Object NOT_READY = new Object();

  /** Outcome of a send that completed: into the buffer, or to a receiver it claimed. */
  static final Object SENT = new Object();

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

  /**
   * The bits of the value {@link #receiveLocked()} last took (out of a raw buffer or from a
   * sender); guarded by the lock.
   */
  long taken;

  /**
   * The thread that the last {@code ...Locked} operation claimed and that parked, to unpark after
   * unlocking; guarded by the lock. Every caller takes it with {@link #takeWake()} before
   * unlocking.
   */
  private @Nullable Thread wake;

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
   * @return {@link #SENT}, or {@link #NOT_READY} if the send must wait; after {@code SENT}, call
   *     {@link #takeWake()} before unlocking
   * @throws ChannelClosedException if the channel is closed
   */
  final Object sendLocked(Object item, long bits) {
    if (closed) {
      throw sendOnClosed();
    }
    Node receiver = receivers.pollClaimed(item, bits);
    if (receiver != null) {
      wake = receiver.waiter.parkedThread();
      return SENT;
    }
    if (count < capacity) {
      store(slot(count), item, bits);
      count++;
      return SENT;
    }
    return NOT_READY;
  }

  /**
   * Takes the next value from the buffer or from a waiting sender.
   *
   * <p>A sender waiting on a full buffer is claimed too: its value takes the freed slot.
   *
   * @return the value's item (for a raw channel {@link #BITS}, the bits in {@link #taken}), {@link
   *     Node#CLOSED} or {@link #NOT_READY}; after anything but {@code NOT_READY}, call {@link
   *     #takeWake()} before unlocking
   */
  final Object receiveLocked() {
    if (count > 0) {
      Object value = load(head);
      head = head + 1 == capacity ? 0 : head + 1;
      count--;
      Node sender = senders.pollSender();
      if (sender != null) {
        store(slot(count), senders.takenItem, senders.takenBits);
        senders.takenItem = null;
        count++;
        wake = sender.waiter.parkedThread();
      }
      return value;
    }
    Node sender = senders.pollSender();
    if (sender != null) {
      Object value = Objects.requireNonNull(senders.takenItem);
      senders.takenItem = null;
      taken = senders.takenBits;
      wake = sender.waiter.parkedThread();
      return value;
    }
    return closed ? Node.CLOSED : NOT_READY;
  }

  /** The thread to unpark after unlocking ({@link Waiter#wake}), if any; lock held. */
  final @Nullable Thread takeWake() {
    Thread t = wake;
    wake = null;
    return t;
  }

  private int slot(int offset) {
    int i = head + offset;
    return i >= capacity ? i - capacity : i;
  }

  // ---- The blocking protocol. ----

  /** A blocking send of {@code item} / {@code bits}. */
  final void sendBlocking(Object item, long bits) {
    Node node = null;
    Thread wakeUp = null;
    lock.lock();
    try {
      if (sendLocked(item, bits) == NOT_READY) {
        node = enqueueWaiting(true, item, bits);
      } else {
        wakeUp = takeWake();
      }
    } finally {
      lock.unlock();
    }
    if (node == null) {
      Waiter.wake(wakeUp);
      return;
    }
    awaitPlain(node);
    if (node.takeResult() == Node.CLOSED) {
      throw sendOnClosed();
    }
  }

  /** A non-blocking send; false if it would have to wait. */
  final boolean trySendNow(Object item, long bits) {
    Thread wakeUp;
    lock.lock();
    try {
      if (sendLocked(item, bits) == NOT_READY) {
        return false;
      }
      wakeUp = takeWake();
    } finally {
      lock.unlock();
    }
    Waiter.wake(wakeUp);
    return true;
  }

  /**
   * Queues a node for the current thread's send or receive that has to wait; lock held. The node
   * may spin before parking only if it is first in its queue: a waiter behind others cannot be
   * matched within a spin.
   */
  final Node enqueueWaiting(boolean sender, @Nullable Object item, long bits) {
    failIfInterrupted();
    Node node = Node.plain(this, sender, item, bits);
    WaitQueue queue = sender ? senders : receivers;
    node.first = queue.isEmpty();
    queue.add(node);
    return node;
  }

  /**
   * Waits for a plain send or receive node; on interruption removes it and throws. A receive node
   * then holds the value's item in {@code result} ({@link #BITS} for a raw channel, the bits in the
   * node) or {@link Node#CLOSED}; take it with {@link Node#takeResult()}. Kept to one frame: every
   * parked goroutine's stack holds it.
   */
  static void awaitPlain(Node node) {
    if (node.await(Long.MAX_VALUE, node.first) == Waiter.INTERRUPTED) {
      node.channel.dequeue(node);
      node.item = null;
      throw new UncheckedInterruptedException();
    }
    node.item = null;
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
    List<Thread> woken = new ArrayList<>();
    lock.lock();
    try {
      if (closed) {
        throw new ChannelClosedException("close of closed channel");
      }
      closed = true;
      Node n;
      while ((n = receivers.pollClaimed(Node.CLOSED)) != null
          || (n = senders.pollClaimed(Node.CLOSED)) != null) {
        Thread parked = n.waiter.parkedThread();
        if (parked != null) {
          woken.add(parked);
        }
      }
    } finally {
      lock.unlock();
    }
    for (Thread t : woken) {
      Waiter.wake(t);
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
