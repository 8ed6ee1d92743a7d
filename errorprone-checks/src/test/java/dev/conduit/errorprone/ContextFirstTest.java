package dev.conduit.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.context.ContextFirst;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContextFirstTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ContextFirst.class, getClass());

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @Test
  void contextAfterOtherParameters() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.CancellableContext;",
            "import dev.conduit.Context;",
            "class Test {",
            "  // BUG: Diagnostic contains: Context parameter 'ctx' is parameter 2 of 2",
            "  static void fetch(String url, Context ctx) {}",
            "  // BUG: Diagnostic contains: Context parameter 'ctx' is parameter 3 of 3",
            "  Test(int a, String b, Context ctx) {}",
            "  // BUG: Diagnostic contains: Context parameter 'timed' is parameter 2",
            "  void run(Runnable r, CancellableContext timed) {}",
            "  // BUG: Diagnostic contains: Context parameter 'second' is parameter 3",
            "  void merge(Context first, int n, Context second) {}",
            "  interface Api {",
            "    // BUG: Diagnostic contains: Context parameter 'ctx'",
            "    String get(String key, Context ctx);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void cleanCode() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Context;",
            "import java.util.List;",
            "class Test {",
            "  static void fetch(Context ctx, String url) {}",
            "  static void both(Context parent, Context other, int n) {}",
            "  static void none(String a, int b) {}",
            "  static void fetchAll(Context ctx, List<String> urls) {}",
            "  Test(Context ctx) {}",
            "  // Records are messages: a request carrying its context is Go's documented"
                + " exception.",
            "  record TokenRequest(String key, Context ctx) {}",
            "  record Compact(String key, Context ctx) {",
            "    Compact {",
            "      key = key.trim();",
            "    }",
            "  }",
            "  static void lambdas() {",
            "    java.util.function.BiConsumer<String, Context> f = (s, c) -> {};",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void overrideIsReportedAtTheSupertypeOnly() {
    helper
        .addSourceLines(
            "Api.java",
            "import dev.conduit.Context;",
            "interface Api {",
            "  // BUG: Diagnostic contains: Context parameter 'ctx'",
            "  String get(String key, Context ctx);",
            "}")
        .addSourceLines(
            "Impl.java",
            "import dev.conduit.Context;",
            "class Impl implements Api {",
            "  @Override",
            "  public String get(String key, Context ctx) {",
            "    return key;",
            "  }",
            "}")
        .addSourceLines(
            "Library.java",
            "import dev.conduit.Context;",
            "import java.util.function.BiFunction;",
            "// The JDK's BiFunction fixes the order; nothing here can change it.",
            "class Library implements BiFunction<String, Context, String> {",
            "  @Override",
            "  public String apply(String key, Context ctx) {",
            "    return key;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void allowTypesBeforeFlag() {
    helper
        .setArgs("-XepOpt:ContextFirst:AllowTypesBefore=java.lang.CharSequence,java.util.List")
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Context;",
            "import java.util.ArrayList;",
            "class Test {",
            "  static void named(String name, Context ctx) {}",
            "  static void listed(ArrayList<String> items, Context ctx) {}",
            "  // BUG: Diagnostic contains: Context parameter 'ctx' is parameter 2",
            "  static void other(int n, Context ctx) {}",
            "  // BUG: Diagnostic contains: Context parameter 'ctx' is parameter 3",
            "  static void mixed(String name, int n, Context ctx) {}",
            "}")
        .doTest();
  }

  @Test
  void suppressed() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Context;",
            "class Test {",
            "  @SuppressWarnings(\"ContextFirst\")",
            "  static void legacy(String url, Context ctx) {}",
            "}")
        .doTest();
  }
}
