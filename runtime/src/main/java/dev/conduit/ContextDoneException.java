package dev.conduit;

import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;

/**
 * A context was done before a context-aware operation could complete. {@link Context#err()} says
 * why, as one of the two subclasses: {@link CanceledException} (Go's {@code context.Canceled}) or
 * {@link DeadlineExceededException} (Go's {@code context.DeadlineExceeded}). When the context was
 * cancelled with a cause, the cause is this exception's {@link #getCause() cause}.
 */
public abstract sealed class ContextDoneException extends CancellationException
    permits CanceledException, DeadlineExceededException {
  private static final long serialVersionUID = 1L;

  ContextDoneException(String message, @Nullable Throwable cause) {
    super(message);
    if (cause != null) {
      initCause(cause);
    }
  }

  /**
   * A new exception of the same kind and cause, thrown where an operation gave up, so that its
   * stack trace shows that place rather than the place the context was cancelled.
   */
  public abstract ContextDoneException copy();
}
