package dev.conduit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.conduit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.annotation.processing.Filer;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Failures under the processor become errors on one type; the others are still processed. */
class ProcessorRobustnessTest {

  @Test
  void anExceptionInsideTheChecksIsAnErrorOnThatTypeOnly() {
    WrappingProcessor processor =
        new WrappingProcessor(
            Types.class,
            types ->
                WrappingProcessor.intercept(
                    Types.class,
                    types,
                    (method, args) -> {
                      if (method.getName().equals("directSupertypes")
                          && ((TypeMirror) args[0]).toString().contains("Boom")) {
                        throw new IllegalStateException("simulated failure");
                      }
                      return WrappingProcessor.Hook.PASS;
                    }));
    JavaFileObject boom =
        source(
            "test.Boom",
            "package test;",
            "class Boom {",
            // A channel in the signature: only then does the override check look at supertypes.
            "  void f(dev.conduit.Channel<String> in) {}",
            "}");
    JavaFileObject fine =
        source(
            "test.Fine",
            "package test;",
            "class Fine {",
            "  @dev.conduit.annotations.SendOnly String name;",
            "}");
    Compilation compilation = javac().withProcessors(processor).compile(boom, fine);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[ConduitInternalError] Conduit's processor failed on this type"
                + " (java.lang.IllegalStateException: simulated failure)")
        .inFile(boom)
        .onLine(2);
    assertThat(compilation)
        .hadErrorContaining("[ConduitDirectionOnNonChannel]")
        .inFile(fine)
        .onLine(3);
  }

  @Test
  void aFileThatCannotBeWrittenIsAnErrorOnItsType() {
    WrappingProcessor processor =
        new WrappingProcessor(
            Filer.class,
            filer ->
                WrappingProcessor.intercept(
                    Filer.class,
                    filer,
                    (method, args) -> {
                      if (method.getName().equals("createSourceFile")
                          && args[0].toString().equals("test.BadChannel")) {
                        throw new IOException("disk full");
                      }
                      return WrappingProcessor.Hook.PASS;
                    }));
    JavaFileObject bad =
        source(
            "test.Bad",
            "package test;",
            "@dev.conduit.annotations.GenerateChannel",
            "record Bad() {}");
    JavaFileObject good =
        source(
            "test.Good",
            "package test;",
            "@dev.conduit.annotations.GenerateChannel",
            "record Good() { static GoodChannel make() { return GoodChannel.unbuffered(); } }");
    Compilation compilation = javac().withProcessors(processor).compile(bad, good);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[ConduitWriteFailed] could not write test.BadChannel: disk full")
        .inFile(bad)
        .onLine(2);
  }

  /**
   * javac rejects {@code @GenerateChannel} on a method but, when told to go on past errors as every
   * Error Prone build is ({@code --should-stop=ifError=FLOW}), still hands the method to the
   * processor; the user must see javac's error alone, not a processor failure on top.
   */
  @Test
  void generateChannelOnAMethodLeavesJavacsTargetErrorAlone() {
    JavaFileObject misplaced =
        source(
            "test.Misplaced",
            "package test;",
            "class Misplaced {",
            "  @dev.conduit.annotations.GenerateChannel(primitives = int.class)",
            "  void onAMethod() {}",
            "}");
    Compilation compilation =
        javac()
            .withOptions("--should-stop=ifError=FLOW")
            .withProcessors(new ConduitProcessor())
            .compile(misplaced);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("annotation interface not applicable to this kind of declaration")
        .inFile(misplaced)
        .onLine(3);
  }
}
