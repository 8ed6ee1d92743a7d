package dev.conduit.processor;

import javax.lang.model.element.Element;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Walks the places of a declaration's type where a direction annotation can sit: the type itself
 * and, recursively, its type arguments, array components and wildcard bounds ({@code List<@SendOnly
 * Channel<Job>>}).
 *
 * <p>An annotation written before a declaration is both a declaration annotation and a type
 * annotation. Following the Java language rules on which type such an annotation applies to, it is
 * counted on the declaration's type, or on the innermost component of an array type
 * ({@code @SendOnly Channel<Job>[]} is an array of send-only channels).
 */
final class DirectionPositions {

  /** Receives each place that carries a direction annotation, outermost first. */
  interface Visitor {
    void visit(TypeMirror type, DirectionMarks marks, boolean declarationType);
  }

  private DirectionPositions() {}

  static void walk(Element declaration, TypeMirror type, Visitor visitor) {
    walk(type, DirectionMarks.of(declaration.getAnnotationMirrors()), true, visitor);
  }

  /** The direction stated for the declaration's type itself (not for what it contains). */
  static DirectionMarks topLevel(Element declaration, TypeMirror type) {
    DirectionMarks marks = DirectionMarks.of(type.getAnnotationMirrors());
    if (type.getKind() != TypeKind.ARRAY) {
      marks = DirectionMarks.of(declaration.getAnnotationMirrors()).plus(marks);
    }
    return marks;
  }

  private static void walk(
      TypeMirror type, DirectionMarks inherited, boolean declarationType, Visitor visitor) {
    DirectionMarks own = DirectionMarks.of(type.getAnnotationMirrors());
    if (type.getKind() == TypeKind.ARRAY) {
      ArrayType array = (ArrayType) type;
      if (!own.isEmpty()) {
        visitor.visit(type, own, declarationType);
      }
      walk(array.getComponentType(), inherited, false, visitor);
      return;
    }
    DirectionMarks marks = inherited.plus(own);
    if (!marks.isEmpty()) {
      visitor.visit(type, marks, declarationType);
    }
    if (type.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) type;
      for (TypeMirror argument : declared.getTypeArguments()) {
        walk(argument, DirectionMarks.NONE, false, visitor);
      }
    } else if (type.getKind() == TypeKind.WILDCARD) {
      WildcardType wildcard = (WildcardType) type;
      if (wildcard.getExtendsBound() != null) {
        walk(wildcard.getExtendsBound(), DirectionMarks.NONE, false, visitor);
      }
      if (wildcard.getSuperBound() != null) {
        walk(wildcard.getSuperBound(), DirectionMarks.NONE, false, visitor);
      }
    }
  }
}
