package dev.conduit.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.conduit.errorprone.util.Guard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DoubleCloseTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(DoubleClose.class, getClass());

  @BeforeAll
  static void failLoudly() {
    System.setProperty(Guard.RETHROW_PROPERTY, "true");
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
            "    // BUG: Diagnostic contains: channel 'ch' is closed although it may already be"
                + " closed at line 7",
            "    ch.close();",
            "  }",
            "  static void onOneBranch(Channel<String> ch, boolean failed) {",
            "    if (failed) {",
            "      ch.close();",
            "    }",
            "    // BUG: Diagnostic contains: may already be closed at line 13",
            "    ch.close();",
            "  }",
            "  // Go's defer close(ch) plus an explicit close: the finally runs after the body's.",
            "  static void finallyToo(Channel<String> ch) {",
            "    try {",
            "      ch.send(\"x\");",
            "      ch.close();",
            "    } finally {",
            "      // BUG: Diagnostic contains: may already be closed at line 22",
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
            "    // BUG: Diagnostic contains: may already be closed at line 46",
            "    ch.close();",
            "  }",
            "  void finalField() {",
            "    done.close();",
            "    // BUG: Diagnostic contains: channel 'this.done' is closed although",
            "    this.done.close();",
            "  }",
            "  static void insideLambda(Channel<String> ch) {",
            "    Runnable r = () -> {",
            "      ch.close();",
            "      // BUG: Diagnostic contains: may already be closed at line 57",
            "      ch.close();",
            "    };",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void cleanCode() {
    helper
        .addSourceLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Channel;",
            "import dev.conduit.WaitGroup;",
            "import java.util.List;",
            "class Test {",
            "  private Channel<String> mutable = Channel.unbuffered();",
            "  static void once(Channel<String> ch) {",
            "    ch.close();",
            "  }",
            "  static void eitherBranch(Channel<String> ch, boolean failed) {",
            "    if (failed) {",
            "      ch.close();",
            "      return;",
            "    }",
            "    ch.send(\"ok\");",
            "    ch.close();",
            "  }",
            "  static void reassigned(List<String> batches) {",
            "    Channel<String> ch = Channel.buffered(1);",
            "    for (String batch : batches) {",
            "      ch.send(batch);",
            "      ch.close();",
            "      ch = Channel.buffered(1);",
            "    }",
            "  }",
            "  static void closeAndLeave(Channel<String> ch, List<String> items) {",
            "    for (String item : items) {",
            "      if (item.isEmpty()) {",
            "        ch.close();",
            "        break;",
            "      }",
            "    }",
            "  }",
            "  static void closeAndReturn(Channel<String> ch, List<String> items) {",
            "    for (String item : items) {",
            "      if (item.isEmpty()) {",
            "        ch.close();",
            "        return;",
            "      }",
            "    }",
            "  }",
            "  static void checked(Channel<String> ch) {",
            "    ch.close();",
            "    if (!ch.isClosed()) {",
            "      ch.close();",
            "    }",
            "  }",
            "  // A loop that makes a new channel each round.",
            "  static void perRound(List<String> items) {",
            "    for (String item : items) {",
            "      Channel<String> ch = Channel.buffered(1);",
            "      ch.send(item);",
            "      ch.close();",
            "    }",
            "  }",
            "  // Pipeline stage: the goroutine closes its own output once, on the way out.",
            "  static Channel<Integer> stage(Channel<Integer> in) {",
            "    Channel<Integer> out = Channel.unbuffered();",
            "    go(() -> {",
            "      try {",
            "        for (int n : in) {",
            "          out.send(n * 2);",
            "        }",
            "      } finally {",
            "        out.close();",
            "      }",
            "    });",
            "    return out;",
            "  }",
            "  // Worker pool: jobs closed by the feeder, results by the closer goroutine.",
            "  static void pool(List<Integer> jobs) {",
            "    Channel<Integer> jobsCh = Channel.buffered(jobs.size());",
            "    Channel<Integer> resultsCh = Channel.buffered(jobs.size());",
            "    WaitGroup wg = new WaitGroup();",
            "    for (int i = 0; i < 3; i++) {",
            "      wg.go(() -> {",
            "        for (int job : jobsCh) {",
            "          resultsCh.send(job);",
            "        }",
            "      });",
            "    }",
            "    for (int job : jobs) {",
            "      jobsCh.send(job);",
            "    }",
            "    jobsCh.close();",
            "    go(() -> {",
            "      wg.await();",
            "      resultsCh.close();",
            "    });",
            "    for (int r : resultsCh) {}",
            "  }",
            "  // Other close() methods are not channel closes.",
            "  static void notChannels(java.io.Closeable a) throws java.io.IOException {",
            "    a.close();",
            "    a.close();",
            "  }",
            "  // A field another method may reassign is not followed.",
            "  void mutableField() {",
            "    mutable.close();",
            "    reset();",
            "    mutable.close();",
            "  }",
            "  void reset() {",
            "    mutable = Channel.unbuffered();",
            "  }",
            "  static void switches(Channel<String> ch, int n) {",
            "    switch (n) {",
            "      case 1 -> ch.close();",
            "      case 2 -> ch.close();",
            "      default -> {}",
            "    }",
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
            "  // TODO: a close in a helper method is not followed.",
            "  static void viaHelper(Channel<String> ch) {",
            "    closeIt(ch);",
            "    ch.close();",
            "  }",
            "  static void closeIt(Channel<String> ch) {",
            "    ch.close();",
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
