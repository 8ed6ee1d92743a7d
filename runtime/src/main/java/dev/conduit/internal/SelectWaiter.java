package dev.conduit.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A thread's waiter for the selects it runs, with one reusable queue {@link Node} per clause index:
 * a select that has to wait borrows it for the wait and returns it before its {@code run} returns.
 *
 * <p>A thread runs one select at a time, and every node of a select has left every queue before its
 * {@code run} returns (a counterpart unlinked the winner before deciding it; the select unlinked
 * the others under their channels' locks, which also waits out a counterpart that was still looking
 * at one). After its claim a counterpart reads only the waiter's {@link #parkedThread()}; if the
 * thread has moved on to its next select by then, that read costs at worst one spurious unpark of
 * the same thread, which the next wait's loop absorbs. So both the waiter and its nodes can be
 * reused at once, and a select allocates no node at all, also when it waits.
 */
final class SelectWaiter extends Waiter {
  private static final ThreadLocal<SelectWaiter> CURRENT = new ThreadLocal<>();

  private Node[] nodes = new Node[2];

  /** Whether a select of this thread holds this waiter (never two at once: see {@link #take}). */
  private boolean busy;

  /** The select that holds this waiter, for goroutine dumps; read racily by them. */
  volatile @Nullable SelectCore select;

  private SelectWaiter(Thread thread) {
    super(thread);
  }

  /**
   * The current thread's waiter, ready for a wait of {@code select}. A select never runs inside
   * another on one thread (a select's bodies run after it returned), so the cached waiter is always
   * free; a fresh one guards against that assumption ever breaking.
   */
  static SelectWaiter take(SelectCore select) {
    SelectWaiter w = CURRENT.get();
    if (w == null) {
      w = new SelectWaiter(Thread.currentThread());
      CURRENT.set(w);
    } else if (w.busy) {
      w = new SelectWaiter(Thread.currentThread());
    }
    w.reset(w.thread);
    w.busy = true;
    w.select = select;
    return w;
  }

  /** Gives the waiter back after its select's nodes left their queues. */
  void release() {
    select = null;
    busy = false;
  }

  /** The node for clause {@code i}, set up to wait on {@code channel}. */
  Node node(int i, ChannelEngine channel, @Nullable Object item) {
    Node[] all = nodes;
    if (i >= all.length) {
      all = nodes = Arrays.copyOf(all, Math.max(i + 1, all.length * 2));
    }
    Node node = all[i];
    if (node == null) {
      node = all[i] = new Node(this, i, channel, item != null, item);
      return node;
    }
    node.channel = channel;
    node.sender = item != null;
    node.item = item;
    node.result = null;
    return node;
  }

  /** The node of clause {@code i} in the current wait. */
  Node node(int i) {
    return nodes[i];
  }
}
