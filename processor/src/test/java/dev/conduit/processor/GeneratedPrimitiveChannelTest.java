package dev.conduit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.conduit.processor.Compilations.compile;
import static dev.conduit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.conduit.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Primitive channels: generated source (golden file), behaviour (scenarios/ticks run after
 * compiling them with the processor), allocation, and the errors of {@code primitives()}.
 */
class GeneratedPrimitiveChannelTest {
  private static Compilation scenarios;
  private static ClassLoader loader;

  @BeforeAll
  static void compileScenarios() {
    scenarios =
        compile(
            JavaFileObjects.forResource("scenarios/ticks/Tick.java"),
            JavaFileObjects.forResource("scenarios/ticks/PrimitiveScenarios.java"));
    assertThat(scenarios).succeededWithoutWarnings();
    loader = CompiledClasses.loader(scenarios);
  }

  private static Object run(String scenario, Object... args) throws Exception {
    Class<?> type = loader.loadClass("ticks.PrimitiveScenarios");
    for (Method method : type.getMethods()) {
      if (method.getName().equals(scenario)) {
        return method.invoke(null, args);
      }
    }
    throw new AssertionError("no scenario " + scenario);
  }

  @Test
  void generatesTheGoldenIntChannel() throws IOException {
    String actual =
        scenarios
            .generatedSourceFile("ticks.IntChannel")
            .orElseThrow()
            .getCharContent(false)
            .toString();
    if (Boolean.getBoolean("conduit.updateGolden")) {
      Files.writeString(Path.of("src/test/resources/golden/IntChannel.java"), actual);
    }
    try (InputStream golden =
        getClass().getClassLoader().getResourceAsStream("golden/IntChannel.java")) {
      assertThat(golden).isNotNull();
      assertThat(actual).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertThat(scenarios).generatedSourceFile("ticks.LongChannel");
    assertThat(scenarios).generatedSourceFile("ticks.DoubleChannel");
    assertThat(scenarios).generatedSourceFile("ticks.TickChannel");
  }

  @Test
  void intChannelBehavesLikeAChannel() throws Exception {
    assertThat(run("intChannelBehavesLikeAChannel"))
        .isEqualTo("[true, false, 2/2, -2147483648, -7, false, [100, 200, 300, 400, 500], closed]");
  }

  @Test
  void receiveOptionalReportsClosedAsEmpty() throws Exception {
    assertThat(run("receiveOptionalReportsClosedAsEmpty")).isEqualTo("[-1, 42, 7, false, false]");
  }

  @Test
  void longAndDoubleKeepEveryBit() throws Exception {
    assertThat(run("longAndDoubleKeepEveryBit"))
        .isEqualTo("[" + (Long.MIN_VALUE + 1) + ", true, true, true]");
  }

  /**
   * The point of primitive channels: a buffered send and receive of an {@code int} allocate
   * nothing, where {@code Channel<Integer>} boxes each value. Allocated bytes are counted per
   * thread, so this measures allocation, not time.
   */
  @Test
  void bufferedIntTrafficAllocatesNothingWhereChannelOfIntegerBoxes() throws Exception {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    int messages = 200_000;
    long primitiveBytes = 0;
    long boxedBytes = 0;
    for (int round = 0; round < 4; round++) { // early rounds let the JIT compile both loops
      long before = threads.getCurrentThreadAllocatedBytes();
      run("intRoundTrips", messages);
      primitiveBytes = threads.getCurrentThreadAllocatedBytes() - before;
      before = threads.getCurrentThreadAllocatedBytes();
      boxedRoundTrips(messages);
      boxedBytes = threads.getCurrentThreadAllocatedBytes() - before;
    }
    double primitivePerMessage = (double) primitiveBytes / messages;
    double boxedPerMessage = (double) boxedBytes / messages;
    System.out.printf(
        "bytes allocated per message: IntChannel %.3f, Channel<Integer> %.3f%n",
        primitivePerMessage, boxedPerMessage);
    assertThat(primitivePerMessage).isLessThan(0.5);
    assertThat(boxedPerMessage).isAtLeast(8.0);
  }

  private static long boxedRoundTrips(int messages) {
    Channel<Integer> numbers = Channel.buffered(64);
    long sum = 0;
    for (int i = 0; i < messages; i++) {
      numbers.send(1000 + i);
      sum += numbers.receive();
    }
    return sum;
  }

  @Test
  void onlyIntLongAndDoubleAndEachOncePerPackage() {
    JavaFileObject first =
        source(
            "test.First",
            "package test;",
            "import dev.conduit.annotations.GenerateChannel;",
            "@GenerateChannel(primitives = {int.class, String.class,",
            "    boolean.class})",
            "record First() {}");
    JavaFileObject second =
        source(
            "test.Second",
            "package test;",
            "import dev.conduit.annotations.GenerateChannel;",
            "@GenerateChannel(primitives = int.class)",
            "record Second() {}");
    Compilation compilation = compile(first, second);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining(
            "[ConduitUnsupportedPrimitive] @GenerateChannel(primitives = ...) takes int.class,"
                + " long.class and double.class, not java.lang.String.class")
        .inFile(first)
        .onLine(3);
    assertThat(compilation).hadErrorContaining("not boolean.class").inFile(first).onLine(4);
    assertThat(compilation)
        .hadErrorContaining(
            "[ConduitDuplicatePrimitiveChannel] test.IntChannel is already generated for"
                + " test.First")
        .inFile(second)
        .onLine(3);
  }
}
