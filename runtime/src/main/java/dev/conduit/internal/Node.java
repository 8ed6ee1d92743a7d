package dev.conduit.internal;

import org.jspecify.annotations.Nullable;

/**
 * One waiting operation in one channel's queue of senders or receivers. A plain blocking send or
 * receive is its own {@link Waiter}; the nodes of a select share the select's waiter and know
 * their clause's index.
 *
 * <p>{@code prev}, {@code next} and {@code queued} are guarded by the lock of {@link #channel}.
 * {@code result} is written by the counterpart that decides the waiter, before its CAS.
 */
final class Node extends Waiter {
  /** Outcome of an operation on a closed channel. */
  static final Object CLOSED = new Object() {
    @Override
    public String toString() {
      return "CLOSED";
    }
  };

  final Waiter waiter;
  final int clause;
  final ChannelImpl<?> channel;
  final boolean sender;

  /**
   * The value a sender offers. Once a receiver has claimed the sender, the receiver reuses it to
   * carry the value it received (see {@link ChannelImpl#receiveLocked()}).
   */
  @Nullable Object item;

  /** For a receiver, the value received or {@link #CLOSED}; for a sender, null or {@link #CLOSED}. */
  @Nullable Object result;

  @Nullable Node prev;
  @Nullable Node next;
  boolean queued;

  /** A node that is its own waiter: a plain blocking send or receive by the current thread. */
  Node(ChannelImpl<?> channel, boolean sender, @Nullable Object item) {
    super(Thread.currentThread());
    this.waiter = this;
    this.clause = 0;
    this.channel = channel;
    this.sender = sender;
    this.item = item;
  }

  /** A node of a select's clause {@code clause}, sharing the select's waiter. */
  Node(Waiter waiter, int clause, ChannelImpl<?> channel, boolean sender, @Nullable Object item) {
    super(waiter.thread);
    this.waiter = waiter;
    this.clause = clause;
    this.channel = channel;
    this.sender = sender;
    this.item = item;
  }

  /** Decides this node's waiter in favour of this node's clause. */
  boolean tryClaim() {
    return waiter.tryDecide(clause);
  }
}
