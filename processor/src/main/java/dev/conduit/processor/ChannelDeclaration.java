package dev.conduit.processor;

import dev.conduit.vocabulary.ConduitTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The declaration step for {@code @GenerateChannel}: validates the annotated type and turns it into
 * a {@link ChannelModel}, or reports why it cannot be a generated channel's element type.
 */
final class ChannelDeclaration {
  private final Elements elements;
  private final Reporter reporter;

  ChannelDeclaration(Elements elements, Reporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  /** The model for {@code type}, or empty after reporting an error. */
  Optional<ChannelModel> read(TypeElement type, AnnotationMirror annotation) {
    if (!type.getTypeParameters().isEmpty()) {
      reporter.error(
          ErrorId.INVALID_ELEMENT_TYPE,
          "@GenerateChannel needs a type without type parameters: a generated channel carries"
              + " one element type, so annotate a concrete type (for example a record holding"
              + " the generic value) instead of "
              + type.getSimpleName()
              + "<"
              + type.getTypeParameters().get(0)
              + (type.getTypeParameters().size() > 1 ? ", ...>" : ">"),
          type.getTypeParameters().get(0));
      return Optional.empty();
    }
    List<String> simpleNames = new ArrayList<>();
    boolean isPublic = true;
    for (Element current = type; ; current = current.getEnclosingElement()) {
      // A type's chain of enclosing elements ends at its package; null never comes first.
      if (current == null || current.getKind() == ElementKind.PACKAGE) {
        break;
      }
      if (!(current instanceof TypeElement)) {
        reporter.error(
            ErrorId.INVALID_ELEMENT_TYPE,
            "@GenerateChannel on a local type: the generated channel lives in the package and"
                + " could not name "
                + type.getSimpleName(),
            type,
            annotation);
        return Optional.empty();
      }
      if (current.getModifiers().contains(Modifier.PRIVATE)) {
        reporter.error(
            ErrorId.INVALID_ELEMENT_TYPE,
            "@GenerateChannel on a type that its package cannot see: "
                + (current == type ? type.getSimpleName() : "its enclosing type " + current)
                + " is private, and the channel is generated beside it in the package",
            type,
            annotation);
        return Optional.empty();
      }
      isPublic &= current.getModifiers().contains(Modifier.PUBLIC);
      simpleNames.add(0, current.getSimpleName().toString());
    }
    String packageName = elements.getPackageOf(type).getQualifiedName().toString();
    return Optional.of(
        new ChannelModel(
            packageName,
            simpleNames,
            String.join("", simpleNames) + "Channel",
            type,
            canUse(type, ConduitTypes.GENERATED, "java.compiler"),
            canUse(type, "org.jspecify.annotations.Nullable", "org.jspecify"),
            isPublic,
            channelTakesContexts(),
            hasNoArgumentMethod(ConduitTypes.CHANNEL, "receiveOptional")));
  }

  /**
   * The primitive channels {@code annotation} asks for, each once per package. Reports values that
   * are not int, long or double, and channels that another type of the package already asked for
   * ({@code owners} maps each generated name to the type that asked first, across rounds).
   */
  List<PrimitiveChannelModel> readPrimitives(
      TypeElement type, AnnotationMirror annotation, Map<String, String> owners) {
    List<PrimitiveChannelModel> models = new ArrayList<>();
    String packageName = elements.getPackageOf(type).getQualifiedName().toString();
    for (AnnotationValue value : primitiveValues(annotation)) {
      if (!(value.getValue() instanceof TypeMirror requested)) {
        continue; // an unresolved class literal: javac reports it
      }
      Optional<PrimitiveKind> kind = PrimitiveKind.of(requested.getKind());
      if (kind.isEmpty()) {
        if (requested.getKind() != TypeKind.ERROR) {
          reporter.error(
              ErrorId.UNSUPPORTED_PRIMITIVE,
              "@GenerateChannel(primitives = ...) takes int.class, long.class and double.class,"
                  + " not "
                  + requested
                  + ".class (a reference type gets its channel from @GenerateChannel on it)",
              type,
              annotation,
              value);
        }
        continue;
      }
      PrimitiveChannelModel model =
          new PrimitiveChannelModel(
              packageName,
              kind.get(),
              type,
              canUse(type, ConduitTypes.GENERATED, "java.compiler"),
              hasNoArgumentMethod(ConduitTypes.RAW_CHANNEL, "receiveOptional"));
      String owner = owners.putIfAbsent(model.qualifiedName(), type.getQualifiedName().toString());
      if (owner != null) {
        reporter.error(
            ErrorId.DUPLICATE_PRIMITIVE_CHANNEL,
            model.qualifiedName()
                + " is already generated for "
                + owner
                + ": request each primitive channel once per package",
            type,
            annotation,
            value);
        continue;
      }
      models.add(model);
    }
    return models;
  }

  private static List<? extends AnnotationValue> primitiveValues(AnnotationMirror annotation) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        annotation.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("primitives")
          && entry.getValue().getValue() instanceof List<?> values) {
        List<AnnotationValue> result = new ArrayList<>();
        for (Object value : values) {
          if (value instanceof AnnotationValue annotationValue) {
            result.add(annotationValue);
          }
        }
        return result;
      }
    }
    return List.of();
  }

  /**
   * Whether the runtime on the class path has {@code Channel.send(Context, T)} and {@code
   * Channel.receive(Context)}: generated channels mirror the {@code Channel} they wrap, so code
   * built against a runtime without them still compiles.
   */
  private boolean channelTakesContexts() {
    TypeElement channel = elements.getTypeElement(ConduitTypes.CHANNEL);
    if (channel == null) {
      return false;
    }
    boolean send = false;
    boolean receive = false;
    for (ExecutableElement method : ElementFilter.methodsIn(channel.getEnclosedElements())) {
      List<? extends VariableElement> parameters = method.getParameters();
      boolean contextFirst =
          !parameters.isEmpty()
              && parameters.get(0).asType().toString().equals(ConduitTypes.CONTEXT);
      send |=
          contextFirst && method.getSimpleName().contentEquals("send") && parameters.size() == 2;
      receive |=
          contextFirst && method.getSimpleName().contentEquals("receive") && parameters.size() == 1;
    }
    return send && receive;
  }

  /**
   * Whether the runtime's {@code typeName} has the method {@code name()}: generated channels offer
   * only what the runtime they wrap has.
   */
  private boolean hasNoArgumentMethod(String typeName, String name) {
    TypeElement type = elements.getTypeElement(typeName);
    return type != null
        && ElementFilter.methodsIn(type.getEnclosedElements()).stream()
            .anyMatch(m -> m.getSimpleName().contentEquals(name) && m.getParameters().isEmpty());
  }

  /**
   * Whether the user's code can refer to {@code typeName}: it must be there, and a named module
   * must read the module it comes from (only direct {@code requires} are recognised, which errs on
   * the side of leaving an annotation out).
   */
  private boolean canUse(TypeElement user, String typeName, String moduleName) {
    if (elements.getTypeElement(typeName) == null) {
      return false;
    }
    ModuleElement module = elements.getModuleOf(user);
    if (module == null || module.isUnnamed()) {
      return true;
    }
    return ElementFilter.requiresIn(module.getDirectives()).stream()
        .anyMatch(
            requires -> requires.getDependency().getQualifiedName().contentEquals(moduleName));
  }
}
