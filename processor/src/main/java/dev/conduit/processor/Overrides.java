package dev.conduit.processor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Finds the methods a method overrides, in every supertype, nearest first. */
final class Overrides {
  private final Elements elements;
  private final Types types;

  Overrides(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  List<ExecutableElement> overridden(ExecutableElement method, TypeElement owner) {
    List<ExecutableElement> result = new ArrayList<>();
    if (method.getKind() != ElementKind.METHOD
        || method.getModifiers().contains(Modifier.STATIC)
        || method.getModifiers().contains(Modifier.PRIVATE)) {
      return result;
    }
    Set<String> seen = new HashSet<>();
    Deque<TypeMirror> queue = new ArrayDeque<>(types.directSupertypes(owner.asType()));
    while (!queue.isEmpty()) {
      TypeMirror supertype = queue.removeFirst();
      if (supertype.getKind() != TypeKind.DECLARED) {
        continue; // an unresolved supertype: javac reports it
      }
      TypeElement superElement = (TypeElement) ((DeclaredType) supertype).asElement();
      if (!seen.add(superElement.getQualifiedName().toString())) {
        continue;
      }
      for (Element member : superElement.getEnclosedElements()) {
        if (member.getKind() == ElementKind.METHOD
            && member.getSimpleName().contentEquals(method.getSimpleName())
            && elements.overrides(method, (ExecutableElement) member, owner)) {
          result.add((ExecutableElement) member);
        }
      }
      queue.addAll(types.directSupertypes(supertype));
    }
    return result;
  }

  /** Whether {@code method} overrides anything, including {@code Object}'s methods. */
  boolean overridesAnything(ExecutableElement method, TypeElement owner) {
    return !overridden(method, owner).isEmpty() || isObjectMethod(method);
  }

  /** Interfaces may redeclare {@code Object}'s public methods without overriding them. */
  private static boolean isObjectMethod(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    int parameters = method.getParameters().size();
    return (parameters == 0 && (name.equals("hashCode") || name.equals("toString")))
        || (parameters == 1
            && name.equals("equals")
            && method.getParameters().get(0).asType().toString().equals("java.lang.Object"));
  }
}
