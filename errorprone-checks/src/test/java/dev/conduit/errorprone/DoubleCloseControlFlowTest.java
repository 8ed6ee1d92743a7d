package dev.conduit.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.conduit.errorprone.closing.DoubleClose;
import dev.conduit.errorprone.common.ConduitChecker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DoubleCloseControlFlowTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(DoubleClose.class, getClass());

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @Test
  void controlFlowShapesCloseOnce() {
    helper
        .addSourceLines(
            "Shapes.java",
            "import dev.conduit.Channel;",
            "import dev.conduit.CancellableContext;",
            "import dev.conduit.Context;",
            "import java.util.List;",
            "class Shapes {",
            "  static void labelledBreak(Channel<Integer> ch, List<List<Integer>> rows) {",
            "    outer:",
            "    for (List<Integer> row : rows) {",
            "      for (int n : row) {",
            "        if (n < 0) {",
            "          ch.close();",
            "          break outer;",
            "        }",
            "        ch.send(n);",
            "      }",
            "    }",
            "  }",
            "  static void continueSkipsTheClose(Channel<Integer> ch, List<Integer> items) {",
            "    boolean closed = false;",
            "    for (int n : items) {",
            "      if (closed) {",
            "        continue;",
            "      }",
            "      ch.send(n);",
            "    }",
            "    ch.close();",
            "  }",
            "  static int switchExpression(Channel<Integer> ch, int n) {",
            "    return switch (n) {",
            "      case 0 -> {",
            "        ch.close();",
            "        yield 0;",
            "      }",
            "      default -> {",
            "        ch.send(n);",
            "        ch.close();",
            "        yield n;",
            "      }",
            "    };",
            "  }",
            "  static void tryWithResources(Context parent, Channel<Integer> ch) {",
            "    try (CancellableContext ctx = parent.withCancel()) {",
            "      ch.send(ctx, 1);",
            "    } finally {",
            "      ch.close();",
            "    }",
            "  }",
            "  static void earlyReturn(Channel<Integer> ch, boolean empty) {",
            "    if (empty) {",
            "      ch.close();",
            "      return;",
            "    }",
            "    ch.send(1);",
            "    ch.close();",
            "  }",
            "  static void whileWithBreak(Channel<Integer> ch) {",
            "    while (true) {",
            "      if (ch.len() == 0) {",
            "        ch.close();",
            "        break;",
            "      }",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void controlFlowShapesCloseTwice() {
    helper
        .addSourceLines(
            "Shapes.java",
            "import dev.conduit.Channel;",
            "import dev.conduit.CancellableContext;",
            "import dev.conduit.Context;",
            "import java.util.List;",
            "class Shapes {",
            "  // break leaves only the inner loop: the outer one closes again.",
            "  static void breakInner(Channel<Integer> ch, List<List<Integer>> rows) {",
            "    for (List<Integer> row : rows) {",
            "      for (int n : row) {",
            "        if (n < 0) {",
            "          // BUG: Diagnostic contains: again on every later round of the loop",
            "          ch.close();",
            "          break;",
            "        }",
            "      }",
            "    }",
            "  }",
            "  static void labelledContinue(Channel<Integer> ch, List<List<Integer>> rows) {",
            "    outer:",
            "    for (List<Integer> row : rows) {",
            "      for (int n : row) {",
            "        // BUG: Diagnostic contains: again on every later round of the loop",
            "        ch.close();",
            "        continue outer;",
            "      }",
            "    }",
            "  }",
            "  static int switchExpression(Channel<Integer> ch, int n) {",
            "    int r = switch (n) {",
            "      case 0 -> {",
            "        ch.close();",
            "        yield 0;",
            "      }",
            "      default -> n;",
            "    };",
            "    // BUG: Diagnostic contains: may already be closed at line 31",
            "    ch.close();",
            "    return r;",
            "  }",
            "  static void tryWithResources(Context parent, Channel<Integer> ch) {",
            "    try (CancellableContext ctx = parent.withCancel()) {",
            "      ch.send(ctx, 1);",
            "      ch.close();",
            "    } finally {",
            "      // BUG: Diagnostic contains: may already be closed at line 43",
            "      ch.close();",
            "    }",
            "  }",
            "  static void returnOnOnePathOnly(Channel<Integer> ch, boolean empty, boolean log) {",
            "    if (empty) {",
            "      ch.close();",
            "      if (log) {",
            "        return;",
            "      }",
            "    }",
            "    // BUG: Diagnostic contains: may already be closed at line 51",
            "    ch.close();",
            "  }",
            "  static void doWhile(Channel<Integer> ch, int n) {",
            "    int i = 0;",
            "    do {",
            "      // BUG: Diagnostic contains: again on every later round of the loop",
            "      ch.close();",
            "    } while (++i < n);",
            "  }",
            "}")
        .doTest();
  }
}
