package dev.conduit.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.jspecify.annotations.Nullable;

/**
 * Reports errors with their id, as precisely as the caller can place them. Only the declaration
 * step uses it; the writer never reports.
 */
final class Reporter {
  private final Messager messager;

  Reporter(Messager messager) {
    this.messager = messager;
  }

  void error(ErrorId id, String message, Element element) {
    messager.printMessage(Diagnostic.Kind.ERROR, id.format(message), element);
  }

  /** {@code annotation} may be null when the annotation sits where javac cannot point to it. */
  void error(ErrorId id, String message, Element element, @Nullable AnnotationMirror annotation) {
    if (annotation == null) {
      error(id, message, element);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, id.format(message), element, annotation);
    }
  }

  void error(
      ErrorId id,
      String message,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value) {
    messager.printMessage(Diagnostic.Kind.ERROR, id.format(message), element, annotation, value);
  }
}
