package dev.conduit.internal;

import dev.conduit.Channel;
import dev.conduit.ContextDoneException;
import dev.conduit.ContextKey;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** {@code withValue}: one key-value binding; everything else is the parent's. */
final class ValueContext extends AbstractContext {
  private final AbstractContext parent;
  private final @Nullable CancelContext cancelAncestor;
  final ContextKey<?> key;
  final Object value;

  ValueContext(AbstractContext parent, ContextKey<?> key, Object value) {
    this.parent = parent;
    this.cancelAncestor = parent.cancelAncestor();
    this.key = key;
    this.value = value;
  }

  @Override
  @Nullable CancelContext cancelAncestor() {
    return cancelAncestor;
  }

  @Override
  AbstractContext parent() {
    return parent;
  }

  @Override
  public Channel<Void> done() {
    return cancelAncestor == null ? DoneChannels.NEVER : cancelAncestor.done();
  }

  @Override
  public @Nullable ContextDoneException err() {
    return cancelAncestor == null ? null : cancelAncestor.err();
  }

  @Override
  public @Nullable Throwable cause() {
    return cancelAncestor == null ? null : cancelAncestor.cause();
  }

  @Override
  public @Nullable Instant deadline() {
    return parent.deadline();
  }

  @Override
  public String toString() {
    return parent + ".withValue(" + key.name() + ", ...)";
  }
}
