package dev.conduit.processor;

import javax.lang.model.element.TypeElement;

/**
 * What to generate for one primitive element type requested through {@code
 * GenerateChannel.primitives()}.
 *
 * @param packageName the package of the type that asked for it, where the channel is generated
 * @param kind the primitive element type
 * @param originatingElement the annotated type, registered with the generated file
 * @param withGeneratedAnnotation whether {@code javax.annotation.processing.Generated} is available
 *     to the user's code
 * @param withReceiveOptional whether the runtime's {@code RawChannel} has {@code
 *     receiveOptional()}, which the generated channel and receive end then offer too
 */
record PrimitiveChannelModel(
    String packageName,
    PrimitiveKind kind,
    TypeElement originatingElement,
    boolean withGeneratedAnnotation,
    boolean withReceiveOptional) {

  String qualifiedName() {
    return packageName.isEmpty() ? kind.channelName() : packageName + "." + kind.channelName();
  }
}
