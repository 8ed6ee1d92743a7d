package dev.conduit.processor;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * What to generate for one {@code @GenerateChannel} type: everything the writer needs, already
 * validated, so that writing cannot fail on the user's input.
 *
 * @param packageName the package of the element type and of the generated class
 * @param elementSimpleNames the element type's simple name, after those of its enclosing types
 * @param channelName the generated class's simple name, such as {@code OrderChannel}
 * @param originatingElement the annotated type, registered with the generated file
 * @param withGeneratedAnnotation whether {@code javax.annotation.processing.Generated} is available
 *     to the user's code
 * @param withNullable whether JSpecify's {@code Nullable} is available to the user's code
 * @param isPublic whether the channel is public: only when the element type is public (with all
 *     types enclosing it), so that no public API names a type its users cannot see
 * @param withContextOverloads whether the runtime's {@code Channel} has {@code send(Context, T)}
 *     and {@code receive(Context)}, which the generated channel and ends then offer too
 * @param withReceiveOptional whether the runtime's {@code Channel} has {@code receiveOptional()}
 *     (Go's {@code v, ok := <-ch}), which the generated channel and receive end then offer too,
 *     with its context overload when {@code withContextOverloads}
 */
record ChannelModel(
    String packageName,
    List<String> elementSimpleNames,
    String channelName,
    TypeElement originatingElement,
    boolean withGeneratedAnnotation,
    boolean withNullable,
    boolean isPublic,
    boolean withContextOverloads,
    boolean withReceiveOptional) {

  ChannelModel {
    elementSimpleNames = List.copyOf(elementSimpleNames);
  }

  /** The generated channel's qualified name. */
  String qualifiedChannelName() {
    return packageName.isEmpty() ? channelName : packageName + "." + channelName;
  }

  /** The element type as written in Javadoc and messages: {@code Order}, {@code Outer.Order}. */
  String elementDisplayName() {
    return String.join(".", elementSimpleNames);
  }
}
