package dev.conduit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.conduit.processor.Compilations.compile;
import static dev.conduit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class GenerateChannelTest {
  private static final JavaFileObject ORDER =
      source(
          "com.example.shop.Order",
          "package com.example.shop;",
          "import dev.conduit.annotations.GenerateChannel;",
          "/** An order. */",
          "@GenerateChannel",
          "public record Order(String id, int quantity) {}");

  private static final JavaFileObject NESTED =
      source(
          "com.example.shop.Warehouse",
          "package com.example.shop;",
          "import dev.conduit.annotations.GenerateChannel;",
          "class Warehouse {",
          "  @GenerateChannel",
          "  interface Parcel {}",
          "}");

  @Test
  void generatesTheGoldenChannelCleanUnderWerror() throws IOException {
    Compilation compilation = compile(ORDER);
    assertThat(compilation).succeededWithoutWarnings();
    assertMatchesGolden(compilation, "com.example.shop.OrderChannel", "OrderChannel.java");
  }

  @Test
  void nestedTypesGetTheirEnclosingNamesInTheChannelName() throws IOException {
    Compilation compilation = compile(NESTED);
    assertThat(compilation).succeededWithoutWarnings();
    assertMatchesGolden(
        compilation, "com.example.shop.WarehouseParcelChannel", "WarehouseParcelChannel.java");
  }

  @Test
  void outputIsTheSameOnEveryCompile() throws IOException {
    String first = generated(compile(ORDER), "com.example.shop.OrderChannel");
    String second = generated(compile(ORDER, NESTED), "com.example.shop.OrderChannel");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void plainJavacRejectsTheOtherDirectionOnEnds() {
    JavaFileObject misuse =
        source(
            "com.example.shop.Misuse",
            "package com.example.shop;",
            "import dev.conduit.Select;",
            "class Misuse {",
            "  void f(OrderChannel.SendEnd out, OrderChannel.ReceiveEnd in) {",
            "    out.receive();",
            "    in.send(new Order(\"x\", 1));",
            "    in.close();",
            "    Select.<String>select().onReceive(out, () -> \"\").onSend(in, null, () -> \"\");",
            "  }",
            "}");
    Compilation compilation = compile(ORDER, misuse);
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(misuse).onLine(5);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(misuse).onLine(6);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(misuse).onLine(7);
    assertThat(compilation).hadErrorContaining("no suitable method").inFile(misuse).onLine(8);
  }

  @Test
  void genericTypeIsAnErrorOnItsTypeParameter() {
    JavaFileObject source =
        source(
            "test.Box",
            "package test;",
            "@dev.conduit.annotations.GenerateChannel",
            "class Box<",
            "    T> {}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[ConduitInvalidElementType] @GenerateChannel needs a type without type parameters")
        .inFile(source)
        .onLine(4);
  }

  @Test
  void typesThePackageCannotSeeAreErrorsAndOtherTypesAreStillGenerated() {
    JavaFileObject source =
        source(
            "test.Outer",
            "package test;",
            "import dev.conduit.annotations.GenerateChannel;",
            "class Outer {",
            "  @GenerateChannel",
            "  private record Hidden(int x) {}",
            "  private static class Private {",
            "    @GenerateChannel",
            "    static class Inside {}",
            "  }",
            "  @GenerateChannel",
            "  record Visible(int x) {}",
            "}");
    // Uses the channel of the valid type: had it not been generated, this would not compile.
    JavaFileObject user =
        source(
            "test.User",
            "package test;",
            "class User {",
            "  OuterVisibleChannel channel = OuterVisibleChannel.buffered(1);",
            "}");
    Compilation compilation = compile(source, user);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[ConduitInvalidElementType] @GenerateChannel on a type that its package cannot see:"
                + " Hidden is private")
        .inFile(source)
        .onLine(4);
    assertThat(compilation)
        .hadErrorContaining("its enclosing type test.Outer.Private is private")
        .inFile(source)
        .onLine(7);
  }

  @Test
  void declarationChecksStillRunAfterAnErrorInAnEarlierRound() {
    JavaFileObject source =
        source(
            "test.Mixed",
            "package test;",
            "class Mixed {",
            "  @dev.conduit.annotations.GenerateChannel",
            "  private record Hidden(int x) {}",
            "  @dev.conduit.annotations.SendOnly String name;",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[ConduitInvalidElementType]")
        .inFile(source)
        .onLine(3);
    assertThat(compilation)
        .hadErrorContaining("[ConduitDirectionOnNonChannel]")
        .inFile(source)
        .onLine(5);
  }

  @Test
  void processorIsRegisteredAndDeclaredIsolating() throws IOException {
    assertThat(resource("META-INF/services/javax.annotation.processing.Processor"))
        .contains(ConduitProcessor.class.getName());
    assertThat(resource("META-INF/gradle/incremental.annotation.processors").trim())
        .isEqualTo(ConduitProcessor.class.getName() + ",isolating");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ConduitProcessor.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String generated(Compilation compilation, String qualifiedName)
      throws IOException {
    return compilation
        .generatedSourceFile(qualifiedName)
        .orElseThrow(() -> new AssertionError("not generated: " + qualifiedName))
        .getCharContent(false)
        .toString();
  }

  /**
   * Compares with src/test/resources/golden/NAME, or golden/with-context/NAME when the runtime's
   * Channel has the Context-taking send and receive that generated channels then mirror. Run with
   * -Dconduit.updateGolden=true to rewrite the golden files after a deliberate change, then review
   * their diff.
   */
  private static void assertMatchesGolden(
      Compilation compilation, String qualifiedName, String goldenName) throws IOException {
    String actual = generated(compilation, qualifiedName);
    String golden =
        (GeneratedChannelContextTest.runtimeTakesContexts() ? "golden/with-context/" : "golden/")
            + goldenName;
    if (Boolean.getBoolean("conduit.updateGolden")) {
      Files.writeString(Path.of("src/test/resources", golden), actual);
    }
    assertThat(actual).isEqualTo(resource(golden));
  }
}
