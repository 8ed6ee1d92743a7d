package dev.conduit.internal;

import org.jspecify.annotations.Nullable;

/** {@code Context.background()} and {@code Context.todo()}: never done, no deadline, no values. */
final class EmptyContext extends NeverDoneContext {
  static final EmptyContext BACKGROUND = new EmptyContext("Context.background()");
  static final EmptyContext TODO = new EmptyContext("Context.todo()");

  private final String name;

  private EmptyContext(String name) {
    this.name = name;
  }

  @Override
  @Nullable AbstractContext parent() {
    return null;
  }

  @Override
  public String toString() {
    return name;
  }
}
