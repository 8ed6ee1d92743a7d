package dev.conduit.processor;

import java.util.Objects;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/** Small questions about declarations that several checks ask. */
final class Declarations {
  private Declarations() {}

  /**
   * Whether the user wrote {@code element}, rather than the language implying it (an enum's {@code
   * values()}, a default constructor, a record's implicit members).
   */
  static boolean isWrittenInSource(Elements elements, Element element) {
    return elements.getOrigin(element) == Elements.Origin.EXPLICIT;
  }

  /**
   * Whether {@code declaration}, a record's accessor or a parameter of one of its constructors,
   * only repeats a record component: javac copies a component's annotations to its accessor and
   * canonical constructor parameter, so checking the components is enough and reports each mistake
   * once.
   */
  static boolean repeatsRecordComponent(Element declaration, TypeElement record) {
    for (RecordComponentElement component : record.getRecordComponents()) {
      boolean same =
          declaration.getKind() == ElementKind.PARAMETER
              ? declaration.getSimpleName().contentEquals(component.getSimpleName())
              : declaration.equals(component.getAccessor());
      if (same && directions(declaration).equals(directions(component))) {
        return true;
      }
    }
    return false;
  }

  /** The directions stated on a declaration and inside its type, as text to compare. */
  private static String directions(Element element) {
    TypeMirror type =
        element instanceof ExecutableElement method ? method.getReturnType() : element.asType();
    return DirectionPositions.topLevel(element, type).label() + " " + type;
  }

  /** {@code name(ParameterType, ...)} for messages. */
  static String describe(ExecutableElement method) {
    StringBuilder text = new StringBuilder();
    text.append(
        method.getKind() == ElementKind.CONSTRUCTOR
            ? owner(method).getSimpleName()
            : method.getSimpleName());
    text.append('(');
    for (int i = 0; i < method.getParameters().size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(simpleTypeName(method.getParameters().get(i).asType().toString()));
    }
    return text.append(')').toString();
  }

  /** {@code Type.method(...)} for messages about another type's method. */
  static String describeQualified(ExecutableElement method) {
    return owner(method).getSimpleName() + "." + describe(method);
  }

  /** The type that declares {@code method}; a method always has one. */
  private static Element owner(ExecutableElement method) {
    return Objects.requireNonNull(method.getEnclosingElement(), "a method without a type");
  }

  /** Drops package names and type annotations from a type's text, for short messages. */
  static String simpleTypeName(String type) {
    String withoutAnnotations =
        type.replaceAll("@[\\w.]+(\\([^)]*\\))?\\s*", "").replaceAll("\\s+\\[", "[").trim();
    return withoutAnnotations.replaceAll("\\b[a-z][\\w]*\\.", "");
  }
}
