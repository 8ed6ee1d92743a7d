package dev.conduit.internal;

/** {@code withoutCancel()}: the parent's values, and nothing of its cancellation or deadline. */
final class WithoutCancelContext extends NeverDoneContext {
  private final AbstractContext parent;

  WithoutCancelContext(AbstractContext parent) {
    this.parent = parent;
  }

  @Override
  AbstractContext parent() {
    return parent;
  }

  @Override
  public String toString() {
    return parent + ".withoutCancel()";
  }
}
