package dev.conduit.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.waitgroup.WaitGroupAddInGoroutine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WaitGroupAddInGoroutineTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(WaitGroupAddInGoroutine.class, getClass());

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @Test
  void addInsideTheGoroutine() {
    helper
        .addSourceLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Context;",
            "import dev.conduit.ErrGroup;",
            "import dev.conduit.WaitGroup;",
            "import java.util.concurrent.ExecutorService;",
            "class Test {",
            "  private final WaitGroup field = new WaitGroup();",
            "  static void work(int i) {}",
            "  static void f(WaitGroup param, ExecutorService pool, ErrGroup group) {",
            "    WaitGroup wg = new WaitGroup();",
            "    for (int i = 0; i < 10; i++) {",
            "      int id = i;",
            "      go(() -> {",
            "        // BUG: Diagnostic contains: wg.add() runs inside the goroutine it counts",
            "        wg.add(1);",
            "        try {",
            "          work(id);",
            "        } finally {",
            "          wg.done();",
            "        }",
            "      });",
            "    }",
            "    wg.await();",
            "    // BUG: Diagnostic contains: param.add() runs inside the goroutine",
            "    Thread.startVirtualThread(() -> param.add(1));",
            "    // BUG: Diagnostic contains: wg.add()",
            "    Thread.ofVirtual().start(() -> wg.add(1));",
            "    // BUG: Diagnostic contains: wg.add()",
            "    new Thread(() -> wg.add(1)).start();",
            "    // BUG: Diagnostic contains: wg.add()",
            "    pool.submit(() -> wg.add(1));",
            "    // BUG: Diagnostic contains: wg.add()",
            "    pool.execute(() -> wg.add(1));",
            "    // BUG: Diagnostic contains: wg.add()",
            "    group.go(() -> wg.add(1));",
            "    WaitGroup other = new WaitGroup();",
            "    // BUG: Diagnostic contains: wg.add()",
            "    other.go(() -> wg.add(1));",
            "    go(new Runnable() {",
            "      @Override",
            "      public void run() {",
            "        // BUG: Diagnostic contains: wg.add()",
            "        wg.add(1);",
            "        wg.done();",
            "      }",
            "    });",
            "  }",
            "  void g() {",
            "    // BUG: Diagnostic contains: field.add()",
            "    go(() -> field.add(1));",
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
            "import dev.conduit.WaitGroup;",
            "import java.util.List;",
            "class Test {",
            "  static void work(String s) {}",
            "  // The tutorials' pattern: add before go, done in the goroutine.",
            "  static void fanOut(List<String> urls) {",
            "    WaitGroup wg = new WaitGroup();",
            "    for (String url : urls) {",
            "      wg.add(1);",
            "      go(() -> {",
            "        try {",
            "          work(url);",
            "        } finally {",
            "          wg.done();",
            "        }",
            "      });",
            "    }",
            "    wg.await();",
            "  }",
            "  static void helper(List<String> urls) {",
            "    WaitGroup wg = new WaitGroup();",
            "    for (String url : urls) {",
            "      wg.go(() -> work(url));",
            "    }",
            "    wg.await();",
            "  }",
            "  // A goroutine with its own group for its own children.",
            "  static void nestedOwnGroup(List<String> urls) {",
            "    go(() -> {",
            "      WaitGroup inner = new WaitGroup();",
            "      inner.add(urls.size());",
            "      for (String url : urls) {",
            "        go(() -> { work(url); inner.done(); });",
            "      }",
            "      inner.await();",
            "    });",
            "  }",
            "  // Already counted by wg.go: the counter is positive while it runs.",
            "  static void countedByGo(WaitGroup wg) {",
            "    wg.go(() -> {",
            "      wg.add(1);",
            "      go(() -> { work(\"child\"); wg.done(); });",
            "    });",
            "  }",
            "  // The add counts a goroutine started after it, which signals done.",
            "  static void recursiveSpawn(WaitGroup wg) {",
            "    wg.add(1);",
            "    go(() -> {",
            "      try {",
            "        wg.add(1);",
            "        go(() -> { work(\"child\"); wg.done(); });",
            "      } finally {",
            "        wg.done();",
            "      }",
            "    });",
            "  }",
            "  // Not a goroutine: a plain lambda runs on the caller's thread.",
            "  static void notAGoroutine(WaitGroup wg, List<String> urls) {",
            "    urls.forEach(u -> wg.add(1));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void todoKnownMisses() {
    helper
        .addSourceLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.WaitGroup;",
            "class Test {",
            "  // TODO: a named method called from the goroutine's lambda is not followed (a"
                + " method reference is).",
            "  static void f(WaitGroup wg) {",
            "    go(() -> body(wg));",
            "  }",
            "  static void body(WaitGroup wg) {",
            "    wg.add(1);",
            "    wg.done();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void suppressed() {
    helper
        .addSourceLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.WaitGroup;",
            "class Test {",
            "  @SuppressWarnings(\"WaitGroupAddInGoroutine\")",
            "  static void f(WaitGroup wg) {",
            "    go(() -> wg.add(1));",
            "  }",
            "}")
        .doTest();
  }
}
