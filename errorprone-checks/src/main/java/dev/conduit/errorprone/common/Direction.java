package dev.conduit.errorprone.common;

/**
 * The direction a channel may be used in: Go's {@code chan<- T}, {@code <-chan T} or {@code chan
 * T}.
 */
public enum Direction {
  /** {@code @SendOnly}: Go's {@code chan<- T}. */
  SEND_ONLY("send-only", "@SendOnly"),
  /** {@code @ReceiveOnly}: Go's {@code <-chan T}. */
  RECEIVE_ONLY("receive-only", "@ReceiveOnly"),
  /** No annotation: Go's {@code chan T}, which may be used both ways. */
  BOTH("bidirectional", "unannotated");

  private final String adjective;
  private final String annotation;

  Direction(String adjective, String annotation) {
    this.adjective = adjective;
    this.annotation = annotation;
  }

  /** How messages describe a channel of this direction, e.g. "send-only". */
  public String adjective() {
    return adjective;
  }

  /** The annotation that declares this direction, e.g. "@SendOnly". */
  public String annotation() {
    return annotation;
  }

  /** Whether an operation of the given kind is allowed on a channel of this direction. */
  public boolean permits(Operation.Kind kind) {
    return switch (this) {
      case BOTH -> true;
      case SEND_ONLY -> kind == Operation.Kind.SEND;
      case RECEIVE_ONLY -> kind == Operation.Kind.RECEIVE;
    };
  }

  /**
   * Whether a channel of this direction may flow into a slot declared with {@code target}: Go lets
   * {@code chan T} narrow to either direction but never widens a directional channel.
   *
   * @param targetIsChannelTyped whether the slot's declared type is itself a channel type (an
   *     {@code Object} or type-variable slot says nothing about direction)
   */
  public boolean assignableTo(Direction target, boolean targetIsChannelTyped) {
    if (this == BOTH || this == target) {
      return true;
    }
    return target == BOTH && !targetIsChannelTyped;
  }
}
