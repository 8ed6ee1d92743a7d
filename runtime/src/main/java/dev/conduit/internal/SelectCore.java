package dev.conduit.internal;

import dev.conduit.UncheckedInterruptedException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Go's select over channel clauses, without the bodies (those stay in {@link dev.conduit.Select}).
 *
 * <p>The algorithm is Go's: lock every channel involved in one global order; look at the clauses in
 * a fresh random order and complete the first one that is ready; otherwise (no default) queue one
 * node per clause, all sharing one {@link Waiter}, in a fresh random order too, unlock and wait. A
 * counterpart that claims any of the nodes decides the shared waiter, so exactly one clause fires
 * and the other channels neither gain nor lose a value. On waking, the select unlinks its other
 * nodes.
 *
 * <p>Holding all the locks while checking and queueing is what keeps a clause from being claimed
 * while the select is still deciding; the random order is what makes the choice among ready clauses
 * uniform, and queueing in random order is what keeps it uniform when a counterpart arrives later
 * and meets several of the select's nodes in one queue (two send clauses on one channel, Go's
 * {@code TestPseudoRandomSend}).
 *
 * <p>Set-up allocates one node per clause and nothing else for up to two clauses: the select itself
 * is the shared waiter, and the clauses live in their nodes. More clauses add a permutation and a
 * lock-order array per run.
 *
 * <p>One instance serves one thread at a time; it may be run again after it returns.
 */
public final class SelectCore extends Waiter {
  /** {@link #run} result: the default clause was taken. */
  public static final int DEFAULT = -4;

  /** {@link #run} result: the deadline passed first. */
  public static final int TIMED_OUT = Waiter.TIMED_OUT;

  private @Nullable Node clause0;
  private @Nullable Node clause1;
  private Node @Nullable [] clauses;
  private int size;
  private @Nullable Object received;

  public SelectCore() {
    super(Thread.currentThread());
  }

  /** Adds a receive clause; returns its index. */
  public int addReceive(ChannelImpl<?> channel) {
    return add(channel, false, null, null);
  }

  /** Adds a receive clause carrying {@code attachment} (its body); returns its index. */
  public int addReceive(ChannelImpl<?> channel, Object attachment) {
    return add(channel, false, null, attachment);
  }

  /** Adds a send clause; returns its index. */
  public int addSend(ChannelImpl<?> channel, Object value) {
    return add(channel, true, value, null);
  }

  /** Adds a send clause carrying {@code attachment} (its body); returns its index. */
  public int addSend(ChannelImpl<?> channel, Object value, Object attachment) {
    return add(channel, true, value, attachment);
  }

  /** What clause {@code i} was added with: the caller's body for it. */
  public @Nullable Object attachment(int i) {
    return clause(i).attachment;
  }

  private int add(
      ChannelImpl<?> channel, boolean send, @Nullable Object value, @Nullable Object attachment) {
    int i = size;
    Node node = new Node(this, i, channel, send, value);
    node.attachment = attachment;
    if (i == 0) {
      clause0 = node;
    } else if (i == 1) {
      clause1 = node;
    } else {
      Node[] all = clauses;
      if (all == null) {
        all = new Node[8];
        all[0] = clause0;
        all[1] = clause1;
      } else if (i == all.length) {
        all = Arrays.copyOf(all, i * 2);
      }
      all[i] = node;
      clauses = all;
    }
    return size++;
  }

  /** How many clauses were added; read racily by a goroutine dump. */
  int clauseCount() {
    return size;
  }

  Node clause(int i) {
    Node node = i == 0 ? clause0 : i == 1 ? clause1 : Objects.requireNonNull(clauses)[i];
    return Objects.requireNonNull(node);
  }

  /** What the receive clause that fired last received: a value, or null if the channel closed. */
  public @Nullable Object received() {
    Object r = received;
    return r == Node.CLOSED ? null : r;
  }

  /**
   * Runs the select.
   *
   * @param hasDefault whether to return {@link #DEFAULT} rather than wait
   * @param deadlineNanos a {@link System#nanoTime()} deadline, or {@link Long#MAX_VALUE}
   * @return the index of the clause that fired, {@link #DEFAULT} or {@link #TIMED_OUT}
   * @throws dev.conduit.ChannelClosedException if a send clause's channel is closed
   * @throws UncheckedInterruptedException if interrupted while waiting
   */
  public int run(boolean hasDefault, long deadlineNanos) {
    received = null;
    int n = size;
    if (n == 0) {
      return hasDefault ? DEFAULT : waitWithoutClauses(deadlineNanos);
    }
    reset(Thread.currentThread());
    // Two clauses need no permutation array: a random first clause is a uniform choice.
    int[] order = n > 2 ? randomOrder(n) : null;
    int first = n == 2 ? ThreadLocalRandom.current().nextInt(2) : 0;
    ChannelImpl<?>[] locks = n > 2 ? lockOrder(n) : null;
    boolean spin = true;
    lockAll(locks);
    try {
      for (int k = 0; k < n; k++) {
        Node c = clause(order != null ? order[k] : (first + k) % n);
        Object outcome =
            c.sender
                ? c.channel.sendLocked(Objects.requireNonNull(c.item), 0)
                : c.channel.receiveLocked();
        if (outcome != ChannelImpl.NOT_READY) {
          Thread wakeUp = c.channel.takeWake();
          unlockAll(locks);
          locks = NOTHING;
          Waiter.wake(wakeUp);
          if (!c.sender) {
            received = outcome;
          }
          return c.clause;
        }
      }
      if (hasDefault) {
        return DEFAULT;
      }
      if (deadlineNanos != Long.MAX_VALUE && deadlineNanos - System.nanoTime() <= 0) {
        return TIMED_OUT;
      }
      ChannelImpl.failIfInterrupted();
      // Queue in the same random order: a counterpart that arrives later and finds several of
      // these nodes in one queue then takes a random one, not always the first clause.
      for (int k = 0; k < n; k++) {
        Node c = clause(order != null ? order[k] : (first + k) % n);
        c.result = null;
        spin &= c.channel.isFirst(c);
        c.channel.enqueue(c);
      }
    } finally {
      if (locks != NOTHING) {
        unlockAll(locks);
      }
    }
    int winner = await(deadlineNanos, spin);
    for (int i = 0; i < n; i++) {
      if (i != winner) {
        Node c = clause(i);
        c.channel.dequeue(c);
      }
    }
    if (winner == Waiter.INTERRUPTED) {
      throw new UncheckedInterruptedException();
    }
    if (winner == Waiter.TIMED_OUT) {
      return TIMED_OUT;
    }
    Node won = clause(winner);
    if (won.sender) {
      if (won.result == Node.CLOSED) {
        throw ChannelImpl.sendOnClosed();
      }
    } else {
      received = won.result;
    }
    return winner;
  }

  /** Go's {@code select {}}: no clause can fire, so only the deadline or an interrupt ends it. */
  private static int waitWithoutClauses(long deadlineNanos) {
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new UncheckedInterruptedException();
      }
      if (deadlineNanos == Long.MAX_VALUE) {
        LockSupport.park();
      } else {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
          return TIMED_OUT;
        }
        LockSupport.parkNanos(remaining);
      }
    }
  }

  /** Marks locks already released (the lock arrays are null for one or two clauses). */
  private static final ChannelImpl<?>[] NOTHING = new ChannelImpl<?>[0];

  private static int[] randomOrder(int n) {
    int[] order = new int[n];
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < n; i++) {
      int j = random.nextInt(i + 1);
      order[i] = order[j];
      order[j] = i;
    }
    return order;
  }

  /** The distinct channels, sorted by id so that every select locks in the same order. */
  private ChannelImpl<?>[] lockOrder(int n) {
    ChannelImpl<?>[] sorted = new ChannelImpl<?>[n];
    for (int i = 0; i < n; i++) {
      sorted[i] = (ChannelImpl<?>) clause(i).channel;
    }
    // Insertion sort: selects have a handful of clauses.
    for (int i = 1; i < n; i++) {
      ChannelImpl<?> c = sorted[i];
      int j = i - 1;
      while (j >= 0 && sorted[j].id > c.id) {
        sorted[j + 1] = sorted[j];
        j--;
      }
      sorted[j + 1] = c;
    }
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (distinct == 0 || sorted[distinct - 1] != sorted[i]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return distinct == n ? sorted : Arrays.copyOf(sorted, distinct);
  }

  /**
   * Locks {@code locks} in order, or, when it is null (one or two clauses), the clauses' channels
   * in id order without building an array.
   */
  private void lockAll(ChannelImpl<?> @Nullable [] locks) {
    if (locks != null) {
      for (ChannelEngine c : locks) {
        c.lock.lock();
      }
      return;
    }
    ChannelEngine a = clause(0).channel;
    ChannelEngine b = size == 2 ? clause(1).channel : a;
    if (b == a) {
      a.lock.lock();
    } else if (a.id < b.id) {
      a.lock.lock();
      b.lock.lock();
    } else {
      b.lock.lock();
      a.lock.lock();
    }
  }

  private void unlockAll(ChannelImpl<?> @Nullable [] locks) {
    if (locks != null) {
      for (int i = locks.length - 1; i >= 0; i--) {
        locks[i].lock.unlock();
      }
      return;
    }
    ChannelEngine a = clause(0).channel;
    ChannelEngine b = size == 2 ? clause(1).channel : a;
    a.lock.unlock();
    if (b != a) {
      b.lock.unlock();
    }
  }
}
