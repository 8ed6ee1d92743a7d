package dev.conduit.processor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.Types;

/**
 * Tells channel types and the Context type apart, by the qualified names of a type's supertypes, so
 * that it works whether or not the runtime is on the class path.
 */
final class ChannelTypes {

  /** What a type is, as far as direction annotations are concerned. */
  enum Kind {
    /** javac could not resolve the type; it reports that itself, so the checks stay silent. */
    UNKNOWN,
    NOT_A_CHANNEL,
    /** A type with send operations only, such as a generated {@code OrderChannel.SendEnd}. */
    SEND_END,
    /** A type with receive operations only, such as a generated {@code OrderChannel.ReceiveEnd}. */
    RECEIVE_END,
    /** {@code Channel}, a {@code BlockingQueue}, or a full generated channel. */
    CHANNEL
  }

  private final Types types;

  /** Each class's kind, found once: an instance serves one round's checks. */
  private final Map<Element, Kind> kindOfClass = new HashMap<>();

  ChannelTypes(Types types) {
    this.types = types;
  }

  Kind classify(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      // A class's supertypes do not depend on its type arguments, and every method of a program
      // names the same few classes again and again.
      return kindOfClass.computeIfAbsent(((DeclaredType) type).asElement(), unused -> walk(type));
    }
    return walk(type);
  }

  private Kind walk(TypeMirror type) {
    Set<String> names = new HashSet<>();
    if (!collectSupertypeNames(type, names)) {
      return Kind.UNKNOWN;
    }
    if (names.contains(Names.CHANNEL) || names.contains(Names.BLOCKING_QUEUE)) {
      return Kind.CHANNEL;
    }
    boolean sends = names.contains(Names.SEND_SELECTABLE);
    boolean receives = names.contains(Names.RECEIVE_SELECTABLE);
    if (sends && receives) {
      return Kind.CHANNEL;
    }
    return sends ? Kind.SEND_END : receives ? Kind.RECEIVE_END : Kind.NOT_A_CHANNEL;
  }

  /**
   * Whether {@code type} is certainly not {@code dev.conduit.Context} nor a subtype of it. An
   * unresolved type is not certain, so no error is reported on it.
   */
  boolean isCertainlyNotContext(TypeMirror type) {
    Set<String> names = new HashSet<>();
    return collectSupertypeNames(type, names) && !names.contains(Names.CONTEXT);
  }

  /**
   * Adds the qualified names of {@code type} and all its supertypes to {@code names}; returns false
   * if some of them could not be resolved.
   */
  private boolean collectSupertypeNames(TypeMirror type, Set<String> names) {
    switch (type.getKind()) {
      case ERROR:
      case WILDCARD:
        // Unresolved, or a wildcard whose bound decides: no error can be certain.
        return false;
      case DECLARED:
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        if (!names.add(element.getQualifiedName().toString())) {
          return true;
        }
        for (TypeMirror supertype : types.directSupertypes(type)) {
          if (!collectSupertypeNames(supertype, names)) {
            return false;
          }
        }
        return true;
      case TYPEVAR:
        return collectSupertypeNames(((TypeVariable) type).getUpperBound(), names);
      case INTERSECTION:
        for (TypeMirror bound : ((IntersectionType) type).getBounds()) {
          if (!collectSupertypeNames(bound, names)) {
            return false;
          }
        }
        return true;
      default:
        // Primitives, arrays, void: none of them is a channel or a Context.
        return true;
    }
  }
}
