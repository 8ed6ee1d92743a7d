package dev.conduit.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import dev.conduit.errorprone.abandoned.AbandonedSender;
import dev.conduit.errorprone.common.ConduitChecker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AbandonedSenderTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(AbandonedSender.class, getClass());

  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(AbandonedSender.class, getClass());

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @Test
  void parentMayStopWaiting() {
    helper
        .addSourceLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Channel;",
            "import dev.conduit.Context;",
            "import dev.conduit.Select;",
            "import java.time.Duration;",
            "class Test {",
            "  static String expensiveWork() { return \"\"; }",
            "  // The tutorial's leak: the timeout fires, nobody ever receives.",
            "  static String doWork() {",
            "    // BUG: Diagnostic contains: Did you mean 'Channel<String> ch ="
                + " Channel.buffered(1);'",
            "    Channel<String> ch = Channel.unbuffered();",
            "    go(() -> ch.send(expensiveWork()));",
            "    return Select.<String>select()",
            "        .onReceive(ch, result -> result)",
            "        .onTimeout(Duration.ofSeconds(5), () -> \"timeout\")",
            "        .await();",
            "  }",
            "  static String withDone(Context ctx) {",
            "    // BUG: Diagnostic contains: may take its onDone clause instead",
            "    Channel<String> ch = Channel.buffered(0);",
            "    go(() -> ch.send(expensiveWork()));",
            "    return Select.<String>select().onReceive(ch, r -> r).onDone(ctx, () ->"
                + " \"\").await();",
            "  }",
            "  static String withDefault() {",
            "    // BUG: Diagnostic contains: may take its orElse clause instead",
            "    Channel<String> ch = Channel.unbuffered();",
            "    go(() -> ch.send(expensiveWork()));",
            "    return Select.<String>select().onReceive(ch, r -> r).orElse(() -> \"\").await();",
            "  }",
            "  static String otherClause(Channel<String> quit) {",
            "    // BUG: Diagnostic contains: may take its onReceive clause instead",
            "    Channel<String> ch = Channel.unbuffered();",
            "    go(() -> ch.send(expensiveWork()));",
            "    return Select.<String>select().onReceive(quit, q -> q).onReceive(ch, r ->"
                + " r).await();",
            "  }",
            "  static String receiveWithContext(Context ctx) {",
            "    // BUG: Diagnostic contains: receive(ctx) gives up when that context is done",
            "    Channel<String> ch = Channel.unbuffered();",
            "    go(() -> ch.send(expensiveWork()));",
            "    return ch.receive(ctx);",
            "  }",
            "  static String earlyReturn(boolean cached) {",
            "    // BUG: Diagnostic contains: a return at line 47 skips the receive",
            "    Channel<String> ch = Channel.unbuffered();",
            "    go(() -> ch.send(expensiveWork()));",
            "    if (cached) {",
            "      return \"cached\";",
            "    }",
            "    return ch.receive();",
            "  }",
            "  // The first failure returns; the other senders wait forever.",
            "  static String firstError(int n) {",
            "    // BUG: Diagnostic contains: Did you mean 'Channel<String> results ="
                + " Channel.buffered(2);'",
            "    Channel<String> results = Channel.unbuffered();",
            "    go(() -> results.send(expensiveWork()));",
            "    go(() -> results.send(expensiveWork()));",
            "    for (int i = 0; i < 2; i++) {",
            "      String r = results.receive();",
            "      if (r.isEmpty()) {",
            "        throw new IllegalStateException();",
            "      }",
            "    }",
            "    return \"\";",
            "  }",
            "  // Unbounded sends: no buffer fits, the goroutine must give up itself.",
            "  static String generator(Context ctx) {",
            "    // BUG: Diagnostic contains: Let the goroutine give up too",
            "    Channel<Integer> numbers = Channel.unbuffered();",
            "    go(() -> {",
            "      for (int i = 0; ; i++) {",
            "        numbers.send(i);",
            "      }",
            "    });",
            "    for (int n : numbers) {",
            "      if (n > 10) {",
            "        return \"found\";",
            "      }",
            "    }",
            "    return \"\";",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void theNewReceivesWaitLikeReceive() {
    helper
        .addSourceLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Channel;",
            "import dev.conduit.Context;",
            "import java.util.Optional;",
            "class Test {",
            "  static String expensiveWork() { return \"\"; }",
            "  static Optional<String> optionalWithContext(Context ctx) {",
            "    // BUG: Diagnostic contains: receiveOptional(ctx) gives up when that context is"
                + " done",
            "    Channel<String> ch = Channel.unbuffered();",
            "    go(() -> ch.send(expensiveWork()));",
            "    return ch.receiveOptional(ctx);",
            "  }",
            "  static void signalWithContext(Context ctx) {",
            "    // BUG: Diagnostic contains: awaitSignal(ctx) gives up when that context is done",
            "    Channel<String> ch = Channel.unbuffered();",
            "    go(() -> ch.send(expensiveWork()));",
            "    ch.awaitSignal(ctx);",
            "  }",
            "  // Waiting without giving up: the sender is always received.",
            "  static Optional<String> plain() {",
            "    Channel<String> ch = Channel.unbuffered();",
            "    go(() -> ch.send(expensiveWork()));",
            "    return ch.receiveOptional();",
            "  }",
            "  static void plainSignal() {",
            "    Channel<String> ch = Channel.unbuffered();",
            "    go(() -> ch.send(expensiveWork()));",
            "    ch.awaitSignal();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void cancellationInsideAWaitingLoop() {
    helper
        .addSourceLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Channel;",
            "import dev.conduit.Context;",
            "import dev.conduit.Select;",
            "import java.time.Duration;",
            "class Test {",
            "  static String work() { return \"\"; }",
            "  static String heartbeatUntilCancelled(Context ctx) {",
            "    // BUG: Diagnostic contains: may take its onTimeout/onDone clause instead",
            "    Channel<String> ch = Channel.unbuffered();",
            "    go(() -> ch.send(work()));",
            "    while (true) {",
            "      String r = Select.<String>select()",
            "          .onReceive(ch, v -> v)",
            "          .onTimeout(Duration.ofSeconds(1), () -> \"\")",
            "          .onDone(ctx, () -> null)",
            "          .await();",
            "      if (r == null || !r.isEmpty()) {",
            "        return r;",
            "      }",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fixGivesOneSlotPerSend() {
    refactoring
        .addInputLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Channel;",
            "import dev.conduit.Select;",
            "import java.time.Duration;",
            "class Test {",
            "  static String work() { return \"\"; }",
            "  static String f(boolean fail) {",
            "    var ch = Channel.<String>unbuffered();",
            "    go(() -> {",
            "      if (fail) {",
            "        ch.send(\"failed\");",
            "        return;",
            "      }",
            "      ch.send(work());",
            "    });",
            "    go(() -> ch.send(work()));",
            "    return Select.<String>select()",
            "        .onReceive(ch, r -> r)",
            "        .onTimeout(Duration.ofSeconds(1), () -> \"timeout\")",
            "        .await();",
            "  }",
            "}")
        .addOutputLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Channel;",
            "import dev.conduit.Select;",
            "import java.time.Duration;",
            "class Test {",
            "  static String work() { return \"\"; }",
            "  static String f(boolean fail) {",
            "    var ch = Channel.<String>buffered(2);",
            "    go(() -> {",
            "      if (fail) {",
            "        ch.send(\"failed\");",
            "        return;",
            "      }",
            "      ch.send(work());",
            "    });",
            "    go(() -> ch.send(work()));",
            "    return Select.<String>select()",
            "        .onReceive(ch, r -> r)",
            "        .onTimeout(Duration.ofSeconds(1), () -> \"timeout\")",
            "        .await();",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void todoKnownMisses() {
    helper
        .addSourceLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Channel;",
            "class Test {",
            "  static String work() { return \"\"; }",
            "  // TODO: an exception thrown by a call between start and receive also abandons.",
            "  static String f() {",
            "    Channel<String> ch = Channel.unbuffered();",
            "    go(() -> ch.send(work()));",
            "    Integer.parseInt(\"not a number\");",
            "    return ch.receive();",
            "  }",
            "  // TODO: in a loop, a timeout that ends the wait is taken for a heartbeat.",
            "  static String timeoutInLoop() {",
            "    Channel<String> ch = Channel.unbuffered();",
            "    go(() -> ch.send(work()));",
            "    for (int attempt = 0; attempt < 3; attempt++) {",
            "      String r = dev.conduit.Select.<String>select()",
            "          .onReceive(ch, v -> v)",
            "          .onTimeout(java.time.Duration.ofSeconds(1), () -> null)",
            "          .await();",
            "      if (r != null) {",
            "        return r;",
            "      }",
            "    }",
            "    return \"gave up\";",
            "  }",
            "  // TODO: a channel handed to a helper that starts the goroutine is out of sight.",
            "  static void start(Channel<String> ch) {",
            "    go(() -> ch.send(work()));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void todo_sendsOutOfSight() {
    helper
        .addSourceLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Channel;",
            "class Test {",
            "  static void sendTwice(Channel<String> c) {",
            "    c.send(\"a\");",
            "    c.send(\"b\");",
            "  }",
            "  // TODO: a helper that sends twice on a channel passed to it is out of sight.",
            "  static String viaHelper() {",
            "    Channel<String> c = Channel.unbuffered();",
            "    go(() -> sendTwice(c));",
            "    return c.receive();",
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
            "import dev.conduit.Channel;",
            "import dev.conduit.Select;",
            "class Test {",
            "  @SuppressWarnings(\"AbandonedSender\")",
            "  static String f() {",
            "    Channel<String> ch = Channel.unbuffered();",
            "    go(() -> ch.send(\"x\"));",
            "    return Select.<String>select().onReceive(ch, r -> r).orElse(() -> \"\").await();",
            "  }",
            "}")
        .doTest();
  }
}
