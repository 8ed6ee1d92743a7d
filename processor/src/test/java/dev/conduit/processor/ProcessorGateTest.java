package dev.conduit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.conduit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import dev.conduit.annotations.SendOnly;
import dev.conduit.vocabulary.ConduitTypes;
import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor's gate: it does nothing in a compilation that cannot reach Conduit, and works as
 * soon as any of Conduit's annotations or runtime types can be resolved.
 */
class ProcessorGateTest {

  private static final JavaFileObject MISPLACED_DIRECTION =
      source(
          "test.Misplaced",
          "package test;",
          "class Misplaced {",
          "  @dev.conduit.annotations.SendOnly String name;",
          "}");

  /** Compiles with only {@code classPath}, recording every type the processor looks up. */
  private static Compilation compile(
      List<File> classPath, List<String> lookups, JavaFileObject... sources) {
    WrappingProcessor processor =
        new WrappingProcessor(
            Elements.class,
            elements ->
                WrappingProcessor.intercept(
                    Elements.class,
                    elements,
                    (method, args) -> {
                      if (method.getName().equals("getTypeElement")) {
                        lookups.add(args[args.length - 1].toString());
                      }
                      return WrappingProcessor.Hook.PASS;
                    }));
    return javac()
        .withProcessors(processor)
        .withOptions("--release", "21")
        .withClasspath(classPath)
        .compile(sources);
  }

  private static File locationOf(Class<?> type) throws URISyntaxException {
    return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void withoutConduitTheProcessorOnlyLooksForIt() {
    List<String> lookups = new ArrayList<>();
    JavaFileObject plain =
        source(
            "test.Plain",
            "package test;",
            "import java.util.concurrent.BlockingQueue;",
            "class Plain {",
            "  BlockingQueue<String> queue;",
            "  void put(String s) throws InterruptedException { queue.put(s); }",
            "}");
    assertThat(compile(List.of(), lookups, plain)).succeededWithoutWarnings();
    // It asked for Conduit's types, found none, and so never looked up the root types whose
    // declarations an open gate has it check in the last round.
    assertThat(lookups).contains(ConduitTypes.SEND_ONLY);
    assertThat(lookups).doesNotContain("test.Plain");
  }

  @Test
  void withConduitTheProcessorChecksEveryType() throws URISyntaxException {
    List<String> lookups = new ArrayList<>();
    JavaFileObject plain = source("test.Plain", "package test;", "class Plain {}");
    assertThat(compile(List.of(locationOf(SendOnly.class)), lookups, plain))
        .succeededWithoutWarnings();
    assertThat(lookups).contains("test.Plain");
  }

  @Test
  void theAnnotationsAloneOpenTheGate() throws URISyntaxException {
    Compilation compilation =
        compile(List.of(locationOf(SendOnly.class)), new ArrayList<>(), MISPLACED_DIRECTION);
    assertThat(compilation).hadErrorContaining("[ConduitDirectionOnNonChannel]");
  }

  @Test
  void annotationsCompiledAlongsideOpenTheGate() {
    JavaFileObject annotation =
        source(
            "dev.conduit.annotations.SendOnly",
            "package dev.conduit.annotations;",
            "import java.lang.annotation.*;",
            "@Target({ElementType.FIELD, ElementType.TYPE_USE})",
            "public @interface SendOnly {}");
    Compilation compilation =
        compile(List.of(), new ArrayList<>(), annotation, MISPLACED_DIRECTION);
    assertThat(compilation).hadErrorContaining("[ConduitDirectionOnNonChannel]");
  }
}
