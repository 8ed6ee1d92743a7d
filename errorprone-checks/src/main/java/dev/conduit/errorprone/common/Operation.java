package dev.conduit.errorprone.common;

import dev.conduit.vocabulary.Direction;

/**
 * A use of a channel that needs one direction: a method call, a for-each loop or a select clause.
 *
 * @param kind whether it sends (or closes) or receives
 * @param description how messages name the operation, e.g. {@code "receive()"}
 */
public record Operation(Kind kind, String description) {

  /** The direction an operation needs. */
  public enum Kind {
    /** Sending, closing, or obtaining a sending view. */
    SEND,
    /** Receiving, peeking, iterating, or obtaining a receiving view. */
    RECEIVE;

    /** Whether a channel of {@code direction} allows an operation of this kind. */
    public boolean permittedBy(Direction direction) {
      return this == SEND ? direction.permitsSend() : direction.permitsReceive();
    }
  }
}
