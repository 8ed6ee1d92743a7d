package dev.conduit.processor;

import dev.conduit.vocabulary.Direction;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * {@code @SendOnly}/{@code @ReceiveOnly} where they can be seen without method bodies (fields,
 * parameters, method returns, record components and the type uses inside their types): never both
 * at one place, and only on channel types.
 */
final class DirectionCheck {
  private final Elements elements;
  private final ChannelTypes channelTypes;
  private final Reporter reporter;

  DirectionCheck(Elements elements, ChannelTypes channelTypes, Reporter reporter) {
    this.elements = elements;
    this.channelTypes = channelTypes;
    this.reporter = reporter;
  }

  /** Checks the declarations {@code type} and its nested types declare. */
  void check(TypeElement type) {
    boolean record = type.getKind() == ElementKind.RECORD;
    for (RecordComponentElement component : type.getRecordComponents()) {
      checkDeclaration(component, component.asType(), "record component '" + component + "'");
    }
    for (Element member : type.getEnclosedElements()) {
      if (!Declarations.isWrittenInSource(elements, member)) {
        continue;
      }
      switch (member.getKind()) {
        case FIELD -> {
          // A record's instance fields, accessors and canonical parameters repeat its components.
          if (!record || member.getModifiers().contains(Modifier.STATIC)) {
            checkDeclaration(member, member.asType(), "field '" + member + "'");
          }
        }
        case METHOD, CONSTRUCTOR -> checkExecutable((ExecutableElement) member, type, record);
        default -> {
          if (member instanceof TypeElement nested) {
            check(nested);
          }
        }
      }
    }
  }

  private void checkExecutable(ExecutableElement method, TypeElement owner, boolean record) {
    // The method's description is built only for a message: most methods never need one.
    Supplier<String> name = () -> Declarations.describe(method);
    if (method.getKind() == ElementKind.METHOD
        && !(record && Declarations.repeatsRecordComponent(method, owner))) {
      checkDeclaration(method, method.getReturnType(), () -> "return type of " + name.get());
    }
    for (VariableElement parameter : method.getParameters()) {
      boolean repeats =
          record
              && method.getKind() == ElementKind.CONSTRUCTOR
              && Declarations.repeatsRecordComponent(parameter, owner);
      if (!repeats) {
        checkDeclaration(
            parameter, parameter.asType(), () -> "parameter '" + parameter + "' of " + name.get());
      }
    }
  }

  private void checkDeclaration(Element declaration, TypeMirror type, String where) {
    checkDeclaration(declaration, type, () -> where);
  }

  private void checkDeclaration(Element declaration, TypeMirror type, Supplier<String> where) {
    DirectionPositions.walk(
        declaration,
        type,
        (position, marks, declarationType) -> {
          String place =
              declarationType
                  ? where.get()
                  : "type " + display(position) + " in the " + where.get();
          checkPosition(declaration, position, marks, place);
        });
  }

  private void checkPosition(
      Element declaration, TypeMirror position, DirectionMarks marks, String place) {
    Direction direction = marks.direction();
    if (marks.conflicting()) {
      reporter.error(
          ErrorId.CONFLICTING_DIRECTIONS,
          "@SendOnly and @ReceiveOnly on the "
              + place
              + ": a channel is send-only, receive-only or both, so keep at most one",
          declaration,
          marks.mirror());
      return;
    }
    ChannelTypes.Kind kind = channelTypes.classify(position);
    String annotation = direction.declared();
    switch (kind) {
      case NOT_A_CHANNEL ->
          reporter.error(
              ErrorId.DIRECTION_ON_NON_CHANNEL,
              annotation
                  + " on the "
                  + place
                  + ", which is "
                  + display(position)
                  + ": only channel types (Channel, generated channels and their ends, the"
                  + " BlockingQueue family) have a direction",
              declaration,
              marks.mirror());
      case SEND_END, RECEIVE_END -> {
        boolean contradicts =
            (kind == ChannelTypes.Kind.SEND_END) != (direction == Direction.SEND_ONLY);
        if (contradicts) {
          reporter.error(
              ErrorId.DIRECTION_CONTRADICTS_TYPE,
              annotation
                  + " on the "
                  + place
                  + ", but "
                  + display(position)
                  + " can only "
                  + (kind == ChannelTypes.Kind.SEND_END ? "send" : "receive"),
              declaration,
              marks.mirror());
        }
      }
      case CHANNEL, UNKNOWN -> {}
    }
  }

  private static String display(TypeMirror type) {
    return Declarations.simpleTypeName(type.toString());
  }
}
