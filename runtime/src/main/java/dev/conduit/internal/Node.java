package dev.conduit.internal;

import org.jspecify.annotations.Nullable;

/**
 * One waiting operation in one channel's queue of senders or receivers. A plain blocking send or
 * receive is its own {@link Waiter}; the nodes of a select share the select's waiter and know
 * their clause's index.
 *
 * <p>A value travels as {@code item} and {@code bits}: a {@link ChannelImpl} uses {@code item}
 * only; a {@link RawChannelImpl} puts {@link ChannelEngine#BITS} in {@code item} and the value in
 * {@code bits}, so the engine moves both without knowing which kind of channel it runs.
 *
 * <p>{@code prev}, {@code next} and {@code queued} are guarded by the lock of {@link #channel}.
 * {@code result} and {@code bits} are written by the counterpart that decides the waiter, before
 * its CAS.
 */
final class Node extends Waiter {
  /** Outcome of an operation on a closed channel. */
  static final Object CLOSED =
      new Object() {
        @Override
        public String toString() {
          return "CLOSED";
        }
      };

  final Waiter waiter;
  final int clause;
  final ChannelEngine channel;
  final boolean sender;

  /**
   * The value a sender offers. Once a receiver has claimed the sender, the receiver reuses it to
   * carry the value it received (see {@link ChannelEngine#receiveLocked()}).
   */
  @Nullable Object item;

  /** The value's bits on a raw channel (offered by a sender, received by a receiver). */
  long bits;

  /** For a receiver, the value received or {@link #CLOSED}; for a sender, null or {@link #CLOSED}. */
  @Nullable Object result;

  @Nullable Node prev;
  @Nullable Node next;
  boolean queued;

  /** Whether the node was first in its queue when queued, so that its wait may spin. */
  boolean first;

  /**
   * A select clause's body, kept here so that a select needs no list of bodies (it fits the
   * node's alignment padding: a node stays 64 bytes).
   */
  @Nullable Object attachment;

  /** A node that is its own waiter: a plain blocking send or receive by the current thread. */
  Node(ChannelEngine channel, boolean sender, @Nullable Object item, long bits) {
    super(Thread.currentThread());
    this.waiter = this;
    this.clause = 0;
    this.channel = channel;
    this.sender = sender;
    this.item = item;
    this.bits = bits;
  }

  /** A node of a select's clause {@code clause}, sharing the select's waiter. */
  Node(Waiter waiter, int clause, ChannelEngine channel, boolean sender, @Nullable Object item) {
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
