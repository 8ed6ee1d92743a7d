package dev.conduit.internal;

import dev.conduit.Channel;
import dev.conduit.ContextDoneException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** {@code withoutCancel()}: the parent's values, and nothing of its cancellation or deadline. */
final class WithoutCancelContext extends AbstractContext {
  private final AbstractContext parent;

  WithoutCancelContext(AbstractContext parent) {
    this.parent = parent;
  }

  @Override
  @Nullable CancelContext cancelAncestor() {
    return null;
  }

  @Override
  AbstractContext parent() {
    return parent;
  }

  @Override
  public Channel<Void> done() {
    return DoneChannels.NEVER;
  }

  @Override
  public @Nullable ContextDoneException err() {
    return null;
  }

  @Override
  public @Nullable Throwable cause() {
    return null;
  }

  @Override
  public @Nullable Instant deadline() {
    return null;
  }

  @Override
  public String toString() {
    return parent + ".withoutCancel()";
  }
}
