package dev.conduit.internal;

import dev.conduit.AfterFunc;
import dev.conduit.CancellableContext;
import dev.conduit.Context;
import dev.conduit.ContextKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What every Conduit context shares: the derivation methods and value lookup. The kinds are {@link
 * NeverDoneContext} ({@link EmptyContext}, the roots, and {@link WithoutCancelContext}), {@link
 * ValueContext} and {@link CancelContext} (with its timer and after-function subclasses).
 */
abstract sealed class AbstractContext implements Context
    permits NeverDoneContext, ValueContext, CancelContext {

  /**
   * The nearest context at or above this one that can be cancelled and whose cancellation this one
   * follows; {@code null} if this context can never be done. A new cancellable child registers
   * itself there.
   */
  abstract @Nullable CancelContext cancelAncestor();

  /** The parent, for value lookup; {@code null} for a root. */
  abstract @Nullable AbstractContext parent();

  @Override
  public final CancellableContext withCancel() {
    CancelContext child = new CancelContext(this);
    child.attach();
    return child;
  }

  @Override
  public final CancellableContext withTimeout(Duration timeout) {
    return TimerContext.afterTimeout(this, Objects.requireNonNull(timeout, "timeout"), null);
  }

  @Override
  public final CancellableContext withTimeout(Duration timeout, Throwable cause) {
    return TimerContext.afterTimeout(
        this, Objects.requireNonNull(timeout, "timeout"), Objects.requireNonNull(cause, "cause"));
  }

  @Override
  public final CancellableContext withDeadline(Instant deadline) {
    return TimerContext.atDeadline(this, Objects.requireNonNull(deadline, "deadline"), null);
  }

  @Override
  public final CancellableContext withDeadline(Instant deadline, Throwable cause) {
    return TimerContext.atDeadline(
        this, Objects.requireNonNull(deadline, "deadline"), Objects.requireNonNull(cause, "cause"));
  }

  @Override
  public final <T> Context withValue(ContextKey<T> key, T value) {
    return new ValueContext(
        this, Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
  }

  @Override
  public final Context withoutCancel() {
    return new WithoutCancelContext(this);
  }

  @Override
  public final AfterFunc afterFunc(Runnable function) {
    return AfterFuncContext.register(this, Objects.requireNonNull(function, "function"), false);
  }

  @Override
  public final <T> @Nullable T value(ContextKey<T> key) {
    Objects.requireNonNull(key, "key");
    for (AbstractContext c = this; c != null; c = c.parent()) {
      if (c instanceof ValueContext v && v.key == key) {
        @SuppressWarnings("unchecked") // withValue took a T for this very key
        T value = (T) v.value;
        return value;
      }
    }
    return null;
  }
}
