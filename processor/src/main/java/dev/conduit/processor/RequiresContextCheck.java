package dev.conduit.processor;

import dev.conduit.vocabulary.ConduitTypes;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import org.jspecify.annotations.Nullable;

/**
 * {@code @RequiresContext}: the first parameter of each method it covers is a {@code
 * dev.conduit.Context} (or a subtype such as {@code CancellableContext}).
 *
 * <p>On a method it covers that method. On a type it covers the methods the type declares, except
 * constructors, methods the language implies, a program's {@code main}, and overrides: an override
 * cannot change the signature it inherits, so the requirement is checked where that signature is
 * declared. On a package it covers every type of the package, nested ones included, except
 * generated code.
 */
final class RequiresContextCheck {
  private final Elements elements;
  private final ChannelTypes channelTypes;
  private final Overrides overrides;
  private final Reporter reporter;

  RequiresContextCheck(
      Elements elements, ChannelTypes channelTypes, Overrides overrides, Reporter reporter) {
    this.elements = elements;
    this.channelTypes = channelTypes;
    this.overrides = overrides;
    this.reporter = reporter;
  }

  /**
   * Checks a top-level type and its nested types.
   *
   * @param generated whether the type is generated code, which a package's annotation skips
   */
  void check(TypeElement type, boolean generated) {
    AnnotationMirror onPackage = annotation(elements.getPackageOf(type));
    String packageRule =
        onPackage == null || generated
            ? null
            : "@RequiresContext on package " + elements.getPackageOf(type).getQualifiedName();
    checkType(type, packageRule);
  }

  private void checkType(TypeElement type, @Nullable String packageRule) {
    AnnotationMirror onType = annotation(type);
    String typeRule = onType != null ? "@RequiresContext on " + type.getSimpleName() : packageRule;
    if (type.getKind() == ElementKind.ANNOTATION_TYPE && onType == null) {
      typeRule = null; // an annotation's elements cannot have parameters
    }
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD
          && Declarations.isWrittenInSource(elements, member)) {
        ExecutableElement method = (ExecutableElement) member;
        AnnotationMirror onMethod = annotation(method);
        if (onMethod != null) {
          checkMethod(method, "its @RequiresContext", onMethod);
        } else if (typeRule != null
            && !overrides.overridesAnything(method, type)
            && !isRecordAccessor(method, type)
            && !isEnumMethod(method, type)
            && !isMain(method)) {
          checkMethod(method, typeRule, null);
        }
      } else if (member instanceof TypeElement nested) {
        checkType(nested, packageRule);
      }
    }
  }

  private void checkMethod(
      ExecutableElement method, String rule, @Nullable AnnotationMirror onMethod) {
    String name = Declarations.describe(method);
    if (method.getParameters().isEmpty()) {
      reporter.error(
          ErrorId.REQUIRES_CONTEXT,
          name + " takes no parameters, but " + rule + " needs a Context as its first",
          method,
          onMethod);
      return;
    }
    VariableElement first = method.getParameters().get(0);
    if (channelTypes.isCertainlyNotContext(first.asType())) {
      reporter.error(
          ErrorId.REQUIRES_CONTEXT,
          "the first parameter of "
              + name
              + " is a "
              + Declarations.simpleTypeName(first.asType().toString())
              + ", but "
              + rule
              + " needs a Context there (Go's ctx context.Context comes first)",
          first);
    }
  }

  /** A record's accessors take no parameters by definition, so they cannot take a Context. */
  private static boolean isRecordAccessor(ExecutableElement method, TypeElement type) {
    return type.getRecordComponents().stream()
        .anyMatch(component -> method.equals(component.getAccessor()));
  }

  /**
   * A program's {@code main}: where Go's {@code main} calls {@code context.Background()}, since
   * nothing can pass it a Context.
   */
  private static boolean isMain(ExecutableElement method) {
    return method.getSimpleName().contentEquals("main")
        && method.getModifiers().contains(Modifier.STATIC)
        && method.getParameters().size() == 1
        && method.getParameters().get(0).asType().toString().equals("java.lang.String[]");
  }

  /** An enum's {@code values()} and {@code valueOf(String)}, which the language declares. */
  private static boolean isEnumMethod(ExecutableElement method, TypeElement type) {
    String name = method.getSimpleName().toString();
    int parameters = method.getParameters().size();
    return type.getKind() == ElementKind.ENUM
        && ((name.equals("values") && parameters == 0)
            || (name.equals("valueOf")
                && parameters == 1
                && method.getParameters().get(0).asType().toString().equals("java.lang.String")));
  }

  private static @Nullable AnnotationMirror annotation(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (DirectionMarks.nameOf(mirror).equals(ConduitTypes.REQUIRES_CONTEXT)) {
        return mirror;
      }
    }
    return null;
  }
}
