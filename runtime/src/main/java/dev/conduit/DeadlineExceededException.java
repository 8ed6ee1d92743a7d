package dev.conduit;

import org.jspecify.annotations.Nullable;

/** The context's deadline passed: Go's {@code context.DeadlineExceeded}. */
public final class DeadlineExceededException extends ContextDoneException {
  private static final long serialVersionUID = 1L;

  public DeadlineExceededException() {
    this(null);
  }

  public DeadlineExceededException(@Nullable Throwable cause) {
    super("context deadline exceeded", cause);
  }

  @Override
  public DeadlineExceededException copy() {
    return new DeadlineExceededException(getCause());
  }
}
