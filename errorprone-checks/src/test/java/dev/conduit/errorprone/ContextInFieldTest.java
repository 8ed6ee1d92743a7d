package dev.conduit.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.context.ContextInField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContextInFieldTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ContextInField.class, getClass());

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @Test
  void contextFields() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.CancellableContext;",
            "import dev.conduit.Context;",
            "class Client {",
            "  // BUG: Diagnostic contains: Context field 'ctx' outlives the call it came with",
            "  private final Context ctx;",
            "  // BUG: Diagnostic contains: Context field 'timed'",
            "  private CancellableContext timed;",
            "  Client(Context ctx) {",
            "    this.ctx = ctx;",
            "    this.timed = ctx.withCancel();",
            "  }",
            "  // Never cancelled: not an owner, just a stored context.",
            "  String get(String key) {",
            "    return key;",
            "  }",
            "}",
            "class Later {",
            "  // Not final: whatever is assigned later is kept.",
            "  // BUG: Diagnostic contains: Context field 'current'",
            "  private Context current = Context.background();",
            "  // BUG: Diagnostic contains: Context field 'derived'",
            "  private final Context derived = Context.background().withValue(null, null);",
            "}",
            "class Anonymous {",
            "  Runnable r = new Runnable() {",
            "    // BUG: Diagnostic contains: Context field 'captured'",
            "    Context captured = Context.background();",
            "    public void run() {}",
            "  };",
            "}")
        .doTest();
  }

  @Test
  void ownerThatCancelsIsFine() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.CancellableContext;",
            "import dev.conduit.Context;",
            "final class Server implements AutoCloseable {",
            "  private final CancellableContext lifetime;",
            "  Server(Context parent) {",
            "    lifetime = parent.withCancel();",
            "  }",
            "  @Override",
            "  public void close() {",
            "    lifetime.cancel();",
            "  }",
            "}",
            "final class Closer implements AutoCloseable {",
            "  private final CancellableContext lifetime = Context.background().withCancel();",
            "  @Override",
            "  public void close() {",
            "    this.lifetime.close();",
            "  }",
            "}",
            "final class Resource implements AutoCloseable {",
            "  private final CancellableContext lifetime = Context.background().withCancel();",
            "  @Override",
            "  public void close() {",
            "    try (lifetime) {",
            "      System.out.println(\"closing\");",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void ownerThatCancelsAnotherFieldIsStillReported() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.CancellableContext;",
            "import dev.conduit.Context;",
            "final class Server implements AutoCloseable {",
            "  private final CancellableContext lifetime;",
            "  // BUG: Diagnostic contains: Context field 'request'",
            "  private final Context request;",
            "  Server(Context parent) {",
            "    lifetime = parent.withCancel();",
            "    request = parent;",
            "  }",
            "  @Override",
            "  public void close() {",
            "    lifetime.cancel();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void recordMessagesAndOtherCleanCode() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "import dev.conduit.Context;",
            "import dev.conduit.ContextKey;",
            "import java.util.List;",
            "class Test {",
            "  // The token cache's request message: its context travels with the request.",
            "  record TokenRequest(Context ctx, Channel<String> reply) {}",
            "  private static final Context ROOT = Context.background();",
            "  private static final ContextKey<String> USER = ContextKey.named(\"user\");",
            "  private final List<String> names = List.of();",
            "  // A root has no cancellation or deadline to outlive: a test class's context.",
            "  private final Context root = Context.background();",
            "  void f(Context ctx) {",
            "    Context local = ctx;",
            "    Runnable r = () -> System.out.println(local);",
            "  }",
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
            "  @SuppressWarnings(\"ContextInField\")",
            "  private final Context ctx = Context.background();",
            "}")
        .doTest();
  }
}
