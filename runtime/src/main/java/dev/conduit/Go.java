package dev.conduit;

import dev.conduit.internal.GoroutineRegistry;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Goroutines: Go's {@code go} statement. {@code Go.go(() -> work())}, or with a static import
 * {@code go(() -> work())}, runs {@code work()} in a new virtual thread and returns at once.
 *
 * <h2>Failures are reported, never lost</h2>
 *
 * <p>An exception that escapes a goroutine ends that goroutine only (Go would crash the whole
 * program) and is handed to the goroutine exception handler. The default handler prints {@code
 * Exception in goroutine "name"} and the stack trace to {@link System#err}; replace it with {@link
 * #setUncaughtExceptionHandler} (to log, count, or fail a test). A handler that itself throws falls
 * back to the default printing, so a failure is still not lost.
 *
 * <h2>No handle</h2>
 *
 * <p>As in Go, starting a goroutine gives back nothing to join or interrupt: coordinate through
 * channels, a {@link WaitGroup}, an {@link ErrGroup} (which also collects failures), and stop
 * goroutines with a {@link Context}. Goroutines are daemon threads: they do not keep the JVM alive
 * once {@code main} returns. {@link dev.conduit.debug.Goroutines#dump()} lists the ones still alive
 * and what each waits for.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * WaitGroup wg = new WaitGroup();
 * for (String url : urls) {
 *   wg.go(() -> fetch(ctx, url)); // add(1), go, done() when it ends
 * }
 * wg.await();
 * }</pre>
 *
 * <h2>Don't</h2>
 *
 * <pre>{@code
 * go(() -> results.add(compute())); // a shared ArrayList written without synchronization,
 *                                   // and nobody waits for the goroutine to finish
 * }</pre>
 */
public final class Go {
  /** Prints like the JDK's default handler, naming the goroutine. */
  private static final Thread.UncaughtExceptionHandler DEFAULT_HANDLER =
      (thread, failure) -> {
        System.err.print("Exception in goroutine \"" + thread.getName() + "\" ");
        failure.printStackTrace(System.err);
      };

  private static final AtomicReference<Thread.UncaughtExceptionHandler> HANDLER =
      new AtomicReference<>(DEFAULT_HANDLER);

  private static final ThreadFactory GOROUTINES =
      Thread.ofVirtual().name("goroutine-", 1).uncaughtExceptionHandler(Go::report).factory();

  private Go() {}

  /**
   * Runs {@code task} in a new goroutine (a virtual thread named {@code goroutine-N}).
   *
   * @throws NullPointerException if {@code task} is null
   */
  public static void go(Runnable task) {
    Objects.requireNonNull(task, "task");
    GoroutineRegistry.start(GOROUTINES, task);
  }

  /**
   * Runs {@code task} in a new goroutine named {@code name}: the name shows in thread dumps and in
   * the report of an exception that escapes it.
   */
  public static void go(String name, Runnable task) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(task, "task");
    GoroutineRegistry.start(
        Thread.ofVirtual().name(name).uncaughtExceptionHandler(Go::report).factory(), task);
  }

  /**
   * Replaces the handler that receives exceptions escaping goroutines (started after or before this
   * call), and returns the one it replaces. Handlers run on the failing goroutine, just before it
   * ends.
   */
  public static Thread.UncaughtExceptionHandler setUncaughtExceptionHandler(
      Thread.UncaughtExceptionHandler newHandler) {
    Objects.requireNonNull(newHandler, "newHandler");
    return HANDLER.getAndSet(newHandler);
  }

  /** The handler Conduit starts with: prints the goroutine's name and the stack trace. */
  public static Thread.UncaughtExceptionHandler defaultUncaughtExceptionHandler() {
    return DEFAULT_HANDLER;
  }

  private static void report(Thread thread, Throwable failure) {
    // Never null: it starts with the default and setUncaughtExceptionHandler rejects null.
    Thread.UncaughtExceptionHandler current = Objects.requireNonNull(HANDLER.get());
    try {
      current.uncaughtException(thread, failure);
    } catch (Throwable handlerFailure) {
      if (current != DEFAULT_HANDLER) {
        failure.addSuppressed(handlerFailure);
        DEFAULT_HANDLER.uncaughtException(thread, failure);
      }
    }
  }
}
