package dev.conduit.errorprone;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.ErrorProneFlags;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.lostcancel.LostCancel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LostCancelOptionsTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(LostCancel.class, getClass());

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  private CompilationTestHelper method(String... lines) {
    String[] source = new String[lines.length + 10];
    source[0] = "import dev.conduit.*;";
    source[1] = "import java.time.Duration;";
    source[2] = "import java.time.Instant;";
    source[3] = "class Test {";
    source[4] = "  CancellableContext field;";
    source[5] = "  static void work(Context ctx) {}";
    source[6] = "  static void own(AutoCloseable handle) {}";
    source[7] = "  static boolean ready() { return true; }";
    source[8] = "  static final Duration SECOND = Duration.ofSeconds(1);";
    System.arraycopy(lines, 0, source, 9, lines.length);
    source[source.length - 1] = "}";
    return helper.addSourceLines("Test.java", source);
  }

  @Test
  void theFixIsOfferedWithTheFinding() {
    method(
            "  void f(Context ctx) {",
            "    var child = ctx.withTimeout(SECOND);",
            "    work(child);",
            "    // BUG: Diagnostic contains: Did you mean 'try (var child ="
                + " ctx.withTimeout(SECOND)) {'",
            "  }")
        .doTest();
  }

  @Test
  void fixWrapsTheRestOfTheBlockInTryWithResources() {
    BugCheckerRefactoringTestHelper.newInstance(LostCancel.class, getClass())
        .addInputLines(
            "Test.java",
            "import dev.conduit.*;",
            "import java.time.Duration;",
            "class Test {",
            "  static void work(Context ctx) {}",
            "  void f(Context ctx, boolean early) {",
            "    CancellableContext child = ctx.withTimeout(Duration.ofSeconds(1));",
            "    work(child);",
            "    if (early) {",
            "      return;",
            "    }",
            "    child.cancel();",
            "  }",
            "}")
        .addOutputLines(
            "Test.java",
            "import dev.conduit.*;",
            "import java.time.Duration;",
            "class Test {",
            "  static void work(Context ctx) {}",
            "  void f(Context ctx, boolean early) {",
            "    try (CancellableContext child = ctx.withTimeout(Duration.ofSeconds(1))) {",
            "      work(child);",
            "      if (early) {",
            "        return;",
            "      }",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void extraHandlesFromFlags() {
    helper
        .addSourceLines(
            "Pool.java",
            "class Pool {",
            "  Lease lease() { return new Lease(); }",
            "  static final class Lease { void release() {} }",
            "  static final class Permit { void giveBack() {} }",
            "}")
        .addSourceLines(
            "Test.java",
            "class Test {",
            "  void f(Pool pool, boolean early) {",
            "    Pool.Lease lease = pool.lease();",
            "    if (early) {",
            "      // BUG: Diagnostic contains: without releasing the handle created on line 3 by"
                + " Pool.lease()",
            "      return;",
            "    }",
            "    lease.release();",
            "  }",
            "  void g() {",
            "    // BUG: Diagnostic contains: Permit.new() must be released (releasing it)",
            "    new Pool.Permit();",
            "    var kept = new Pool.Permit();",
            "    kept.giveBack();",
            "  }",
            "}")
        .setArgs("-XepOpt:LostCancel:ExtraHandles=Pool#lease/release, Pool.Permit#new/giveBack")
        .doTest();
  }

  @Test
  void fluentChainsOfExtraHandles() {
    helper
        .addSourceLines(
            "Batch.java",
            "final class Batch {",
            "  static Batch open() { return new Batch(); }",
            "  Batch add(String item) { return this; }",
            "  int commit() { return 0; }",
            "}")
        .addSourceLines(
            "Test.java",
            "class Test {",
            "  int chained() { return Batch.open().add(\"a\").add(\"b\").commit(); }",
            "  int viaLocal() {",
            "    Batch batch = Batch.open();",
            "    batch.add(\"a\");",
            "    return batch.add(\"b\").commit();",
            "  }",
            "  int chainIntoLocal() {",
            "    Batch batch = Batch.open().add(\"a\");",
            "    Batch same = batch.add(\"b\");",
            "    return same.commit();",
            "  }",
            "  void leaks() {",
            "    // BUG: Diagnostic contains: only its hashCode() is used",
            "    Batch.open().add(\"a\").hashCode();",
            "  }",
            "}")
        .setArgs("-XepOpt:LostCancel:ExtraHandles=Batch#open/commit")
        .doTest();
  }

  @Test
  void malformedExtraHandlesAreRejectedWithTheEntry() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LostCancel(
                    ErrorProneFlags.fromMap(
                        java.util.Map.of("LostCancel:ExtraHandles", "com.acme.Pool#lease"))));
    assertThat(e).hasMessageThat().contains("'com.acme.Pool#lease' is not of the form");
  }

  @Test
  void requireTryWithResourcesFlag() {
    method(
            "  void f(Context ctx) {",
            "    // BUG: Diagnostic contains: which LostCancel:RequireTryWithResources asks for",
            "    var child = ctx.withCancel();",
            "    try {",
            "      work(child);",
            "    } finally {",
            "      child.cancel();",
            "    }",
            "    try (var scoped = ctx.withCancel()) {",
            "      work(scoped);",
            "    }",
            "  }",
            "  CancellableContext handedBack(Context ctx) { return ctx.withCancel(); }",
            "  CancellableContext handedBackViaLocal(Context ctx) {",
            "    var child = ctx.withCancel();",
            "    return child;",
            "  }",
            "  void cancelledByAGoroutine(Context ctx) {",
            "    var child = ctx.withCancel();",
            "    Go.go(child::cancel);",
            "  }")
        .setArgs("-XepOpt:LostCancel:RequireTryWithResources=true")
        .doTest();
  }
}
