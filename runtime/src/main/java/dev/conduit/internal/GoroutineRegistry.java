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
 * The record holds its thread weakly, so tracking never keeps a goroutine alive. Waits inside
 * channel operations and selects record nothing here: a dump reads them from the thread's park
 * blocker (see {@link WaitDescriptions}).
 *
 * <p>Tracking is on unless the system property {@code conduit.goroutines.tracking} is {@code
 * false}; creation sites are off unless {@code conduit.goroutines.creationSites} is {@code true}
 * or {@link #setCreationSites} turns them on.
 */
public final class GoroutineRegistry {
  /** Whether goroutines are tracked; fixed at start-up so the JIT folds the checks away. */
  public static final boolean TRACKING =
      !"false".equalsIgnoreCase(System.getProperty("conduit.goroutines.tracking"));

  private static final ConcurrentHashMap<Long, GoroutineRecord> LIVE = new ConcurrentHashMap<>();

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
    LIVE.put(record.id, record);
    try {
      thread.start();
    } catch (Throwable startFailed) {
      LIVE.remove(record.id, record);
      throw startFailed;
    }
  }

  /** The goroutines registered now, in no particular order. */
  public static List<GoroutineRecord> live() {
    Collection<GoroutineRecord> all = LIVE.values();
    List<GoroutineRecord> copy = new ArrayList<>(all.size());
    for (GoroutineRecord record : all) {
      if (record.get() != null) {
        copy.add(record);
      }
    }
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
    GoroutineRecord me = LIVE.get(Thread.currentThread().threadId());
    if (me != null) {
      me.waitStart = System.nanoTime();
    }
    return me;
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
          LIVE.remove(done.id, done);
        }
      }
    }
  }
}
