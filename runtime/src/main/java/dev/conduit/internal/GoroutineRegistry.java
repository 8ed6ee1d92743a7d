package dev.conduit.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;

/**
 * Every goroutine Conduit started and that has not ended yet, for goroutine dumps and leak checks.
 *
 * <p>A goroutine is registered by the thread that starts it, before it starts (so one that has not
 * run yet is already seen), and removed by its own run wrapper when its task returns or throws.
 * Tracking never keeps a goroutine that ended reachable: its entry is gone once its task returns. A
 * channel operation or select that parks records only when it parked ({@link #parking()}); the wait
 * reason and the channel are read at dump time from the thread's park blocker (see {@link
 * WaitDescriptions}).
 *
 * <p>Tracking is on unless the system property {@code conduit.goroutines.tracking} is {@code
 * false}; creation sites are off unless {@code conduit.goroutines.creationSites} is {@code true} or
 * {@link #setCreationSites} turns them on.
 */
public final class GoroutineRegistry {
  /** Whether goroutines are tracked; fixed at start-up so the JIT folds the checks away. */
  public static final boolean TRACKING =
      !"false".equalsIgnoreCase(System.getProperty("conduit.goroutines.tracking"));

  /**
   * Keyed by the thread itself (identity hash, no boxing), so that the park hook finds the current
   * goroutine without allocating. An entry lives exactly as long as the goroutine's task.
   */
  private static final ConcurrentHashMap<Thread, GoroutineRecord> LIVE = new ConcurrentHashMap<>();

  private static volatile boolean creationSites =
      Boolean.getBoolean("conduit.goroutines.creationSites");

  private GoroutineRegistry() {}

  /** Starts {@code task} in a new thread of {@code factory}, tracked while it runs. */
  public static void start(ThreadFactory factory, Runnable task) {
    if (!TRACKING) {
      factory.newThread(task).start();
      return;
    }
    Launch launch = new Launch(task);
    Thread thread = factory.newThread(launch);
    Thread parent = Thread.currentThread();
    GoroutineRecord record =
        new GoroutineRecord(
            thread,
            parent.threadId(),
            parent.getName(),
            creationSites ? RuntimeFrames.callerStack() : null);
    launch.record = record;
    LIVE.put(thread, record);
    try {
      thread.start();
    } catch (Throwable startFailed) {
      LIVE.remove(thread, record);
      throw startFailed;
    }
  }

  /** The goroutines registered now, in no particular order. */
  public static List<GoroutineRecord> live() {
    Collection<GoroutineRecord> all = LIVE.values();
    List<GoroutineRecord> copy = new ArrayList<>(all.size());
    copy.addAll(all);
    return copy;
  }

  public static void setCreationSites(boolean on) {
    creationSites = on;
  }

  public static boolean creationSites() {
    return creationSites;
  }

  /**
   * Marks the current goroutine as blocked in a Conduit wait that is not a channel operation
   * (WaitGroup, ErrGroup): call only on the path that is about to block, and pass the result to
   * {@link #unblocked}.
   */
  public static @Nullable GoroutineRecord blocking() {
    if (!TRACKING) {
      return null;
    }
    GoroutineRecord me = LIVE.get(Thread.currentThread());
    if (me != null) {
      me.waitStart = System.nanoTime();
    }
    return me;
  }

  /**
   * The park hook: a {@link Waiter} about to park (after spinning failed) notes when, so that a
   * dump can say how long a channel operation or select has been blocked. One map lookup and one
   * write, no allocation; nothing on the paths that do not park.
   */
  static void parking() {
    if (TRACKING) {
      GoroutineRecord me = LIVE.get(Thread.currentThread());
      if (me != null) {
        me.parkedSince = System.nanoTime();
      }
    }
  }

  /** Ends what {@link #blocking()} began. */
  public static void unblocked(@Nullable GoroutineRecord me) {
    if (me != null) {
      me.waitStart = 0;
    }
  }

  /** The goroutine's body: the task, then leaving the registry however the task ends. */
  private static final class Launch implements Runnable {
    private final Runnable task;

    /** Set before the thread starts, which publishes it. */
    @Nullable GoroutineRecord record;

    Launch(Runnable task) {
      this.task = task;
    }

    @Override
    public void run() {
      try {
        task.run();
      } finally {
        GoroutineRecord done = record;
        if (done != null) {
          LIVE.remove(done.thread, done);
        }
      }
    }
  }
}
