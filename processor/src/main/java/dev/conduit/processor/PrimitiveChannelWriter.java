package dev.conduit.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The writer step for primitive channels: an {@code IntChannel} (or long, double) over the
 * runtime's {@code RawChannel}, with send and receive ends shaped like those of {@link
 * ChannelWriter}'s channels. Values cross as their bits, so nothing boxes.
 */
final class PrimitiveChannelWriter {
  private static final ClassName RAW = ClassName.get("dev.conduit", "RawChannel");
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName OPTIONAL_LONG = ClassName.get("java.util", "OptionalLong");
  private static final ClassName LONG_ITERATOR =
      ClassName.get("java.util", "PrimitiveIterator", "OfLong");

  private final PrimitiveChannelModel model;
  private final PrimitiveKind kind;
  private final TypeName value;
  private final ClassName channel;
  private final ClassName sendEnd;
  private final ClassName receiveEnd;
  private final ClassName optional;
  private final ClassName iterator;
  private final ClassName consumer;

  PrimitiveChannelWriter(PrimitiveChannelModel model) {
    this.model = model;
    this.kind = model.kind();
    this.value =
        switch (kind) {
          case INT -> TypeName.INT;
          case LONG -> TypeName.LONG;
          case DOUBLE -> TypeName.DOUBLE;
        };
    this.channel = ClassName.get(model.packageName(), kind.channelName());
    this.sendEnd = channel.nestedClass("SendEnd");
    this.receiveEnd = channel.nestedClass("ReceiveEnd");
    this.optional = ClassName.get("java.util", "Optional" + kind.title);
    this.iterator = ClassName.get("java.util", "PrimitiveIterator", "Of" + kind.title);
    this.consumer = ClassName.get("java.util.function", kind.title + "Consumer");
  }

  JavaFile write() {
    String name = kind.keyword;
    TypeSpec.Builder type =
        TypeSpec.classBuilder(channel)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addOriginatingElement(model.originatingElement())
            .addJavadoc(
                "A channel of {@code $L} values that never boxes them: Go's {@code chan $L},"
                    + " generated for {@code @GenerateChannel(primitives = $L.class)} on {@code"
                    + " $L}.\n\n",
                name,
                name,
                name,
                model.originatingElement().getSimpleName())
            .addJavadoc(
                "<p>It behaves like {@link dev.conduit.Channel} (blocking, closing, iteration),"
                    + " except that it cannot take part in a {@link dev.conduit.Select} and"
                    + " {@link #tryReceive()} returns an {@link $T}. Sends into a buffer with room"
                    + " and receives of buffered values allocate nothing. Pass {@link #sendEnd()}"
                    + " or {@link #receiveEnd()} where Go passes {@code chan<- $L} or {@code"
                    + " <-chan $L}.\n",
                optional,
                name,
                name)
            .addField(RAW, "channel", Modifier.PRIVATE, Modifier.FINAL)
            .addField(sendEnd, "sendEnd", Modifier.PRIVATE, Modifier.FINAL)
            .addField(receiveEnd, "receiveEnd", Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(RAW, "channel")
                    .addStatement("this.channel = channel")
                    .addStatement("this.sendEnd = new $T(channel)", sendEnd)
                    .addStatement("this.receiveEnd = new $T(channel)", receiveEnd)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("unbuffered")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(channel)
                    .addJavadoc("A channel without a buffer: each send waits for a receiver.\n")
                    .addStatement("return new $T($T.create(0))", channel, RAW)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("buffered")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(channel)
                    .addParameter(int.class, "capacity")
                    .addJavadoc(
                        "A channel that holds up to {@code capacity} values nobody has received"
                            + " yet.\n\n@throws IllegalArgumentException if {@code capacity} is"
                            + " negative\n")
                    .addStatement("return new $T($T.create(capacity))", channel, RAW)
                    .build());
    sendOperations(type);
    receiveOperations(type);
    WriterMethods.addStateQueries(type);
    type.addMethod(
            MethodSpec.methodBuilder("sendEnd")
                .addModifiers(Modifier.PUBLIC)
                .returns(sendEnd)
                .addJavadoc("The send end of this channel (Go's {@code chan<- $L}).\n", name)
                .addStatement("return sendEnd")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("receiveEnd")
                .addModifiers(Modifier.PUBLIC)
                .returns(receiveEnd)
                .addJavadoc("The receive end of this channel (Go's {@code <-chan $L}).\n", name)
                .addStatement("return receiveEnd")
                .build())
        .addMethod(WriterMethods.toStringMethod(kind.channelName()))
        .addType(endType(true))
        .addType(endType(false));
    if (model.withGeneratedAnnotation()) {
      type.addAnnotation(
          AnnotationSpec.builder(GENERATED)
              .addMember("value", "$S", ConduitProcessor.class.getName())
              .build());
    }
    return JavaFile.builder(model.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  private TypeSpec endType(boolean sending) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(sending ? sendEnd : receiveEnd)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                sending
                    ? "The send end of an {@link $T}: Go's {@code chan<- $L}. It can send and"
                        + " close, and has no operation that receives nor any way to reach the"
                        + " channel itself.\n"
                    : "The receive end of an {@link $T}: Go's {@code <-chan $L}. It can"
                        + " receive, and has no operation that sends or closes nor any way to"
                        + " reach the channel itself.\n",
                channel,
                kind.keyword)
            .addField(RAW, "channel", Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(RAW, "channel")
                    .addStatement("this.channel = channel")
                    .build());
    if (sending) {
      sendOperations(type);
    } else {
      receiveOperations(type);
    }
    WriterMethods.addStateQueries(type);
    type.addMethod(
        WriterMethods.toStringMethod(kind.channelName() + (sending ? ".SendEnd" : ".ReceiveEnd")));
    return type.build();
  }

  private void sendOperations(TypeSpec.Builder type) {
    type.addMethod(
            MethodSpec.methodBuilder("send")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(value, "value")
                .addJavadoc(
                    "Sends {@code value}, blocking until a receiver takes it or the buffer has"
                        + " room: Go's {@code ch <- value}.\n")
                .addStatement("channel.send(" + kind.toBits + ")", "value")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("trySend")
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(value, "value")
                .addJavadoc(
                    "Sends {@code value} only if that needs no waiting; returns whether it was"
                        + " sent.\n")
                .addStatement("return channel.trySend(" + kind.toBits + ")", "value")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("close")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Closes the channel: no more values may be sent.\n")
                .addStatement("channel.close()")
                .build());
  }

  private void receiveOperations(TypeSpec.Builder type) {
    TypeSpec iteratorType =
        TypeSpec.anonymousClassBuilder("")
            .addSuperinterface(iterator)
            .addField(LONG_ITERATOR, "bits", Modifier.PRIVATE, Modifier.FINAL)
            .addInitializerBlock(CodeBlock.of("bits = channel.iterator();\n"))
            .addMethod(
                MethodSpec.methodBuilder("hasNext")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(boolean.class)
                    .addStatement("return bits.hasNext()")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("next" + kind.title)
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(value)
                    .addStatement("return " + kind.fromBits, "bits.nextLong()")
                    .build())
            .build();
    type.addMethod(
            MethodSpec.methodBuilder("receive")
                .addModifiers(Modifier.PUBLIC)
                .returns(value)
                .addJavadoc(
                    "Receives the next value, blocking until one is sent: Go's {@code v :="
                        + " <-ch}.\n\n@throws dev.conduit.ChannelClosedException if the channel"
                        + " is closed and drained\n")
                .addStatement("return " + kind.fromBits, "channel.receive()")
                .build())
        .addMethods(receiveOptional())
        .addMethod(
            MethodSpec.methodBuilder("tryReceive")
                .addModifiers(Modifier.PUBLIC)
                .returns(optional)
                .addJavadoc(
                    "Receives a value only if one is available now; empty otherwise, including"
                        + " once the channel is closed and drained.\n")
                .addStatement("$T bits = channel.tryReceive()", OPTIONAL_LONG)
                .addStatement(
                    "return bits.isPresent() ? $T.of(" + kind.fromBits + ") : $T.empty()",
                    optional,
                    "bits.getAsLong()",
                    optional)
                .build())
        .addMethod(
            MethodSpec.methodBuilder("iterator")
                .addModifiers(Modifier.PUBLIC)
                .returns(iterator)
                .addJavadoc(
                    "Receives values until the channel is closed and drained: Go's {@code for v"
                        + " := range ch}. {@code next$L()} does not box.\n",
                    kind.title)
                .addStatement("return $L", iteratorType)
                .build())
        .addMethod(
            MethodSpec.methodBuilder("forEach")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(consumer, "action")
                .addJavadoc(
                    "Receives values until the channel is closed and drained, passing each to"
                        + " {@code action}: Go's {@code for v := range ch}, without boxing.\n")
                .beginControlFlow("for ($T values = iterator(); values.hasNext(); )", iterator)
                .addStatement("action.accept(values.next$L())", kind.title)
                .endControlFlow()
                .build());
  }

  private List<MethodSpec> receiveOptional() {
    if (!model.withReceiveOptional()) {
      return List.of();
    }
    return List.of(
        MethodSpec.methodBuilder("receiveOptional")
            .addModifiers(Modifier.PUBLIC)
            .returns(optional)
            .addJavadoc(
                "Receives the next value, blocking until one is sent; empty once the channel is"
                    + " closed and drained: Go's {@code v, ok := <-ch}.\n")
            .addStatement("$T bits = channel.receiveOptional()", OPTIONAL_LONG)
            .addStatement(
                "return bits.isPresent() ? $T.of(" + kind.fromBits + ") : $T.empty()",
                optional,
                "bits.getAsLong()",
                optional)
            .build());
  }
}
