package dev.conduit.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The writer step: turns a {@link ChannelModel} into the source of a typed channel and its two
 * ends. It never reports anything; every decision that could fail was made in {@link
 * ChannelDeclaration}. The output depends on the model only, so it is the same on every build.
 */
final class ChannelWriter {
  private static final String CONDUIT = "dev.conduit";
  private static final ClassName CHANNEL = ClassName.get(CONDUIT, "Channel");
  private static final ClassName SELECT_HANDLE = ClassName.get(CONDUIT, "SelectHandle");
  private static final ClassName SEND_SELECTABLE = ClassName.get(CONDUIT, "SendSelectable");
  private static final ClassName RECEIVE_SELECTABLE = ClassName.get(CONDUIT, "ReceiveSelectable");
  private static final ClassName CONTEXT = ClassName.get(CONDUIT, "Context");
  private static final ClassName ITERATOR = ClassName.get("java.util", "Iterator");
  private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName NULLABLE = ClassName.get("org.jspecify.annotations", "Nullable");
  private static final String PROCESSOR = ConduitProcessor.class.getName();

  private final ChannelModel model;
  private final ClassName element;
  private final ClassName channel;
  private final ClassName sendEnd;
  private final ClassName receiveEnd;
  private final TypeName delegate;

  ChannelWriter(ChannelModel model) {
    this.model = model;
    List<String> names = model.elementSimpleNames();
    this.element =
        ClassName.get(
            model.packageName(),
            names.get(0),
            names.subList(1, names.size()).toArray(new String[0]));
    this.channel = ClassName.get(model.packageName(), model.channelName());
    this.sendEnd = channel.nestedClass("SendEnd");
    this.receiveEnd = channel.nestedClass("ReceiveEnd");
    this.delegate = ParameterizedTypeName.get(CHANNEL, element);
  }

  JavaFile write() {
    String name = model.elementDisplayName();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(channel)
            .addModifiers(
                model.isPublic()
                    ? new Modifier[] {Modifier.PUBLIC, Modifier.FINAL}
                    : new Modifier[] {Modifier.FINAL})
            .addOriginatingElement(model.originatingElement())
            .addJavadoc(
                "A channel of {@link $T} values: Go's {@code chan $L}, generated for"
                    + " {@code @GenerateChannel} on {@code $L}.\n\n",
                element,
                name,
                name)
            .addJavadoc(
                "<p>It behaves like {@link $T}{@code <$L>}, which describes blocking, closing"
                    + " and iteration, and it works in {@link dev.conduit.Select}. Where Go"
                    + " passes {@code chan<- $L} or {@code <-chan $L}, pass {@link #sendEnd()}"
                    + " or {@link #receiveEnd()}: each has only its own direction's operations"
                    + " and no way back to this channel.\n",
                CHANNEL,
                name,
                name,
                name)
            .addSuperinterface(ParameterizedTypeName.get(ClassName.get(Iterable.class), element))
            .addSuperinterface(ParameterizedTypeName.get(SEND_SELECTABLE, element))
            .addSuperinterface(ParameterizedTypeName.get(RECEIVE_SELECTABLE, element))
            .addField(delegate, "channel", Modifier.PRIVATE, Modifier.FINAL)
            .addField(sendEnd, "sendEnd", Modifier.PRIVATE, Modifier.FINAL)
            .addField(receiveEnd, "receiveEnd", Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(delegate, "channel")
                    .addStatement("this.channel = channel")
                    .addStatement("this.sendEnd = new $T(channel.sendOnly())", sendEnd)
                    .addStatement("this.receiveEnd = new $T(channel.receiveOnly())", receiveEnd)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("unbuffered")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(channel)
                    .addJavadoc(
                        "A channel without a buffer: each send waits for a receiver (Go's {@code"
                            + " make(chan $L)}).\n",
                        name)
                    .addStatement("return new $T($T.unbuffered())", channel, CHANNEL)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("buffered")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(channel)
                    .addParameter(int.class, "capacity")
                    .addJavadoc(
                        "A channel that holds up to {@code capacity} values nobody has received"
                            + " yet (Go's {@code make(chan $L, capacity)}).\n\n",
                        name)
                    .addJavadoc(
                        "@throws IllegalArgumentException if {@code capacity} is negative\n")
                    .addStatement("return new $T($T.buffered(capacity))", channel, CHANNEL)
                    .build());
    sendOperations(type);
    receiveOperations(type);
    WriterMethods.addStateQueries(type);
    type.addMethod(
            MethodSpec.methodBuilder("sendEnd")
                .addModifiers(Modifier.PUBLIC)
                .returns(sendEnd)
                .addJavadoc(
                    "The send end of this channel (Go's {@code chan<- $L}), for code that only"
                        + " sends and closes.\n",
                    name)
                .addStatement("return sendEnd")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("receiveEnd")
                .addModifiers(Modifier.PUBLIC)
                .returns(receiveEnd)
                .addJavadoc(
                    "The receive end of this channel (Go's {@code <-chan $L}), for code that"
                        + " only receives.\n",
                    name)
                .addStatement("return receiveEnd")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("asChannel")
                .addModifiers(Modifier.PUBLIC)
                .returns(delegate)
                .addJavadoc(
                    "This channel as a plain {@link $T}, for code written against {@code"
                        + " Channel<$L>}.\n",
                    CHANNEL,
                    name)
                .addStatement("return channel")
                .build())
        .addMethod(handle("sendHandle", "sendEnd.sendHandle()"))
        .addMethod(handle("receiveHandle", "receiveEnd.receiveHandle()"))
        .addMethod(WriterMethods.toStringMethod(model.channelName()))
        .addType(endType(true))
        .addType(endType(false));
    if (model.withGeneratedAnnotation()) {
      type.addAnnotation(
          AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build());
    }
    return JavaFile.builder(model.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  private TypeSpec endType(boolean sending) {
    ClassName end = sending ? sendEnd : receiveEnd;
    String name = model.elementDisplayName();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(end)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                sending
                    ? "The send end of a {@link $T}: Go's {@code chan<- $L}. It can send and"
                        + " close, and has no operation that receives nor any way to reach the"
                        + " channel itself.\n"
                    : "The receive end of a {@link $T}: Go's {@code <-chan $L}. It can receive"
                        + " and be iterated over, and has no operation that sends or closes nor"
                        + " any way to reach the channel itself.\n",
                channel,
                name);
    if (!sending) {
      type.addSuperinterface(ParameterizedTypeName.get(ClassName.get(Iterable.class), element));
    }
    type.addSuperinterface(
            ParameterizedTypeName.get(sending ? SEND_SELECTABLE : RECEIVE_SELECTABLE, element))
        .addField(
            FieldSpec.builder(delegate, "channel", Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc(
                    "The run-time $L view, so that not even reflection reaches the other"
                        + " direction.\n",
                    sending ? "send-only" : "receive-only")
                .build())
        .addField(
            ParameterizedTypeName.get(SELECT_HANDLE, element),
            "handle",
            Modifier.PRIVATE,
            Modifier.FINAL)
        .addMethod(
            MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(delegate, "channel")
                .addStatement("this.channel = channel")
                .addStatement(
                    "this.handle = $T.$L(channel)",
                    SELECT_HANDLE,
                    sending ? "forSending" : "forReceiving")
                .build());
    if (sending) {
      sendOperations(type);
    } else {
      receiveOperations(type);
    }
    WriterMethods.addStateQueries(type);
    type.addMethod(
            MethodSpec.methodBuilder(sending ? "sendHandle" : "receiveHandle")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(SELECT_HANDLE, element))
                .addStatement("return handle")
                .build())
        .addMethod(
            WriterMethods.toStringMethod(
                model.channelName() + (sending ? ".SendEnd" : ".ReceiveEnd")));
    return type.build();
  }

  private void sendOperations(TypeSpec.Builder type) {
    String name = model.elementDisplayName();
    type.addMethod(
            MethodSpec.methodBuilder("send")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(element, "value")
                .addJavadoc(
                    "Sends {@code value}, blocking until a receiver takes it or the buffer has"
                        + " room: Go's {@code ch <- value}. See {@link $T#send(Object)}.\n",
                    CHANNEL)
                .addStatement("channel.send(value)")
                .build())
        .addMethods(contextSend())
        .addMethod(
            MethodSpec.methodBuilder("trySend")
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(element, "value")
                .addJavadoc(
                    "Sends {@code value} only if that needs no waiting; returns whether it was"
                        + " sent. See {@link $T#trySend(Object)}.\n",
                    CHANNEL)
                .addStatement("return channel.trySend(value)")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("close")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                    "Closes the channel: no more {@code $L} values may be sent. See {@link"
                        + " $T#close()}.\n",
                    name,
                    CHANNEL)
                .addStatement("channel.close()")
                .build());
  }

  private void receiveOperations(TypeSpec.Builder type) {
    TypeName nullableElement =
        model.withNullable()
            ? element.annotated(AnnotationSpec.builder(NULLABLE).build())
            : element;
    type.addMethod(
            MethodSpec.methodBuilder("receive")
                .addModifiers(Modifier.PUBLIC)
                .returns(element)
                .addJavadoc(
                    "Receives the next value, blocking until one is sent: Go's {@code v :="
                        + " <-ch}. See {@link $T#receive()}.\n",
                    CHANNEL)
                .addStatement("return channel.receive()")
                .build())
        .addMethods(contextReceive())
        .addMethods(receiveOptional())
        .addMethod(
            MethodSpec.methodBuilder("tryReceive")
                .addModifiers(Modifier.PUBLIC)
                .returns(nullableElement)
                .addJavadoc(
                    "Receives a value only if one is available now, else returns {@code null}."
                        + " See {@link $T#tryReceive()}.\n",
                    CHANNEL)
                .addStatement("return channel.tryReceive()")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("iterator")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ITERATOR, element))
                .addJavadoc(
                    "Receives values until the channel is closed and drained: Go's {@code for v"
                        + " := range ch}. See {@link $T#iterator()}.\n",
                    CHANNEL)
                .addStatement("return channel.iterator()")
                .build());
  }

  private MethodSpec handle(String name, String source) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(SELECT_HANDLE, element))
        .addStatement("return $L", source)
        .build();
  }

  private List<MethodSpec> contextSend() {
    if (!model.withContextOverloads()) {
      return List.of();
    }
    return List.of(
        MethodSpec.methodBuilder("send")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(CONTEXT, "ctx")
            .addParameter(element, "value")
            .addJavadoc(
                "Sends {@code value}, giving up when {@code ctx} is done. See {@link"
                    + " $T#send($T, Object)}.\n",
                CHANNEL,
                CONTEXT)
            .addStatement("channel.send(ctx, value)")
            .build());
  }

  private List<MethodSpec> contextReceive() {
    if (!model.withContextOverloads()) {
      return List.of();
    }
    return List.of(
        MethodSpec.methodBuilder("receive")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(CONTEXT, "ctx")
            .returns(element)
            .addJavadoc(
                "Receives the next value, giving up when {@code ctx} is done. See {@link"
                    + " $T#receive($T)}.\n",
                CHANNEL,
                CONTEXT)
            .addStatement("return channel.receive(ctx)")
            .build());
  }

  private List<MethodSpec> receiveOptional() {
    if (!model.withReceiveOptional()) {
      return List.of();
    }
    TypeName optional = ParameterizedTypeName.get(OPTIONAL, element);
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(
        MethodSpec.methodBuilder("receiveOptional")
            .addModifiers(Modifier.PUBLIC)
            .returns(optional)
            .addJavadoc(
                "Receives the next value, or empty once the channel is closed and drained: Go's"
                    + " {@code v, ok := <-ch}. See {@link $T#receiveOptional()}.\n",
                CHANNEL)
            .addStatement("return channel.receiveOptional()")
            .build());
    if (model.withContextOverloads()) {
      methods.add(
          MethodSpec.methodBuilder("receiveOptional")
              .addModifiers(Modifier.PUBLIC)
              .addParameter(CONTEXT, "ctx")
              .returns(optional)
              .addJavadoc(
                  "Receives like {@link #receiveOptional()}, giving up when {@code ctx} is done."
                      + " See {@link $T#receiveOptional($T)}.\n",
                  CHANNEL,
                  CONTEXT)
              .addStatement("return channel.receiveOptional(ctx)")
              .build());
    }
    return methods;
  }
}
