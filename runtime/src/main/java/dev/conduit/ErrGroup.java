package dev.conduit;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Goroutines working on subtasks of one task, where the first failure cancels the rest: Go's {@code
 * golang.org/x/sync/errgroup.Group}.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li><b>First failure wins.</b> The first exception (or error) thrown by a task is what {@link
 *       #await()} throws: a {@link RuntimeException} or {@link Error} as it is, a checked exception
 *       wrapped in {@link ErrGroupException} (its cause). Later failures of other tasks are added
 *       to it as {@linkplain Throwable#addSuppressed suppressed}, except {@link
 *       ContextDoneException}s: the first failure cancelled the group's context, so those only say
 *       that a task noticed (a hundred "context canceled" would bury the real failure).
 *   <li><b>Cancellation.</b> The group's {@link #context()} is cancelled, with the first failure as
 *       its {@linkplain Context#cause() cause}, as soon as that failure happens, so that the other
 *       tasks can stop early; it is also cancelled when {@code await()} returns. Tasks must watch
 *       it (pass it to context-aware operations) to actually stop.
 *   <li><b>Limit.</b> With {@link #setLimit(int) setLimit(n)}, at most {@code n} tasks run at once:
 *       {@link #go} blocks until one finishes and {@link #tryGo} returns {@code false}.
 *   <li><b>Waiting.</b> {@code await()} returns once every task has finished, whether some failed
 *       or not. Interrupted, it throws {@link UncheckedInterruptedException} (status kept) and the
 *       tasks keep running.
 * </ul>
 *
 * <p>Task failures are delivered by {@code await()}, not to {@link Go}'s exception handler.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * ErrGroup group = ErrGroup.withContext(ctx);
 * Channel<Page> pages = Channel.buffered(urls.size());
 * for (String url : urls) {
 *   group.go(() -> pages.send(group.context(), download(group.context(), url)));
 * }
 * group.await(); // throws the first download's failure; the others were cancelled
 * }</pre>
 *
 * <h2>Don't</h2>
 *
 * <pre>{@code
 * group.go(() -> download(ctx, url)); // the request's ctx, not group.context(): the other
 *                                     // downloads keep running after one has failed
 * }</pre>
 */
public final class ErrGroup {
  private final CancellableContext ctx;
  private final WaitGroup running = new WaitGroup();
  private final ReentrantLock lock = new ReentrantLock();

  // Guarded by lock.
  @GuardedBy("lock")
  private @Nullable Throwable firstFailure;

  private volatile @Nullable Semaphore slots;

  private ErrGroup(Context parent) {
    this.ctx = parent.withCancel();
  }

  /**
   * A group whose {@link #context()} is a child of {@code parent}, cancelled at the group's first
   * failure and when {@link #await()} returns. Go's {@code errgroup.WithContext}.
   *
   * <p>Like any {@link CancellableContext}, the group's context stays registered with {@code
   * parent} until it is cancelled: call {@code await()} (or let the parent be cancelled).
   */
  public static ErrGroup withContext(Context parent) {
    return new ErrGroup(Objects.requireNonNull(parent, "parent"));
  }

  /** A group whose context is derived from {@link Context#background()}. */
  public static ErrGroup create() {
    return new ErrGroup(Context.background());
  }

  /** The group's context: give it to every task so that they stop at the first failure. */
  public Context context() {
    return ctx;
  }

  /**
   * Runs {@code task} in a new goroutine of this group, first waiting for a free slot if a
   * {@linkplain #setLimit(int) limit} is set.
   *
   * @throws UncheckedInterruptedException if interrupted while waiting for a slot (the task is then
   *     not started)
   */
  public void go(ThrowingRunnable task) {
    Objects.requireNonNull(task, "task");
    Semaphore limit = slots;
    if (limit != null) {
      try {
        limit.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedInterruptedException();
      }
    }
    start(task, limit);
  }

  /**
   * Runs {@code task} in a new goroutine of this group only if that does not exceed the {@linkplain
   * #setLimit(int) limit}; never blocks.
   *
   * @return whether the task was started
   */
  public boolean tryGo(ThrowingRunnable task) {
    Objects.requireNonNull(task, "task");
    Semaphore limit = slots;
    if (limit != null && !limit.tryAcquire()) {
      return false;
    }
    start(task, limit);
    return true;
  }

  /**
   * Bounds how many tasks of this group run at once; a negative {@code n} removes the bound. A
   * limit of zero lets no task start ({@link #go} blocks, {@link #tryGo} returns false).
   *
   * @throws IllegalStateException if tasks of this group are running
   */
  public void setLimit(int n) {
    if (running.count() != 0) {
      throw new IllegalStateException(
          "ErrGroup.setLimit(" + n + ") while " + running.count() + " tasks are active");
    }
    slots = n < 0 ? null : new Semaphore(n);
  }

  /**
   * Waits for every task started so far, cancels the group's context, and throws the first failure
   * if there was one (see the class documentation). Go's {@code g.Wait()}.
   *
   * @throws ErrGroupException if the first failure was a checked exception
   * @throws UncheckedInterruptedException if interrupted while waiting
   */
  public void await() {
    running.await();
    Throwable failure;
    lock.lock();
    try {
      failure = firstFailure;
    } finally {
      lock.unlock();
    }
    ctx.cancel(failure);
    if (failure == null) {
      return;
    }
    if (failure instanceof RuntimeException unchecked) {
      throw unchecked;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    throw new ErrGroupException((Exception) failure);
  }

  private void start(ThrowingRunnable task, @Nullable Semaphore limit) {
    running.add(1);
    try {
      Go.go(() -> {
        try {
          task.run();
        } catch (Throwable failure) {
          fail(failure);
        } finally {
          if (limit != null) {
            limit.release();
          }
          running.done();
        }
      });
    } catch (Throwable startFailed) {
      if (limit != null) {
        limit.release();
      }
      running.done();
      throw startFailed;
    }
  }

  private void fail(Throwable failure) {
    boolean first;
    lock.lock();
    try {
      Throwable earlier = firstFailure;
      first = earlier == null;
      if (first) {
        firstFailure = failure;
      } else if (earlier != null
          && failure != earlier
          && !(failure instanceof ContextDoneException)) {
        earlier.addSuppressed(failure);
      }
    } finally {
      lock.unlock();
    }
    if (first) {
      ctx.cancel(failure);
    }
  }

  @Override
  public String toString() {
    return "ErrGroup(" + running.count() + " running)";
  }
}
