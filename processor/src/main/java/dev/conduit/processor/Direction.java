package dev.conduit.processor;

/** The channel direction stated at one place of a declaration. */
enum Direction {
  /** No direction annotation: a bidirectional channel (Go's {@code chan T}). */
  BOTH("bidirectional"),
  /** {@code @SendOnly}: Go's {@code chan<- T}. */
  SEND("@SendOnly"),
  /** {@code @ReceiveOnly}: Go's {@code <-chan T}. */
  RECEIVE("@ReceiveOnly"),
  /** Both annotations at once; reported on its own, and otherwise left alone. */
  CONFLICTING("conflicting");

  private final String label;

  Direction(String label) {
    this.label = label;
  }

  /** Go's assignability: a value of direction {@code this} may go where {@code target} is. */
  boolean assignableTo(Direction target) {
    return this == target || this == BOTH;
  }

  @Override
  public String toString() {
    return label;
  }
}
