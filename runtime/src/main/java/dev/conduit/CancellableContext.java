package dev.conduit;

import org.jspecify.annotations.Nullable;

/**
 * A context with the handle to cancel it: what {@link Context#withCancel()}, {@link
 * Context#withTimeout(java.time.Duration)} and {@link Context#withDeadline(java.time.Instant)}
 * return. Go returns the same thing as a pair {@code (ctx, cancel)}.
 *
 * <p><b>Always cancel it</b>, on every path, once the work it bounds is over: {@link #cancel()}
 * removes it from its parent and stops its timer; until then both stay, even after the work has
 * finished (that is Go's leak too, and what the {@code LostCancel} check is for). {@code
 * CancellableContext} is {@link AutoCloseable} and {@link #close()} cancels, so try-with-resources
 * is Java's {@code defer cancel()}:
 *
 * <pre>{@code
 * try (CancellableContext ctx = parent.withTimeout(Duration.ofSeconds(1))) {
 *   return query(ctx);
 * }
 * }</pre>
 *
 * <p>Don't:
 *
 * <pre>{@code
 * return query(parent.withTimeout(Duration.ofSeconds(1))); // never cancelled: leaks until the
 *                                                          // timeout, forever for withCancel()
 * }</pre>
 *
 * <p>Whoever receives the handle (a field, a return value, an owner object) inherits the duty to
 * cancel. Cancelling is idempotent and thread-safe: only the first call has an effect.
 */
public interface CancellableContext extends Context, AutoCloseable {

  /**
   * Cancels this context and its descendants with a {@link CanceledException}; releases its
   * registration in its parent and its timer. Does nothing if it is already done. When it returns,
   * this context and every descendant are done, even if another thread's cancel got there first.
   */
  void cancel();

  /**
   * Like {@link #cancel()}, and {@link #cause()} of this context and of the descendants it cancels
   * returns {@code cause}; {@code null} is the same as {@link #cancel()}. Go's {@code
   * CancelCauseFunc}. Does nothing if the context is already done (the first cause stays).
   */
  void cancel(@Nullable Throwable cause);

  /** Cancels: the same as {@link #cancel()}, so that try-with-resources cancels on exit. */
  @Override
  void close();
}
