package dev.conduit.processor;

import java.util.Arrays;
import java.util.List;

/**
 * The stable ids that start every message of the processor, in brackets. Users and tools may search
 * for them, so an id never changes meaning once released.
 *
 * <p>This is the one list of them: conduit-vet's {@code --rules} and its help, and the editor
 * integration, take the processor's ids from {@link #ids()} rather than keeping their own.
 */
public enum ErrorId {
  /** {@code @SendOnly} and {@code @ReceiveOnly} on the same element or type use. */
  CONFLICTING_DIRECTIONS("ConduitConflictingDirections"),
  /** {@code @SendOnly} or {@code @ReceiveOnly} on a type that is not a channel type. */
  DIRECTION_ON_NON_CHANNEL("ConduitDirectionOnNonChannel"),
  /** A direction annotation that contradicts a type that has only the other direction. */
  DIRECTION_CONTRADICTS_TYPE("ConduitDirectionContradictsType"),
  /** A method covered by {@code @RequiresContext} whose first parameter is not a Context. */
  REQUIRES_CONTEXT("ConduitRequiresContext"),
  /** An override that changes the channel direction of a parameter or return type. */
  OVERRIDE_DIRECTION("ConduitOverrideDirection"),
  /** {@code @GenerateChannel} on a type that cannot be a generated channel's element type. */
  INVALID_ELEMENT_TYPE("ConduitInvalidElementType"),
  /** {@code GenerateChannel.primitives()} names a type other than int, long or double. */
  UNSUPPORTED_PRIMITIVE("ConduitUnsupportedPrimitive"),
  /** The same primitive channel requested twice for one package. */
  DUPLICATE_PRIMITIVE_CHANNEL("ConduitDuplicatePrimitiveChannel"),
  /** A generated file could not be written (the file system, or another processor, is at fault). */
  WRITE_FAILED("ConduitWriteFailed"),
  /** A bug in the processor itself; the message asks for a report. */
  INTERNAL_ERROR("ConduitInternalError");

  private final String id;

  ErrorId(String id) {
    this.id = id;
  }

  /** The id as it appears in messages, {@code ConduitXxx}. */
  public String id() {
    return id;
  }

  /** Every id, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(ErrorId::id).toList();
  }

  /** Whether {@code id} is one of the processor's ids. */
  public static boolean isId(String id) {
    return ids().contains(id);
  }

  /** The message with its id in front: {@code [ConduitXxx] message}. */
  String format(String message) {
    return "[" + id + "] " + message;
  }
}
