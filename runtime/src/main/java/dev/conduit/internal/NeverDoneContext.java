package dev.conduit.internal;

import dev.conduit.Channel;
import dev.conduit.ContextDoneException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A context that can never be done: the roots and what {@code withoutCancel()} returns. It has no
 * cancellable ancestor, so select and the context-aware operations skip it entirely.
 */
abstract sealed class NeverDoneContext extends AbstractContext
    permits EmptyContext, WithoutCancelContext {

  @Override
  final @Nullable CancelContext cancelAncestor() {
    return null;
  }

  @Override
  public final Channel<Void> done() {
    return DoneChannels.NEVER;
  }

  @Override
  public final @Nullable ContextDoneException err() {
    return null;
  }

  @Override
  public final @Nullable Throwable cause() {
    return null;
  }

  @Override
  public final @Nullable Instant deadline() {
    return null;
  }
}
