package dev.conduit.processor;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/** Methods every generated channel and end has, whatever its element type. */
final class WriterMethods {
  private WriterMethods() {}

  /**
   * {@code isClosed()}, {@code len()} and {@code cap()}, delegating to the field {@code channel}.
   */
  static void addStateQueries(TypeSpec.Builder type) {
    type.addMethod(
            MethodSpec.methodBuilder("isClosed")
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addJavadoc("Whether the channel has been closed; values may still wait.\n")
                .addStatement("return channel.isClosed()")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("len")
                .addModifiers(Modifier.PUBLIC)
                .returns(int.class)
                .addJavadoc("How many values wait in the buffer now: Go's {@code len(ch)}.\n")
                .addStatement("return channel.len()")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("cap")
                .addModifiers(Modifier.PUBLIC)
                .returns(int.class)
                .addJavadoc("The buffer's capacity, 0 when unbuffered: Go's {@code cap(ch)}.\n")
                .addStatement("return channel.cap()")
                .build());
  }

  /** {@code toString()}: {@code label} followed by the channel's own description. */
  static MethodSpec toStringMethod(String label) {
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $S + channel", label + " ")
        .build();
  }
}
