package dev.conduit;

import org.jspecify.annotations.Nullable;

/** The context was cancelled: Go's {@code context.Canceled}. */
public final class CanceledException extends ContextDoneException {
  private static final long serialVersionUID = 1L;

  public CanceledException() {
    this(null);
  }

  public CanceledException(@Nullable Throwable cause) {
    super("context canceled", cause);
  }

  @Override
  public CanceledException copy() {
    return new CanceledException(getCause());
  }
}
