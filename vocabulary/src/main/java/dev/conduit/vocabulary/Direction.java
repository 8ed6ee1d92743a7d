package dev.conduit.vocabulary;

/**
 * The direction a channel may be used in: Go's {@code chan<- T}, {@code <-chan T} or {@code chan
 * T}, stated in Java with {@code @SendOnly}, {@code @ReceiveOnly} or no annotation.
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

  /** How messages describe a channel of this direction: "send-only", "bidirectional". */
  public String adjective() {
    return adjective;
  }

  /** The annotation that declares this direction ("@SendOnly"), or "unannotated". */
  public String annotation() {
    return annotation;
  }

  /**
   * How a declaration's direction is named in messages about what it declares: its annotation
   * ("@SendOnly"), or "bidirectional" for a channel declared without one.
   */
  public String declared() {
    return this == BOTH ? adjective : annotation;
  }

  /** Whether a channel of this direction may send (and close). */
  public boolean permitsSend() {
    return this != RECEIVE_ONLY;
  }

  /** Whether a channel of this direction may receive (and be iterated). */
  public boolean permitsReceive() {
    return this != SEND_ONLY;
  }

  /**
   * Go's assignability: a channel of this direction may go where one of {@code target}'s is
   * declared. {@code chan T} narrows to either direction; a directional channel never widens.
   */
  public boolean assignableTo(Direction target) {
    return this == target || this == BOTH;
  }

  /**
   * As {@link #assignableTo(Direction)}, where the target may also be a slot whose declared type is
   * not a channel type (an {@code Object} or a type variable), which says nothing about direction
   * and so takes a channel of any.
   *
   * @param targetIsChannelTyped whether the target's declared type is itself a channel type
   */
  public boolean assignableTo(Direction target, boolean targetIsChannelTyped) {
    return assignableTo(target) || (target == BOTH && !targetIsChannelTyped);
  }
}
