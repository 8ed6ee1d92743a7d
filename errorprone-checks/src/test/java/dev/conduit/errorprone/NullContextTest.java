package dev.conduit.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.context.NullContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NullContextTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(NullContext.class, getClass());

  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(NullContext.class, getClass());

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @Test
  void nullArguments() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.CancellableContext;",
            "import dev.conduit.Channel;",
            "import dev.conduit.Context;",
            "import dev.conduit.ErrGroup;",
            "import dev.conduit.Select;",
            "class Test {",
            "  Test(Context ctx, String name) {}",
            "  static void fetch(Context ctx, String url) {}",
            "  static void owned(CancellableContext ctx) {}",
            "  static void each(Context... contexts) {}",
            "  static void f(Channel<String> ch) {",
            "    // BUG: Diagnostic contains: Did you mean 'fetch(Context.todo(), \"u\");'",
            "    fetch(null, \"u\");",
            "    // BUG: Diagnostic contains: null is passed as a Context",
            "    fetch((Context) null, \"u\");",
            "    // BUG: Diagnostic contains: null is passed as a Context",
            "    new Test(null, \"n\");",
            "    // BUG: Diagnostic contains: null is passed as a Context",
            "    ErrGroup.withContext(null);",
            "    // BUG: Diagnostic contains: null is passed as a Context",
            "    ch.receive((Context) null);",
            "    // BUG: Diagnostic contains: null is passed as a Context",
            "    Select.<Integer>select().onDone(null, () -> 1).orElse(() -> 2).await();",
            "    // BUG: Diagnostic contains: null is passed as a Context",
            "    owned(null);",
            "    // BUG: Diagnostic contains: null is passed as a Context",
            "    each(Context.background(), null);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void cleanCode() {
    helper
        .addSourceLines(
            "Test.java",
            "import static org.junit.jupiter.api.Assertions.assertThrows;",
            "import dev.conduit.Context;",
            "import dev.conduit.ErrGroup;",
            "class Test {",
            "  static void fetch(Context ctx, String url) {}",
            "  static void store(Object o) {}",
            "  static void f(Context ctx) {",
            "    fetch(ctx, null);",
            "    fetch(Context.todo(), \"u\");",
            "    store(null);",
            "    Context none = null;",
            "    assertThrows(NullPointerException.class, () -> ErrGroup.withContext(null));",
            "    try {",
            "      fetch(null, \"u\");",
            "    } catch (NullPointerException expected) {",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fixPassesTodo() {
    refactoring
        .addInputLines(
            "Test.java",
            "import dev.conduit.Context;",
            "class Test {",
            "  static void fetch(Context ctx, String url) {}",
            "  static void f() {",
            "    fetch(null, \"u\");",
            "    fetch((Context) null, \"v\");",
            "  }",
            "}")
        .addOutputLines(
            "Test.java",
            "import dev.conduit.Context;",
            "class Test {",
            "  static void fetch(Context ctx, String url) {}",
            "  static void f() {",
            "    fetch(Context.todo(), \"u\");",
            "    fetch(Context.todo(), \"v\");",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixImportsContextWhenMissing() {
    refactoring
        .addInputLines(
            "Test.java",
            "class Test {",
            "  static void f() {",
            "    dev.conduit.ErrGroup.withContext(null);",
            "  }",
            "}")
        .addOutputLines(
            "Test.java",
            "import dev.conduit.Context;",
            "class Test {",
            "  static void f() {",
            "    dev.conduit.ErrGroup.withContext(Context.todo());",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void cancellableContextParameterGetsNoFix() {
    refactoring
        .addInputLines(
            "Test.java",
            "import dev.conduit.CancellableContext;",
            "class Test {",
            "  static void owned(CancellableContext ctx) {}",
            "  static void f() {",
            "    owned(null);",
            "  }",
            "}")
        .expectUnchanged()
        .doTest();
  }
}
