package dev.conduit.processor;

import dev.conduit.vocabulary.ConduitTypes;
import dev.conduit.vocabulary.Direction;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import org.jspecify.annotations.Nullable;

/**
 * The direction annotations at one place: a declaration's own type or a type use inside it. Either
 * mirror is null when that annotation is absent.
 */
record DirectionMarks(
    @Nullable AnnotationMirror send,
    @Nullable AnnotationMirror receive,
    @Nullable AnnotationMirror last) {
  static final DirectionMarks NONE = new DirectionMarks(null, null, null);

  /** Picks the direction annotations out of {@code mirrors}. */
  static DirectionMarks of(List<? extends AnnotationMirror> mirrors) {
    AnnotationMirror send = null;
    AnnotationMirror receive = null;
    AnnotationMirror last = null;
    for (AnnotationMirror mirror : mirrors) {
      String name = nameOf(mirror);
      if (send == null && name.equals(ConduitTypes.SEND_ONLY)) {
        send = mirror;
        last = mirror;
      } else if (receive == null && name.equals(ConduitTypes.RECEIVE_ONLY)) {
        receive = mirror;
        last = mirror;
      }
    }
    return send == null && receive == null ? NONE : new DirectionMarks(send, receive, last);
  }

  /**
   * These marks with those of {@code other} added; where both have one annotation, this one's
   * mirror is kept (callers put declaration annotations first, which javac can point to).
   */
  DirectionMarks plus(DirectionMarks other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    AnnotationMirror mergedSend = send != null ? send : other.send;
    AnnotationMirror mergedReceive = receive != null ? receive : other.receive;
    boolean addsNothing = (mergedSend == send) && (mergedReceive == receive);
    return new DirectionMarks(mergedSend, mergedReceive, addsNothing ? last : other.last);
  }

  boolean isEmpty() {
    return send == null && receive == null;
  }

  /** Whether both @SendOnly and @ReceiveOnly are present, which is reported on its own. */
  boolean conflicting() {
    return send != null && receive != null;
  }

  /** The direction stated; {@link Direction#BOTH} when none is, or when they conflict. */
  Direction direction() {
    if (conflicting()) {
      return Direction.BOTH;
    }
    return send != null
        ? Direction.SEND_ONLY
        : receive != null ? Direction.RECEIVE_ONLY : Direction.BOTH;
  }

  /** How messages name the stated direction: "@SendOnly", "bidirectional" or "conflicting". */
  String label() {
    return conflicting() ? "conflicting" : direction().declared();
  }

  /** The annotation that states {@link #direction()}; the later one written when they conflict. */
  @Nullable AnnotationMirror mirror() {
    return last;
  }

  static String nameOf(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }
}
