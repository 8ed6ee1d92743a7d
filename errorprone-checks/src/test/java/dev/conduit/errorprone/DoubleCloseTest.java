package dev.conduit.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.conduit.errorprone.closing.DoubleClose;
import dev.conduit.errorprone.common.ConduitChecker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DoubleCloseTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(DoubleClose.class, getClass());

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @Test
  void closedTwice() {
    helper
        .addSourceLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Channel;",
            "import java.util.List;",
            "class Test {",
            "  private final Channel<String> done = Channel.unbuffered();",
            "  static void sequence(Channel<String> ch) {",
            "    ch.close();",
            "    // BUG: Diagnostic contains: Channel 'ch' is closed although it may already be"
                + " closed at line 7",
            "    ch.close();",
            "  }",
            "  // Something after the close may throw into the handler, which closes again.",
            "  static void closeThenWork(Channel<String> ch) {",
            "    try {",
            "      ch.close();",
            "      System.out.println(\"closed\");",
            "    } catch (RuntimeException e) {",
            "      // BUG: Diagnostic contains: may already be closed at line 14",
            "      ch.close();",
            "    }",
            "  }",
            "  static void onOneBranch(Channel<String> ch, boolean failed) {",
            "    if (failed) {",
            "      ch.close();",
            "    }",
            "    // BUG: Diagnostic contains: may already be closed at line 23",
            "    ch.close();",
            "  }",
            "  // Go's defer close(ch) plus an explicit close: the finally runs after the body's.",
            "  static void finallyToo(Channel<String> ch) {",
            "    try {",
            "      ch.send(\"x\");",
            "      ch.close();",
            "    } finally {",
            "      // BUG: Diagnostic contains: may already be closed at line 32",
            "      ch.close();",
            "    }",
            "  }",
            "  static void inLoop(Channel<String> ch, List<String> items) {",
            "    for (String item : items) {",
            "      ch.send(item);",
            "      // BUG: Diagnostic contains: again on every later round of the loop",
            "      ch.close();",
            "    }",
            "  }",
            "  // The tutorial's warning: every goroutine closes the same channel.",
            "  static void everyWorkerCloses(Channel<String> results) {",
            "    for (int i = 0; i < 3; i++) {",
            "      go(() -> {",
            "        results.send(\"r\");",
            "        // BUG: Diagnostic contains: by every goroutine the loop starts",
            "        results.close();",
            "      });",
            "    }",
            "  }",
            "  static void goroutineAndParent(Channel<String> ch) {",
            "    go(() -> ch.close());",
            "    // BUG: Diagnostic contains: may already be closed at line 56",
            "    ch.close();",
            "  }",
            "  void finalField() {",
            "    done.close();",
            "    // BUG: Diagnostic contains: Channel 'this.done' is closed although",
            "    this.done.close();",
            "  }",
            "  static void insideLambda(Channel<String> ch) {",
            "    Runnable r = () -> {",
            "      ch.close();",
            "      // BUG: Diagnostic contains: may already be closed at line 67",
            "      ch.close();",
            "    };",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void newlyCaught() {
    helper
        .addSourceLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Channel;",
            "import dev.conduit.Context;",
            "import java.util.List;",
            "import java.util.concurrent.CountDownLatch;",
            "import java.util.concurrent.atomic.AtomicBoolean;",
            "import java.util.concurrent.atomic.AtomicInteger;",
            "class Test {",
            "  static void alias(Channel<String> ch) {",
            "    var c2 = ch;",
            "    c2.close();",
            "    // BUG: Diagnostic contains: may already be closed at line 11",
            "    ch.close();",
            "  }",
            "  static void viaHelper(Channel<String> ch) {",
            "    closeIt(ch);",
            "    // BUG: Diagnostic contains: may already be closed at line 16",
            "    ch.close();",
            "  }",
            "  static void helperAfterClose(Channel<String> ch) {",
            "    ch.close();",
            "    // BUG: Diagnostic contains: Channel 'ch' is closed although it may already be",
            "    closeIt(ch);",
            "  }",
            "  static void closeIt(Channel<String> ch) {",
            "    ch.close();",
            "  }",
            "  // afterFunc closes when the context is done; the producer closes too.",
            "  static Channel<Integer> gen(Context ctx, List<Integer> nums) {",
            "    Channel<Integer> out = Channel.unbuffered();",
            "    ctx.afterFunc(out::close);",
            "    go(() -> {",
            "      for (int n : nums) {",
            "        out.send(n);",
            "      }",
            "      // BUG: Diagnostic contains: may already be closed at line 31",
            "      out.close();",
            "    });",
            "    return out;",
            "  }",
            "  // Reading a latch is no read-modify-write: two workers may both see zero.",
            "  static void latch(Channel<Integer> out, int n) {",
            "    CountDownLatch latch = new CountDownLatch(n);",
            "    for (int i = 0; i < n; i++) {",
            "      go(() -> {",
            "        latch.countDown();",
            "        if (latch.getCount() == 0) {",
            "          // BUG: Diagnostic contains: by every goroutine the loop starts",
            "          out.close();",
            "        }",
            "      });",
            "    }",
            "  }",
            "  // The guard is there, but the close is outside it.",
            "  static void guardMissed(Channel<Integer> out, int n) {",
            "    AtomicBoolean closed = new AtomicBoolean();",
            "    for (int i = 0; i < n; i++) {",
            "      go(() -> {",
            "        closed.compareAndSet(false, true);",
            "        // BUG: Diagnostic contains: by every goroutine the loop starts",
            "        out.close();",
            "      });",
            "    }",
            "  }",
            "  // Two different guards: each lets one goroutine through.",
            "  static void twoGuards(Channel<Integer> out) {",
            "    AtomicBoolean a = new AtomicBoolean();",
            "    AtomicBoolean b = new AtomicBoolean();",
            "    if (a.compareAndSet(false, true)) {",
            "      out.close();",
            "    }",
            "    if (b.compareAndSet(false, true)) {",
            "      // BUG: Diagnostic contains: may already be closed at line 70",
            "      out.close();",
            "    }",
            "  }",
            "  // A counter compared with <= is no guard: several workers may see it.",
            "  static void notEquality(Channel<Integer> out, int n) {",
            "    AtomicInteger left = new AtomicInteger(n);",
            "    for (int i = 0; i < n; i++) {",
            "      go(() -> {",
            "        if (left.decrementAndGet() <= 0) {",
            "          // BUG: Diagnostic contains: by every goroutine the loop starts",
            "          out.close();",
            "        }",
            "      });",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  // The Docker fix from the Tu et al. study: stop() may be called by several goroutines.
  @Test
  void dockerStopFixed() {
    helper
        .addSourceLines(
            "Watcher.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Channel;",
            "import java.util.concurrent.atomic.AtomicBoolean;",
            "class Watcher {",
            "  private final Channel<Void> stopCh = Channel.unbuffered();",
            "  private final AtomicBoolean stopped = new AtomicBoolean();",
            "  void stop() {",
            "    if (stopped.compareAndSet(false, true)) {",
            "      stopCh.close();",
            "    }",
            "  }",
            "  void run(int watchers) {",
            "    for (int i = 0; i < watchers; i++) {",
            "      go(() -> {",
            "        for (Void unused : stopCh) {}",
            "        if (stopped.compareAndSet(false, true)) {",
            "          stopCh.close();",
            "        }",
            "      });",
            "    }",
            "    stop();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void todoKnownMisses() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "class Test {",
            "  // TODO: a Runnable that closes, run twice, is not followed.",
            "  static void runTwice(Channel<String> ch) {",
            "    Runnable closer = () -> ch.close();",
            "    closer.run();",
            "    closer.run();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void todo_closesThroughOpaqueValues() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "import java.util.List;",
            "class Test {",
            "  // TODO: a channel chosen by a conditional expression is a value of its own.",
            "  static void conditional(Channel<String> a, Channel<String> b, boolean f) {",
            "    Channel<String> c = f ? a : b;",
            "    a.close();",
            "    c.close();",
            "  }",
            "  // TODO: a list holding the same channel twice.",
            "  static void sameTwiceInList(Channel<String> a) {",
            "    for (Channel<String> c : List.of(a, a)) {",
            "      c.close();",
            "    }",
            "  }",
            "  // TODO: the Docker bug itself: a method that closes a field, called twice.",
            "  private final Channel<String> stopCh = Channel.unbuffered();",
            "  void stop() {",
            "    stopCh.close();",
            "  }",
            "  void stopTwice() {",
            "    stop();",
            "    stop();",
            "  }",
            "  // TODO: a method reference run by a helper of unknown count.",
            "  static void reference(Channel<String> a) {",
            "    Runnable r = a::close;",
            "    r.run();",
            "    a.close();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void suppressed() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "class Test {",
            "  @SuppressWarnings(\"DoubleClose\")",
            "  static void f(Channel<String> ch) {",
            "    ch.close();",
            "    ch.close();",
            "  }",
            "}")
        .doTest();
  }
}
