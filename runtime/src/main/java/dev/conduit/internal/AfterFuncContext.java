package dev.conduit.internal;

import dev.conduit.AfterFunc;
import dev.conduit.Go;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code Context.afterFunc}: a hidden child context whose cancellation runs the function. Being a
 * child, it is registered and unregistered exactly like one, so an after-function that is stopped
 * leaves nothing behind in its context.
 */
final class AfterFuncContext extends CancelContext implements AfterFunc {
  private static final int PENDING = 0;
  private static final int STARTED = 1;
  private static final int STOPPED = 2;

  private final Runnable function;
  private final boolean inline;
  private final AtomicInteger state = new AtomicInteger(PENDING);

  private AfterFuncContext(AbstractContext parent, Runnable function, boolean inline) {
    super(parent);
    this.function = function;
    this.inline = inline;
  }

  /**
   * Registers {@code function} to run once {@code ctx} is done.
   *
   * @param inline run it on the thread that cancels, with context locks held: only for Conduit's
   *     own functions that do nothing but wake a waiter; user functions run in their own goroutine
   */
  static AfterFuncContext register(AbstractContext ctx, Runnable function, boolean inline) {
    AfterFuncContext registration = new AfterFuncContext(ctx, function, inline);
    registration.attach();
    return registration;
  }

  @Override
  void cancelledLocked() {
    if (state.compareAndSet(PENDING, STARTED)) {
      if (inline) {
        function.run();
      } else {
        Go.go(function);
      }
    }
  }

  @Override
  public boolean stop() {
    if (!state.compareAndSet(PENDING, STOPPED)) {
      return false;
    }
    cancel(); // unregisters it; the state keeps the function from running
    return true;
  }

  @Override
  public String toString() {
    return parent() + ".afterFunc(" + function + ")";
  }
}
