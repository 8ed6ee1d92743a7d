package dev.conduit.internal;

import org.jspecify.annotations.Nullable;

/**
 * One waiting operation in one channel's queue of senders or receivers. A plain blocking send or
 * receive is its own {@link Waiter}; the nodes of a select share the select's waiter and know their
 * clause's index.
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

  /**
   * Each thread's node for its plain sends and receives, reused from one wait to the next (see
   * {@link #plain}).
   */
  private static final ThreadLocal<Node> PLAIN = new ThreadLocal<>();

  final Waiter waiter;
  final int clause;

  /** The channel in whose queue the node waits; changes only while no channel holds the node. */
  ChannelEngine channel;

  boolean sender;

  /** The value a sender offers; a receiver takes it before it claims the sender. */
  @Nullable Object item;

  /** The value's bits on a raw channel (offered by a sender, received by a receiver). */
  long bits;

  /**
   * For a receiver, the value received or {@link #CLOSED}; for a sender, null or {@link #CLOSED}.
   */
  @Nullable Object result;

  @Nullable Node prev;
  @Nullable Node next;
  boolean queued;

  /** Whether the node was first in its queue when queued, so that its wait may spin. */
  boolean first;

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

  /**
   * The current thread's node for a plain send or receive on {@code channel}, ready to be queued. A
   * thread waits for one plain operation at a time, and its node is in no queue once that wait
   * returns: a counterpart unlinked it before deciding it, or the thread itself removed it when it
   * gave up. A counterpart that decided the previous wait may still read {@link #parkedThread()}
   * (its own thread, and at worst an unpark that the next wait's loop absorbs), and nothing else;
   * so the node can be reused at once, saving an allocation per wait, that is per rendezvous
   * hand-off.
   */
  static Node plain(ChannelEngine channel, boolean sender, @Nullable Object item, long bits) {
    Node node = PLAIN.get();
    if (node == null) {
      node = new Node(channel, sender, item, bits);
      PLAIN.set(node);
      return node;
    }
    node.reset(node.thread);
    node.channel = channel;
    node.sender = sender;
    node.item = item;
    node.bits = bits;
    node.result = null;
    return node;
  }

  /** The outcome of this node's wait, which it stops holding on to. */
  @Nullable Object takeResult() {
    Object r = result;
    result = null;
    return r;
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
