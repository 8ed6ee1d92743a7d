package dev.conduit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.conduit.processor.Compilations.compile;
import static dev.conduit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class DirectionCheckTest {
  private static final String IMPORTS =
      "import dev.conduit.Channel; import dev.conduit.annotations.*; import java.util.*;"
          + " import java.util.concurrent.*;";

  @Test
  void bothDirectionsOnOneParameter() {
    JavaFileObject source =
        source(
            "test.Pipeline",
            "package test;",
            IMPORTS,
            "class Pipeline {",
            "  void run(",
            "      @SendOnly @ReceiveOnly Channel<String> jobs) {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[ConduitConflictingDirections] @SendOnly and @ReceiveOnly on the"
                + " parameter 'jobs' of run(Channel<String>)")
        .inFile(source)
        .onLine(5);
  }

  @Test
  void bothDirectionsOnFieldReturnAndTypeArgument() {
    JavaFileObject source =
        source(
            "test.Fan",
            "package test;",
            IMPORTS,
            "class Fan {",
            "  @ReceiveOnly @SendOnly Channel<String> field;",
            "  @SendOnly",
            "  @ReceiveOnly",
            "  Channel<String> make() { return Channel.unbuffered(); }",
            "  void fanIn(List<@SendOnly @ReceiveOnly Channel<String>> inputs) {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining(
            "[ConduitConflictingDirections] @SendOnly and @ReceiveOnly on the" + " field 'field'")
        .inFile(source)
        .onLine(4);
    // Reported on the annotation written second.
    assertThat(compilation)
        .hadErrorContaining("on the return type of make()")
        .inFile(source)
        .onLine(6);
    assertThat(compilation)
        .hadErrorContaining("on the type Channel<String> in the parameter 'inputs'")
        .inFile(source)
        .onLine(8);
  }

  @Test
  void directionOnNonChannelTypes() {
    JavaFileObject source =
        source(
            "test.Misuse",
            "package test;",
            IMPORTS,
            "class Misuse {",
            "  @SendOnly String name;",
            "  @ReceiveOnly",
            "  void nothing() {}",
            "  void take(List<@ReceiveOnly Integer> numbers,",
            "      @SendOnly int count) {}",
            "  <T> void generic(@SendOnly T value) {}",
            "  Misuse(@ReceiveOnly Runnable task) {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(6);
    assertThat(compilation)
        .hadErrorContaining(
            "[ConduitDirectionOnNonChannel] @SendOnly on the field 'name', which is String: only"
                + " channel types")
        .inFile(source)
        .onLine(4);
    assertThat(compilation)
        .hadErrorContaining("@ReceiveOnly on the return type of nothing(), which is void")
        .inFile(source)
        .onLine(5);
    assertThat(compilation)
        .hadErrorContaining("@ReceiveOnly on the type Integer in the parameter 'numbers'")
        .inFile(source)
        .onLine(7);
    assertThat(compilation)
        .hadErrorContaining("@SendOnly on the parameter 'count' of take(List<Integer>, int)")
        .inFile(source)
        .onLine(8);
    assertThat(compilation)
        .hadErrorContaining("@SendOnly on the parameter 'value' of generic(T), which is T")
        .inFile(source)
        .onLine(9);
    assertThat(compilation)
        .hadErrorContaining("@ReceiveOnly on the parameter 'task' of Misuse(Runnable)")
        .inFile(source)
        .onLine(10);
  }

  @Test
  void directionOnRecordComponentIsReportedOnce() {
    JavaFileObject source =
        source(
            "test.Job",
            "package test;",
            IMPORTS,
            "record Job(",
            "    @SendOnly String id,",
            "    @ReceiveOnly Channel<String> replies) {",
            "  Job {",
            "    Objects.requireNonNull(id);",
            "  }",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[ConduitDirectionOnNonChannel] @SendOnly on the record component 'id', which is"
                + " String")
        .inFile(source)
        .onLine(4);
  }

  @Test
  void directionOnChannelTypesIsFine() {
    Compilation compilation =
        compile(
            source(
                "test.Fine",
                "package test;",
                IMPORTS,
                "abstract class Fine<C extends Channel<String>> {",
                "  @SendOnly Channel<String> out;",
                "  @ReceiveOnly BlockingQueue<String> queue;",
                "  @SendOnly LinkedBlockingDeque<String> deque;",
                "  @ReceiveOnly TransferQueue<String> transfers;",
                "  @SendOnly Channel<String>[] outputs;",
                "  Channel<String> @SendOnly [] plainArrayIsNotAChannel;",
                "  abstract @ReceiveOnly Channel<Integer> results();",
                "  abstract void fanIn(List<@ReceiveOnly Channel<String>> inputs,",
                "      Map<String, ? extends @SendOnly Channel<String>> byName, @SendOnly C"
                    + " typed);",
                "  @SuppressWarnings(\"rawtypes\") @SendOnly Channel raw;",
                "}"));
    // The only error is the array itself marked as a channel.
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "@SendOnly on the field 'plainArrayIsNotAChannel', which is Channel<String>[]");
  }

  @Test
  void directionOfGeneratedEndsMustMatch() {
    JavaFileObject order =
        source(
            "test.Order",
            "package test;",
            "@dev.conduit.annotations.GenerateChannel",
            "record Order(String id) {}");
    JavaFileObject user =
        source(
            "test.Shop",
            "package test;",
            IMPORTS,
            "class Shop {",
            "  void fine(@SendOnly OrderChannel all, @SendOnly OrderChannel.SendEnd out,",
            "      @ReceiveOnly OrderChannel.ReceiveEnd in) {}",
            "  void wrong(@SendOnly OrderChannel.ReceiveEnd in,",
            "      @ReceiveOnly OrderChannel.SendEnd out) {}",
            "}");
    Compilation compilation = compile(order, user);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[ConduitDirectionContradictsType] @SendOnly on the parameter 'in' of"
                + " wrong(OrderChannel.ReceiveEnd, OrderChannel.SendEnd), but"
                + " OrderChannel.ReceiveEnd can only receive")
        .inFile(user)
        .onLine(6);
    assertThat(compilation)
        .hadErrorContaining("but OrderChannel.SendEnd can only send")
        .inFile(user)
        .onLine(7);
  }

  @Test
  void unresolvedTypesAreLeftToJavac() {
    JavaFileObject source =
        source(
            "test.Broken",
            "package test;",
            IMPORTS,
            "class Broken {",
            "  void f(@SendOnly Missing value) {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(source).onLine(4);
  }
}
