package dev.conduit.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.context.UncancellableBlockingCall;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UncancellableBlockingCallTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UncancellableBlockingCall.class, getClass());

  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(UncancellableBlockingCall.class, getClass());

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @Test
  void blockingCallsWithAContextInScope() {
    helper
        .addSourceLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.CancellableContext;",
            "import dev.conduit.Channel;",
            "import dev.conduit.Context;",
            "import dev.conduit.Select;",
            "import dev.conduit.WaitGroup;",
            "import java.time.Duration;",
            "class Test {",
            "  static void f(Context ctx, Channel<String> in, Channel<String> out, WaitGroup wg) {",
            "    // BUG: Diagnostic contains: Did you mean 'String v = in.receive(ctx);'",
            "    String v = in.receive();",
            "    // BUG: Diagnostic contains: Did you mean 'out.send(ctx, v);'",
            "    out.send(v);",
            "    // BUG: Diagnostic contains: Did you mean 'wg.await(ctx);'",
            "    wg.await();",
            "    // BUG: Diagnostic contains: Select without onDone, onTimeout or orElse blocks",
            "    Select.<String>select().onReceive(in, s -> s).onSend(out, \"x\", () ->"
                + " \"\").await();",
            "    // A goroutine that captures the context can use it too.",
            "    // BUG: Diagnostic contains: Did you mean 'go(() -> out.send(ctx, \"late\"));'",
            "    go(() -> out.send(\"late\"));",
            "  }",
            "  static void timed(Channel<String> in) {",
            "    try (CancellableContext ctx ="
                + " Context.background().withTimeout(Duration.ofSeconds(1))) {",
            "      // A timeout the method set itself and then ignores.",
            "      // BUG: Diagnostic contains: Did you mean 'in.receive(ctx);'",
            "      in.receive();",
            "    }",
            "  }",
            "  static void derived(Context parent, Channel<String> in) {",
            "    try (CancellableContext timed = parent.withTimeout(Duration.ofSeconds(1))) {",
            "      // The derived context carries the parent's cancellation and its own timeout.",
            "      // BUG: Diagnostic contains: Did you mean 'in.receive(timed);'",
            "      in.receive();",
            "    }",
            "  }",
            "  static void unbufferedLocal(Context ctx) {",
            "    Channel<String> ch = Channel.unbuffered();",
            "    // BUG: Diagnostic contains: send() blocks with no way to give up although 'ctx'",
            "    ch.send(\"x\");",
            "  }",
            "  static void tooSmall(Context ctx) {",
            "    Channel<String> ch = Channel.buffered(1);",
            "    // Two sends for one slot: which one blocks depends on the receivers, so both"
                + " count.",
            "    // BUG: Diagnostic contains: send() blocks",
            "    ch.send(\"a\");",
            "    // BUG: Diagnostic contains: send() blocks",
            "    ch.send(\"b\");",
            "  }",
            "  static void escapes(Context ctx, java.util.List<Channel<String>> all) {",
            "    Channel<String> ch = Channel.buffered(1);",
            "    all.add(ch);",
            "    // BUG: Diagnostic contains: send() blocks",
            "    ch.send(\"a\");",
            "  }",
            "  static void twoContexts(Context a, Context b, Channel<String> in) {",
            "    // BUG: Diagnostic contains: although 'a', 'b' are in scope",
            "    in.receive();",
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
            "import dev.conduit.CancellableContext;",
            "import dev.conduit.Channel;",
            "import dev.conduit.Context;",
            "import dev.conduit.Select;",
            "import dev.conduit.WaitGroup;",
            "import java.time.Duration;",
            "import java.util.List;",
            "class Test {",
            "  // No context: nothing to give up on.",
            "  static void plain(Channel<String> in, WaitGroup wg) {",
            "    in.receive();",
            "    wg.await();",
            "  }",
            "  static void aware(Context ctx, Channel<String> in, Channel<String> out, WaitGroup"
                + " wg) {",
            "    out.send(ctx, in.receive(ctx));",
            "    wg.await(ctx);",
            "    in.tryReceive();",
            "    out.trySend(\"x\");",
            "    // Iteration ends when the upstream closes the channel, as Go's range does.",
            "    for (String s : in) {}",
            "    Select.<String>select().onReceive(in, s -> s).onDone(ctx, () -> \"\").await();",
            "    Select.<String>select().onReceive(in, s -> s).onTimeout(Duration.ZERO, () ->"
                + " \"\")",
            "        .await();",
            "    Select.<String>select().onReceive(in, s -> s).orElse(() -> \"\").await();",
            "  }",
            "  // The request handler's result channel: one slot per send that can happen.",
            "  static void resultChannel(Context ctx) {",
            "    Channel<String> result = Channel.buffered(1);",
            "    go(() -> {",
            "      try {",
            "        work(ctx);",
            "      } catch (RuntimeException e) {",
            "        result.send(\"\");",
            "        return;",
            "      }",
            "      result.send(\"done\");",
            "    });",
            "    Select.<String>select().onReceive(result, s -> s).onDone(ctx, () ->"
                + " \"\").await();",
            "  }",
            "  static void branches(Context ctx, boolean ok) {",
            "    Channel<String> result = Channel.buffered(1);",
            "    if (ok) {",
            "      result.send(\"yes\");",
            "    } else {",
            "      result.send(\"no\");",
            "    }",
            "    Channel<String> two = Channel.buffered(2);",
            "    two.send(\"a\");",
            "    two.send(\"b\");",
            "  }",
            "  // Fan-in sized to the work: a slot per item.",
            "  static void fanIn(Context ctx, List<String> items) {",
            "    Channel<String> results = Channel.buffered(items.size());",
            "    for (String item : items) {",
            "      go(() -> results.send(item));",
            "    }",
            "  }",
            "  // Go's closer goroutine: close once every sender is done, whatever happens.",
            "  static void closer(Context ctx, WaitGroup wg, Channel<String> results) {",
            "    go(() -> {",
            "      wg.await();",
            "      results.close();",
            "    });",
            "  }",
            "  // main's own cancel-only root: nobody else can cancel it while main blocks.",
            "  public static void main(String[] args) {",
            "    try (CancellableContext ctx = Context.background().withCancel()) {",
            "      Channel<Integer> numbers = Channel.buffered(10);",
            "      for (int i = 0; i < 10; i++) {",
            "        System.out.println(numbers.receive());",
            "      }",
            "    }",
            "  }",
            "  // Go's case <-ctx.Done(): spelled as a receive from done().",
            "  static String doneChannel(Context ctx, Channel<String> in) {",
            "    return Select.<String>select().onReceive(in, s -> s).onReceive(ctx.done(), () ->"
                + " \"\")",
            "        .await();",
            "  }",
            "  // A semaphore's release must run whatever the context says.",
            "  static void semaphore(Context ctx, Channel<Boolean> sem) {",
            "    sem.send(ctx, true);",
            "    try {",
            "      work(ctx);",
            "    } finally {",
            "      sem.receive();",
            "    }",
            "  }",
            "  // A buffered(1) future: one send, whoever receives.",
            "  static Channel<String> future(Context ctx) {",
            "    Channel<String> result = Channel.buffered(1);",
            "    go(() -> result.send(\"x\"));",
            "    return result.receiveOnly();",
            "  }",
            "  // Go's <-ctx.Done(): waiting for a context is the point.",
            "  static void waitForCancel(Context ctx, Context other) {",
            "    ctx.done().receive();",
            "    other.done().receive();",
            "  }",
            "  // Waiting for its own workers, which hold the context: receive(ctx) would abandon"
                + " them.",
            "  static String ownWorkers(Context ctx) {",
            "    Channel<String> user = Channel.unbuffered();",
            "    go(() -> user.send(fetch(ctx)));",
            "    return user.receive();",
            "  }",
            "  static void work(Context ctx) {}",
            "  static String fetch(Context ctx) { return \"\"; }",
            "}")
        .doTest();
  }

  @Test
  void receiveOptionalAndAwaitSignalAreBlockingReceives() {
    helper
        .addSourceLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Channel;",
            "import dev.conduit.Context;",
            "import java.util.Optional;",
            "class Test {",
            "  static void f(Context ctx, Channel<String> in, Channel<Void> quit) {",
            "    // BUG: Diagnostic contains: Did you mean 'Optional<String> v ="
                + " in.receiveOptional(ctx);'",
            "    Optional<String> v = in.receiveOptional();",
            "    // BUG: Diagnostic contains: awaitSignal() blocks with no way to give up although"
                + " 'ctx' is in scope",
            "    quit.awaitSignal();",
            "    // BUG: Diagnostic contains: Did you mean 'go(() -> quit.awaitSignal(ctx));'",
            "    go(() -> quit.awaitSignal());",
            "  }",
            "  static void clean(Context ctx, Channel<String> in, Channel<Void> quit) {",
            "    in.receiveOptional(ctx);",
            "    quit.awaitSignal(ctx);",
            "    // Go's <-ctx.Done(), in each spelling: waiting for a context is the point.",
            "    ctx.awaitDone();",
            "    ctx.done().awaitSignal();",
            "    ctx.done().receiveOptional();",
            "  }",
            "  static void noContext(Channel<String> in, Channel<Void> quit) {",
            "    in.receiveOptional();",
            "    quit.awaitSignal();",
            "  }",
            "  // Another context's end, awaited in a method that has its own: not this check's"
                + " business.",
            "  static void other(Context ctx, Context server) {",
            "    server.awaitDone();",
            "  }",
            "  // The hand-off with its own workers and a release in a finally stay exempt.",
            "  static Optional<String> ownWorkers(Context ctx) {",
            "    Channel<String> user = Channel.unbuffered();",
            "    go(() -> user.send(\"x\"));",
            "    return user.receiveOptional();",
            "  }",
            "  static void semaphore(Context ctx, Channel<Boolean> sem) {",
            "    sem.send(ctx, true);",
            "    try {",
            "    } finally {",
            "      sem.awaitSignal();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fixPassesTheContextToTheNewReceives() {
    refactoring
        .addInputLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "import dev.conduit.Context;",
            "class Test {",
            "  static void f(Context ctx, Channel<String> in, Channel<Void> quit) {",
            "    in.receiveOptional().ifPresent(System.out::println);",
            "    quit.awaitSignal();",
            "  }",
            "}")
        .addOutputLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "import dev.conduit.Context;",
            "class Test {",
            "  static void f(Context ctx, Channel<String> in, Channel<Void> quit) {",
            "    in.receiveOptional(ctx).ifPresent(System.out::println);",
            "    quit.awaitSignal(ctx);",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void workersMustBeTheOnlySenders() {
    helper
        .addSourceLines(
            "Test.java",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Channel;",
            "import dev.conduit.Context;",
            "class Test {",
            "  static String handedOut(Context ctx, java.util.List<Channel<String>> all) {",
            "    Channel<String> ch = Channel.unbuffered();",
            "    all.add(ch);",
            "    // BUG: Diagnostic contains: send() blocks",
            "    go(() -> ch.send(\"x\"));",
            "    // BUG: Diagnostic contains: receive() blocks",
            "    return ch.receive();",
            "  }",
            "  // Returned: the caller receives, and may stop; this goroutine would stay blocked.",
            "  static Channel<String> future(Context ctx) {",
            "    Channel<String> ch = Channel.unbuffered();",
            "    // BUG: Diagnostic contains: Did you mean 'go(() -> ch.send(ctx, \"x\"));'",
            "    go(() -> ch.send(\"x\"));",
            "    return ch;",
            "  }",
            "  static String nobodySends(Context ctx) {",
            "    Channel<String> ch = Channel.unbuffered();",
            "    // BUG: Diagnostic contains: receive() blocks",
            "    return ch.receive();",
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
            "import dev.conduit.Context;",
            "import dev.conduit.Select;",
            "class Test {",
            "  static String f(Context ctx, Channel<String> in) {",
            "    // TODO: a select built up in a variable is not followed to its clauses.",
            "    Select<String> select = Select.<String>select().onReceive(in, s -> s);",
            "    return select.await();",
            "  }",
            "  static void g(Context ctx, Channel<String> in) {",
            "    // TODO: a blocking call in a helper method without a context is not seen here.",
            "    helper(in);",
            "  }",
            "  static void helper(Channel<String> in) {",
            "    in.receive();",
            "  }",
            "  // TODO: a channel the method keeps is taken as a hand-off to its own workers, even"
                + " when",
            "  // the method never receives from it (returned, the same merge is reported).",
            "  static void merge(Context ctx, java.util.List<Channel<String>> inputs) {",
            "    Channel<String> out = Channel.buffered(inputs.size());",
            "    for (Channel<String> in : inputs) {",
            "      dev.conduit.Go.go(() -> {",
            "        for (String v : in) {",
            "          out.send(v);",
            "        }",
            "      });",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fixPassesTheContext() {
    refactoring
        .addInputLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "import dev.conduit.Context;",
            "import dev.conduit.WaitGroup;",
            "class Test {",
            "  static String f(Context ctx, Channel<String> in, Channel<String> out, WaitGroup wg)"
                + " {",
            "    out.send(in.receive());",
            "    wg.await();",
            "    return in.receive( );",
            "  }",
            "}")
        .addOutputLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "import dev.conduit.Context;",
            "import dev.conduit.WaitGroup;",
            "class Test {",
            "  static String f(Context ctx, Channel<String> in, Channel<String> out, WaitGroup wg)"
                + " {",
            "    out.send(ctx, in.receive(ctx));",
            "    wg.await(ctx);",
            "    return in.receive( ctx);",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void suppressed() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "import dev.conduit.Context;",
            "class Test {",
            "  @SuppressWarnings(\"UncancellableBlockingCall\")",
            "  static void f(Context ctx, Channel<String> in) {",
            "    in.receive();",
            "  }",
            "}")
        .doTest();
  }
}
