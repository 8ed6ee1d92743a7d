package dev.conduit.processor;

import dev.conduit.vocabulary.Direction;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import org.jspecify.annotations.Nullable;

/**
 * An override may not change the channel direction its callers rely on. Through the overridden
 * method, callers pass channels of its parameters' directions and receive one of its return type's
 * direction, so, by Go's rule that only a bidirectional channel converts to a directional one:
 *
 * <ul>
 *   <li>a parameter that is directional in the overridden method keeps that direction (dropping it
 *       would let the override send on a channel its callers gave only for receiving);
 *   <li>a directional return type must be directional the same way in the overridden method.
 * </ul>
 *
 * Narrowing is fine: an override may take a bidirectional parameter as directional, and may return
 * a bidirectional channel where a directional one is declared.
 */
final class OverrideDirectionCheck {
  private final Elements elements;
  private final ChannelTypes channelTypes;
  private final Overrides overrides;
  private final Reporter reporter;

  OverrideDirectionCheck(
      Elements elements, ChannelTypes channelTypes, Overrides overrides, Reporter reporter) {
    this.elements = elements;
    this.channelTypes = channelTypes;
    this.overrides = overrides;
    this.reporter = reporter;
  }

  /**
   * Only channels carry a direction to keep: a direction annotation on anything else is {@link
   * DirectionCheck}'s error, and reporting it again here as an override would be noise.
   */
  private boolean isChannel(TypeMirror type) {
    ChannelTypes.Kind kind = channelTypes.classify(type);
    return kind != ChannelTypes.Kind.NOT_A_CHANNEL && kind != ChannelTypes.Kind.UNKNOWN;
  }

  void check(TypeElement type) {
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD
          && Declarations.isWrittenInSource(elements, member)) {
        checkMethod((ExecutableElement) member, type);
      } else if (member instanceof TypeElement nested) {
        check(nested);
      }
    }
  }

  private void checkMethod(ExecutableElement method, TypeElement owner) {
    // Cheap first: only a channel in the method's own signature has a direction to keep, and
    // finding what the method overrides walks every supertype's members.
    if (!hasChannelInSignature(method)) {
      return;
    }
    List<ExecutableElement> overridden = overrides.overridden(method, owner);
    if (overridden.isEmpty()) {
      return;
    }
    checkReturn(method, overridden);
    for (int i = 0; i < method.getParameters().size(); i++) {
      checkParameter(method, i, overridden);
    }
  }

  private boolean hasChannelInSignature(ExecutableElement method) {
    if (isChannel(method.getReturnType())) {
      return true;
    }
    for (VariableElement parameter : method.getParameters()) {
      if (isChannel(parameter.asType())) {
        return true;
      }
    }
    return false;
  }

  private void checkReturn(ExecutableElement method, List<ExecutableElement> overridden) {
    DirectionMarks ownMarks = DirectionPositions.topLevel(method, method.getReturnType());
    Direction own = ownMarks.direction();
    if (own == Direction.BOTH || ownMarks.conflicting() || !isChannel(method.getReturnType())) {
      return;
    }
    for (ExecutableElement superMethod : overridden) {
      DirectionMarks declaredMarks =
          DirectionPositions.topLevel(superMethod, superMethod.getReturnType());
      Direction declared = declaredMarks.direction();
      if (!declaredMarks.conflicting() && !own.assignableTo(declared)) {
        RecordComponentElement component = componentRepeatedBy(method);
        if (component != null) {
          // An implicit accessor has no position of its own: the component is what the user wrote.
          reporter.error(
              ErrorId.OVERRIDE_DIRECTION,
              "record component '"
                  + component.getSimpleName()
                  + "' is "
                  + own.declared()
                  + ", but "
                  + Declarations.describeQualified(superMethod)
                  + ", which its accessor implements, returns a "
                  + declared.declared()
                  + " channel",
              component,
              DirectionMarks.of(component.getAnnotationMirrors()).mirror());
          return;
        }
        reporter.error(
            ErrorId.OVERRIDE_DIRECTION,
            Declarations.describe(method)
                + " returns a "
                + own.declared()
                + " channel, but "
                + Declarations.describeQualified(superMethod)
                + ", which it overrides, returns a "
                + declared.declared()
                + " one",
            method,
            DirectionMarks.of(method.getAnnotationMirrors()).mirror());
        return;
      }
    }
  }

  /**
   * The record component whose accessor {@code method} is, when the accessor only repeats it
   * (implicit, or written with the component's own direction); null otherwise.
   */
  private static @Nullable RecordComponentElement componentRepeatedBy(ExecutableElement method) {
    if (!(method.getEnclosingElement() instanceof TypeElement owner)
        || owner.getKind() != ElementKind.RECORD
        || !Declarations.repeatsRecordComponent(method, owner)) {
      return null;
    }
    for (RecordComponentElement component : owner.getRecordComponents()) {
      if (method.equals(component.getAccessor())) {
        return component;
      }
    }
    return null;
  }

  private void checkParameter(
      ExecutableElement method, int index, List<ExecutableElement> overridden) {
    VariableElement parameter = method.getParameters().get(index);
    DirectionMarks ownMarks = DirectionPositions.topLevel(parameter, parameter.asType());
    Direction own = ownMarks.direction();
    if (ownMarks.conflicting() || !isChannel(parameter.asType())) {
      return;
    }
    for (ExecutableElement superMethod : overridden) {
      VariableElement superParameter = superMethod.getParameters().get(index);
      if (!isChannel(superParameter.asType())) {
        continue;
      }
      DirectionMarks declaredMarks =
          DirectionPositions.topLevel(superParameter, superParameter.asType());
      Direction declared = declaredMarks.direction();
      if (!declaredMarks.conflicting() && !declared.assignableTo(own)) {
        reporter.error(
            ErrorId.OVERRIDE_DIRECTION,
            "parameter '"
                + parameter
                + "' is "
                + own.declared()
                + " but "
                + declared.declared()
                + " in "
                + Declarations.describeQualified(superMethod)
                + ", which "
                + Declarations.describe(method)
                + " overrides: callers pass it a "
                + declared.declared()
                + " channel",
            parameter,
            DirectionMarks.of(parameter.getAnnotationMirrors()).mirror());
        return;
      }
    }
  }
}
