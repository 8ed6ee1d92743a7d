package dev.conduit;

/**
 * Thrown by {@link ErrGroup#await()} when the group's first failure was a checked exception, which
 * is this exception's {@link #getCause() cause}. Unchecked failures are rethrown as they are.
 */
public final class ErrGroupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ErrGroupException(Exception cause) {
    super("a task of the group failed: " + cause, cause);
  }
}
