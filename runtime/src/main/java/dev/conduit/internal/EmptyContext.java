package dev.conduit.internal;

import dev.conduit.Channel;
import dev.conduit.ContextDoneException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** {@code Context.background()} and {@code Context.todo()}: never done, no deadline, no values. */
final class EmptyContext extends AbstractContext {
  static final EmptyContext BACKGROUND = new EmptyContext("Context.background()");
  static final EmptyContext TODO = new EmptyContext("Context.todo()");

  private final String name;

  private EmptyContext(String name) {
    this.name = name;
  }

  @Override
  @Nullable CancelContext cancelAncestor() {
    return null;
  }

  @Override
  @Nullable AbstractContext parent() {
    return null;
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
    return name;
  }
}
