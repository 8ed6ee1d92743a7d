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
 * <p>What it allocates: this object, which holds the first two clauses in fields (more clauses add
 * one array) and is itself the waiter its nodes share, and nothing else for a run over up to two
 * clauses in which a clause is ready. Only a run that has to wait queues a node per clause. More
 * than two clauses add a permutation and a lock-order array per run.
 *
 * <p>The nodes are fresh for every wait rather than kept for the next: a set of nodes reused per
 * thread showed no gain (select over 1 and 2, 16 to 34 forks per variant, interleaved with the code
 * before; single forks of every variant ranged from about 250 to 1,300 ns, wider than any
 * difference between the medians), and it kept a few hundred bytes alive per goroutine that ever
 * waited in a select.
 *
 * <p>One instance serves one thread at a time; it may be run again after it returns.
 */
public final class SelectCore extends Waiter {
  /** {@link #run} result: the default clause was taken. */
  public static final int DEFAULT = -4;

  /** {@link #run} result: the deadline passed first. */
  public static final int TIMED_OUT = Waiter.TIMED_OUT;

  /** Entries per clause in {@link #more}: channel, item, attachment. */
  private static final int STRIDE = 3;

  // A clause is its channel, its item (the value to send; null for a receive) and its attachment
  // (the caller's body). Clauses 0 and 1 in fields, the others in `more`.
  private @Nullable ChannelEngine channel0;
  private @Nullable Object item0;
  private @Nullable Object attachment0;
  private @Nullable ChannelEngine channel1;
  private @Nullable Object item1;
  private @Nullable Object attachment1;
  private Object @Nullable [] more;
  private int size;

  /** The nodes of the current wait: clauses 0 and 1, then the others; null while not waiting. */
  private @Nullable Node node0;

  private @Nullable Node node1;
  private Node @Nullable [] nodes;
  private @Nullable Object received;

  public SelectCore() {
    super(Thread.currentThread());
  }

  /** Adds a receive clause; returns its index. */
  public int addReceive(ChannelImpl<?> channel) {
    return add(channel, null, null);
  }

  /** Adds a receive clause carrying {@code attachment} (its body); returns its index. */
  public int addReceive(ChannelImpl<?> channel, Object attachment) {
    return add(channel, null, attachment);
  }

  /** Adds a send clause; returns its index. */
  public int addSend(ChannelImpl<?> channel, Object value) {
    return add(channel, Objects.requireNonNull(value), null);
  }

  /** Adds a send clause carrying {@code attachment} (its body); returns its index. */
  public int addSend(ChannelImpl<?> channel, Object value, Object attachment) {
    return add(channel, Objects.requireNonNull(value), attachment);
  }

  /** What clause {@code i} was added with: the caller's body for it. */
  public @Nullable Object attachment(int i) {
    return i == 0 ? attachment0 : i == 1 ? attachment1 : more()[(i - 2) * STRIDE + 2];
  }

  private int add(ChannelEngine channel, @Nullable Object item, @Nullable Object attachment) {
    int i = size;
    if (i == 0) {
      channel0 = channel;
      item0 = item;
      attachment0 = attachment;
    } else if (i == 1) {
      channel1 = channel;
      item1 = item;
      attachment1 = attachment;
    } else {
      int at = (i - 2) * STRIDE;
      Object[] all = more;
      if (all == null) {
        all = new Object[2 * STRIDE];
      } else if (at == all.length) {
        all = Arrays.copyOf(all, all.length * 2);
      }
      all[at] = channel;
      all[at + 1] = item;
      all[at + 2] = attachment;
      more = all;
    }
    return size++;
  }

  private Object[] more() {
    return Objects.requireNonNull(more);
  }

  /** How many clauses were added; read racily by a goroutine dump. */
  int clauseCount() {
    return size;
  }

  /** The channel of clause {@code i}. */
  ChannelEngine channel(int i) {
    Object c = i == 0 ? channel0 : i == 1 ? channel1 : more()[(i - 2) * STRIDE];
    return (ChannelEngine) Objects.requireNonNull(c);
  }

  /** The value clause {@code i} sends, or null for a receive clause. */
  @Nullable Object item(int i) {
    return i == 0 ? item0 : i == 1 ? item1 : more()[(i - 2) * STRIDE + 1];
  }

  private void setNode(int i, Node node) {
    if (i == 0) {
      node0 = node;
    } else if (i == 1) {
      node1 = node;
    } else {
      Node[] all = nodes;
      if (all == null) {
        all = nodes = new Node[size - 2];
      }
      all[i - 2] = node;
    }
  }

  private Node node(int i) {
    Node node = i == 0 ? node0 : i == 1 ? node1 : Objects.requireNonNull(nodes)[i - 2];
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
    // Two clauses need no permutation array: a random first clause is a uniform choice.
    int[] order = n > 2 ? randomOrder(n) : null;
    int first = n == 2 ? ThreadLocalRandom.current().nextInt(2) : 0;
    ChannelEngine[] locks = n > 2 ? lockOrder(n) : null;
    boolean spin = true;
    lockAll(locks);
    try {
      for (int k = 0; k < n; k++) {
        int i = order != null ? order[k] : (first + k) % n;
        ChannelEngine channel = channel(i);
        Object item = item(i);
        Object outcome = item != null ? channel.sendLocked(item, 0) : channel.receiveLocked();
        if (outcome != ChannelEngine.NOT_READY) {
          Thread wakeUp = channel.takeWake();
          unlockAll(locks);
          locks = NOTHING;
          Waiter.wake(wakeUp);
          if (item == null) {
            received = outcome;
          }
          return i;
        }
      }
      if (hasDefault) {
        return DEFAULT;
      }
      if (deadlineNanos != Long.MAX_VALUE && deadlineNanos - System.nanoTime() <= 0) {
        return TIMED_OUT;
      }
      ChannelEngine.failIfInterrupted();
      reset(Thread.currentThread());
      // Queue in the same random order: a counterpart that arrives later and finds several of
      // these nodes in one queue then takes a random one, not always the first clause.
      for (int k = 0; k < n; k++) {
        int i = order != null ? order[k] : (first + k) % n;
        Object item = item(i);
        Node c = new Node(this, i, channel(i), item != null, item);
        setNode(i, c);
        spin &= c.channel.isFirst(c);
        c.channel.enqueue(c);
      }
    } finally {
      if (locks != NOTHING) {
        unlockAll(locks);
      }
    }
    int winner = await(deadlineNanos, spin);
    Object result = null;
    for (int i = 0; i < n; i++) {
      Node c = node(i);
      if (i == winner) {
        result = c.result;
      } else {
        c.channel.dequeue(c);
      }
    }
    node0 = null;
    node1 = null;
    nodes = null;
    if (winner == Waiter.INTERRUPTED) {
      throw new UncheckedInterruptedException();
    }
    if (winner == Waiter.TIMED_OUT) {
      return TIMED_OUT;
    }
    if (item(winner) != null) {
      if (result == Node.CLOSED) {
        throw ChannelEngine.sendOnClosed();
      }
    } else {
      received = result;
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
  private static final ChannelEngine[] NOTHING = new ChannelEngine[0];

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
  private ChannelEngine[] lockOrder(int n) {
    ChannelEngine[] sorted = new ChannelEngine[n];
    for (int i = 0; i < n; i++) {
      sorted[i] = channel(i);
    }
    // Insertion sort: selects have a handful of clauses.
    for (int i = 1; i < n; i++) {
      ChannelEngine c = sorted[i];
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
  private void lockAll(ChannelEngine @Nullable [] locks) {
    if (locks != null) {
      for (ChannelEngine c : locks) {
        c.lock.lock();
      }
      return;
    }
    ChannelEngine a = channel(0);
    ChannelEngine b = size == 2 ? channel(1) : a;
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

  private void unlockAll(ChannelEngine @Nullable [] locks) {
    if (locks != null) {
      for (int i = locks.length - 1; i >= 0; i--) {
        locks[i].lock.unlock();
      }
      return;
    }
    ChannelEngine a = channel(0);
    ChannelEngine b = size == 2 ? channel(1) : a;
    a.lock.unlock();
    if (b != a) {
      b.lock.unlock();
    }
  }
}
