package dev.conduit.internal;

import dev.conduit.CanceledException;
import dev.conduit.ContextDoneException;
import dev.conduit.DeadlineExceededException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * Why a context is done: cancelled or past its deadline, with an optional cause. One instance is
 * shared by a cancelled context and every descendant it cancelled, as Go shares its error value.
 *
 * <p>The {@link ContextDoneException} is built on the first {@link #err()} call rather than at
 * cancel time: most cancelled contexts are never asked, and filling in a stack trace per cancel
 * would dominate the cost of a create+cancel cycle. Its stack trace therefore means nothing;
 * operations that give up throw {@link ContextDoneException#copy()}.
 */
final class CancelReason {
  private static final VarHandle ERR;

  static {
    try {
      ERR =
          MethodHandles.lookup()
              .findVarHandle(CancelReason.class, "err", ContextDoneException.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final boolean deadlineExceeded;
  final @Nullable Throwable cause;
  private volatile @Nullable ContextDoneException err;

  CancelReason(boolean deadlineExceeded, @Nullable Throwable cause) {
    this.deadlineExceeded = deadlineExceeded;
    this.cause = cause;
  }

  ContextDoneException err() {
    ContextDoneException e = err;
    if (e != null) {
      return e;
    }
    e = deadlineExceeded ? new DeadlineExceededException(cause) : new CanceledException(cause);
    ContextDoneException witness = (ContextDoneException) ERR.compareAndExchange(this, null, e);
    return witness == null ? e : witness;
  }

  /** Go's {@code context.Cause}: the cause given at cancel time, else the error itself. */
  Throwable cause() {
    return cause != null ? cause : err();
  }
}
