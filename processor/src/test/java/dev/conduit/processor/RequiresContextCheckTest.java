package dev.conduit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.conduit.processor.Compilations.compile;
import static dev.conduit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class RequiresContextCheckTest {
  /**
   * Stands in for the runtime's Context types (matched by name), so these tests do not depend on
   * how the runtime declares them.
   */
  private static final JavaFileObject CONTEXT =
      source("dev.conduit.Context", "package dev.conduit;", "public interface Context {}");

  private static final JavaFileObject CANCELLABLE =
      source(
          "dev.conduit.CancellableContext",
          "package dev.conduit;",
          "public interface CancellableContext extends Context {}");

  @Test
  void methodWhoseFirstParameterIsNotAContext() {
    JavaFileObject source =
        source(
            "test.Client",
            "package test;",
            "import dev.conduit.Context;",
            "import dev.conduit.annotations.RequiresContext;",
            "class Client {",
            "  @RequiresContext",
            "  byte[] fetch(String url,",
            "      Context ctx) { return new byte[0]; }",
            "  @RequiresContext",
            "  void ping() {}",
            "  @RequiresContext",
            "  void fine(Context ctx, String url) {}",
            "  @RequiresContext",
            "  void subtype(dev.conduit.CancellableContext ctx) {}",
            "}");
    Compilation compilation = compile(CONTEXT, CANCELLABLE, source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[ConduitRequiresContext] the first parameter of fetch(String, Context) is a String,"
                + " but its @RequiresContext needs a Context there")
        .inFile(source)
        .onLine(6);
    assertThat(compilation)
        .hadErrorContaining(
            "[ConduitRequiresContext] ping() takes no parameters, but its @RequiresContext needs"
                + " a Context as its first")
        .inFile(source)
        .onLine(8);
  }

  @Test
  void typeCoversItsOwnMethodsButNotOverridesConstructorsOrNestedTypes() {
    JavaFileObject source =
        source(
            "test.Service",
            "package test;",
            "import dev.conduit.Context;",
            "import dev.conduit.annotations.RequiresContext;",
            "@RequiresContext",
            "abstract class Service implements Runnable {",
            "  Service(String name) {}",
            "  abstract void serve(Context ctx, String request);",
            "  static void helper(int x) {}",
            "  @Override public void run() {}",
            "  @Override public String toString() { return \"service\"; }",
            "  record Request(String body) {",
            "    String trimmed() { return body.trim(); }",
            "  }",
            "}");
    Compilation compilation = compile(CONTEXT, source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[ConduitRequiresContext] the first parameter of helper(int) is a int, but"
                + " @RequiresContext on Service needs a Context there")
        .inFile(source)
        .onLine(8);
  }

  @Test
  void interfaceWithObjectMethodsAndDefaults() {
    JavaFileObject source =
        source(
            "test.Store",
            "package test;",
            "import dev.conduit.Context;",
            "import dev.conduit.annotations.RequiresContext;",
            "@RequiresContext",
            "interface Store {",
            "  String get(Context ctx, String key);",
            "  boolean equals(Object other);",
            "  int hashCode();",
            "  default String describe() { return \"store\"; }",
            "}");
    Compilation compilation = compile(CONTEXT, source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("describe() takes no parameters, but @RequiresContext on Store")
        .inFile(source)
        .onLine(9);
  }

  @Test
  void packageCoversEveryTypeInIt() {
    JavaFileObject packageInfo =
        source("test.package-info", "@dev.conduit.annotations.RequiresContext", "package test;");
    JavaFileObject worker =
        source(
            "test.Worker",
            "package test;",
            "import dev.conduit.Context;",
            "class Worker {",
            "  void work(Context ctx) {}",
            "  void idle(String reason) {}",
            "  enum Mode { FAST, SLOW }",
            "  static class Inner {",
            "    void step(long n) {}",
            "  }",
            "  public static void main(String[] args) {}",
            "}");
    JavaFileObject annotation =
        source("test.Marker", "package test;", "@interface Marker { String value(); }");
    Compilation compilation = compile(CONTEXT, packageInfo, worker, annotation);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("idle(String) is a String, but @RequiresContext on package test")
        .inFile(worker)
        .onLine(5);
    assertThat(compilation)
        .hadErrorContaining("step(long) is a long, but @RequiresContext on package test")
        .inFile(worker)
        .onLine(8);
  }

  @Test
  void generatedChannelsInACoveredPackageAreLeftAlone() {
    Compilation compilation =
        compile(
            CONTEXT,
            source(
                "test.package-info", "@dev.conduit.annotations.RequiresContext", "package test;"),
            source(
                "test.Order",
                "package test;",
                "@dev.conduit.annotations.GenerateChannel",
                "record Order(String id) {}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void unresolvedParameterTypesAreLeftToJavac() {
    JavaFileObject source =
        source(
            "test.Half",
            "package test;",
            "import dev.conduit.annotations.RequiresContext;",
            "class Half {",
            "  @RequiresContext void f(Missing ctx) {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("cannot find symbol");
  }
}
