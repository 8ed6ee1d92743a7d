package dev.conduit.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import dev.conduit.errorprone.abandoned.AbandonedSender;
import dev.conduit.errorprone.common.ConduitChecker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AbandonedSenderCountingTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(AbandonedSender.class, getClass());

  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(AbandonedSender.class, getClass());

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @Test
  void receiverTakesFewer() {
    helper
        .addSourceLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Channel;",
            "import java.util.List;",
            "import java.util.function.Consumer;",
            "class Test {",
            "  static String search(String replica, String query) { return replica + query; }",
            "  static void produce(Consumer<String> sink) { sink.accept(\"x\"); }",
            "  // The talk's First: the replicas that lose block forever.",
            "  static String first(String query, List<String> replicas) {",
            "    // BUG: Diagnostic contains: it receives at most 1 time, but goroutines may send any",
            "    Channel<String> c = Channel.unbuffered();",
            "    for (String replica : replicas) {",
            "      go(() -> c.send(search(replica, query)));",
            "    }",
            "    return c.receive();",
            "  }",
            "  static String firstOfTwo(String query) {",
            "    // BUG: Diagnostic contains: Did you mean 'Channel<String> c = Channel.buffered(2);'",
            "    Channel<String> c = Channel.unbuffered();",
            "    go(() -> c.send(search(\"a\", query)));",
            "    go(() -> c.send(search(\"b\", query)));",
            "    return c.receive();",
            "  }",
            "  // A break out of the receive loop leaves the other senders blocked.",
            "  static String firstEmpty(List<String> queries) {",
            "    // BUG: Diagnostic contains: a break at line 35 leaves the loop of receives",
            "    Channel<String> c = Channel.unbuffered();",
            "    for (String q : queries) {",
            "      go(() -> c.send(search(\"r\", q)));",
            "    }",
            "    String found = null;",
            "    for (String r : c) {",
            "      if (r.isEmpty()) {",
            "        found = r;",
            "        break;",
            "      }",
            "    }",
            "    return found;",
            "  }",
            "  static String labelled(List<String> queries) {",
            "    // BUG: Diagnostic contains: leaves the loop of receives",
            "    Channel<String> c = Channel.unbuffered();",
            "    go(() -> c.send(\"a\"));",
            "    go(() -> c.send(\"b\"));",
            "    String found = \"\";",
            "    receiving:",
            "    for (int i = 0; i < 2; i++) {",
            "      String r = c.receive();",
            "      for (String q : queries) {",
            "        if (q.equals(r)) {",
            "          found = r;",
            "          break receiving;",
            "        }",
            "      }",
            "    }",
            "    return found;",
            "  }",
            "  // Sends through a method reference handed to a helper.",
            "  static String viaReference() {",
            "    // BUG: Diagnostic contains: it receives at most 1 time, but goroutines may send any",
            "    Channel<String> c = Channel.unbuffered();",
            "    go(() -> produce(c::send));",
            "    go(() -> produce(c::send));",
            "    return c.receive();",
            "  }",
            "  // An early return out of the receive loop.",
            "  static String earlyReturn() {",
            "    // BUG: Diagnostic contains: skips the receive",
            "    Channel<String> c = Channel.unbuffered();",
            "    go(() -> c.send(\"a\"));",
            "    go(() -> c.send(\"b\"));",
            "    for (int i = 0; i < 2; i++) {",
            "      String r = c.receive();",
            "      if (r.isEmpty()) {",
            "        return r;",
            "      }",
            "    }",
            "    return \"\";",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void controlFlowShapesCountSends() {
    refactoring
        .addInputLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Channel;",
            "import java.util.List;",
            "class Test {",
            "  static String f(boolean a, int n, List<String> items) {",
            "    var ch = Channel.<String>unbuffered();",
            "    go(() -> {",
            "      try {",
            "        ch.send(\"body\");",
            "      } finally {",
            "        ch.send(\"finally\");",
            "      }",
            "    });",
            "    go(() -> {",
            "      String v = switch (n) {",
            "        case 0 -> \"zero\";",
            "        default -> \"more\";",
            "      };",
            "      ch.send(v);",
            "    });",
            "    go(() -> {",
            "      outer:",
            "      for (String item : items) {",
            "        if (item.isEmpty()) {",
            "          ch.send(item);",
            "          break outer;",
            "        }",
            "      }",
            "    });",
            "    return ch.receive();",
            "  }",
            "}")
        .addOutputLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Channel;",
            "import java.util.List;",
            "class Test {",
            "  static String f(boolean a, int n, List<String> items) {",
            "    var ch = Channel.<String>buffered(4);",
            "    go(() -> {",
            "      try {",
            "        ch.send(\"body\");",
            "      } finally {",
            "        ch.send(\"finally\");",
            "      }",
            "    });",
            "    go(() -> {",
            "      String v = switch (n) {",
            "        case 0 -> \"zero\";",
            "        default -> \"more\";",
            "      };",
            "      ch.send(v);",
            "    });",
            "    go(() -> {",
            "      outer:",
            "      for (String item : items) {",
            "        if (item.isEmpty()) {",
            "          ch.send(item);",
            "          break outer;",
            "        }",
            "      }",
            "    });",
            "    return ch.receive();",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }
}
