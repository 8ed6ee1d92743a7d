package dev.conduit.internal;

import org.jspecify.annotations.Nullable;

/**
 * A FIFO of waiting {@link Node}s, linked through the nodes themselves so that a select can unlink
 * its nodes from every channel in constant time. Guarded by the owning channel's lock.
 */
final class WaitQueue {
  private @Nullable Node head;
  private @Nullable Node tail;

  void add(Node node) {
    node.queued = true;
    node.prev = tail;
    node.next = null;
    if (tail == null) {
      head = node;
    } else {
      tail.next = node;
    }
    tail = node;
  }

  /**
   * Removes and returns the first node whose waiter this call manages to claim, after handing it
   * {@code result}. Nodes whose waiters were decided elsewhere (another clause of their select
   * fired, they timed out or were interrupted) are dropped on the way.
   */
  @Nullable Node pollClaimed(@Nullable Object result) {
    Node node;
    while ((node = head) != null) {
      unlink(node);
      node.result = result;
      if (node.tryClaim()) {
        return node;
      }
    }
    return null;
  }

  /** Like {@link #pollClaimed(Object)} for a receiver, handing it a value as item and bits. */
  @Nullable Node pollClaimed(Object item, long bits) {
    Node node;
    while ((node = head) != null) {
      unlink(node);
      node.result = item;
      node.bits = bits;
      if (node.tryClaim()) {
        return node;
      }
    }
    return null;
  }

  /**
   * Like {@link #pollClaimed(Object)} for a sender: takes the sender's value into {@link
   * #takenItem} and {@link #takenBits} before claiming it, since a decided sender may reuse its
   * node at once (see {@link Node#plain}).
   */
  @Nullable Node pollSender() {
    Node node;
    while ((node = head) != null) {
      unlink(node);
      Object item = node.item;
      long bits = node.bits;
      node.result = null;
      if (node.tryClaim()) {
        takenItem = item;
        takenBits = bits;
        return node;
      }
    }
    return null;
  }

  /** The value of the sender {@link #pollSender()} claimed last; guarded by the lock. */
  @Nullable Object takenItem;

  long takenBits;

  /** Whether no node is queued (nodes already decided elsewhere count until they are dropped). */
  boolean isEmpty() {
    return head == null;
  }

  void unlink(Node node) {
    if (!node.queued) {
      return;
    }
    Node p = node.prev;
    Node n = node.next;
    if (p == null) {
      head = n;
    } else {
      p.next = n;
    }
    if (n == null) {
      tail = p;
    } else {
      n.prev = p;
    }
    node.prev = null;
    node.next = null;
    node.queued = false;
  }
}
