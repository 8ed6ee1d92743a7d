package dev.conduit.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.direction.ChannelDirection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChannelDirectionTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ChannelDirection.class, getClass());

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @Test
  void receiveFromSendOnlyParameter() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "import dev.conduit.annotations.SendOnly;",
            "class Test {",
            "  static void producer(@SendOnly Channel<Integer> out) {",
            "    out.send(1);",
            "    out.close();",
            "    out.trySend(2);",
            "    // BUG: Diagnostic contains: Calling receive() on send-only channel 'out'"
                + " (declared @SendOnly at line 4)",
            "    out.receive();",
            "    // BUG: Diagnostic contains: Calling tryReceive() on send-only channel 'out'",
            "    out.tryReceive();",
            "    // BUG: Diagnostic contains: Calling receiveOnly() on send-only",
            "    out.receiveOnly();",
            "    int n = out.len() + out.cap();",
            "    boolean closed = out.isClosed();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void sendOrCloseOnReceiveOnlyParameter() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "import dev.conduit.annotations.ReceiveOnly;",
            "class Test {",
            "  static void consumer(@ReceiveOnly Channel<Integer> in) {",
            "    in.receive();",
            "    in.tryReceive();",
            "    // BUG: Diagnostic contains: Calling send() on receive-only channel 'in'",
            "    in.send(1);",
            "    // BUG: Diagnostic contains: Calling trySend() on receive-only channel 'in'",
            "    in.trySend(1);",
            "    // BUG: Diagnostic contains: Calling close() on receive-only channel 'in'",
            "    in.close();",
            "    // BUG: Diagnostic contains: Calling sendOnly() on receive-only",
            "    in.sendOnly();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void iterationIsAReceive() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "import dev.conduit.annotations.ReceiveOnly;",
            "import dev.conduit.annotations.SendOnly;",
            "class Test {",
            "  static void f(@SendOnly Channel<Integer> out, @ReceiveOnly Channel<Integer> in) {",
            "    for (int v : in) {}",
            "    // BUG: Diagnostic contains: Iterating over (receiving from) send-only channel"
                + " 'out'",
            "    for (int v : out) {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void selectClauses() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "import dev.conduit.Select;",
            "import dev.conduit.annotations.ReceiveOnly;",
            "import dev.conduit.annotations.SendOnly;",
            "class Test {",
            "  static void f(@SendOnly Channel<Integer> out, @ReceiveOnly Channel<Integer> in) {",
            "    Select.<String>select()",
            "        .onReceive(in, v -> \"got\")",
            "        .onSend(out, 1, () -> \"sent\")",
            "        .await();",
            "    Select.<String>select()",
            "        // BUG: Diagnostic contains: A select receive clause (onReceive) on send-only",
            "        .onReceive(out, v -> \"got\")",
            "        // BUG: Diagnostic contains: A select send clause (onSend) on receive-only",
            "        .onSend(in, 1, () -> \"sent\")",
            "        // BUG: Diagnostic contains: A select receive clause (onReceive) on send-only",
            "        .onReceive(out, () -> \"closed\")",
            "        .await();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void methodReturnsCarryDirection() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "import dev.conduit.annotations.ReceiveOnly;",
            "class Test {",
            "  static @ReceiveOnly Channel<Integer> results() { return Channel.buffered(1); }",
            "  static void f(Channel<Integer> ch) {",
            "    results().receive();",
            "    // BUG: Diagnostic contains: returned @ReceiveOnly by Test.results()",
            "    results().send(1);",
            "    // BUG: Diagnostic contains: returned @ReceiveOnly by Channel.receiveOnly()",
            "    ch.receiveOnly().close();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void boundMethodReferenceIsAnOperation() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "import dev.conduit.annotations.ReceiveOnly;",
            "import java.util.List;",
            "import java.util.function.Consumer;",
            "class Test {",
            "  static void f(@ReceiveOnly Channel<Integer> in, List<Integer> values) {",
            "    // BUG: Diagnostic contains: Calling send() on receive-only channel 'in'",
            "    values.forEach(in::send);",
            "    Runnable r = in::receive;",
            "    Consumer<Channel<Integer>> closer = Channel::close;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void contextDoneIsReceiveOnly() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Context;",
            "import dev.conduit.Select;",
            "class Test {",
            "  static void f(Context ctx) {",
            "    Select.<Boolean>select().onReceive(ctx.done(), () -> true).await();",
            "    for (Void v : ctx.done()) {}",
            "    var done = ctx.done();",
            "    // BUG: Diagnostic contains: Calling close() on receive-only channel 'ctx.done()'"
                + " (returned @ReceiveOnly by Context.done())",
            "    ctx.done().close();",
            "    // BUG: Diagnostic contains: A select send clause (onSend) on receive-only",
            "    Select.<Boolean>select().onSend(done, null, () -> true).await();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void receiveOptionalAndAwaitSignalAreReceives() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "import dev.conduit.Context;",
            "import dev.conduit.annotations.ReceiveOnly;",
            "import dev.conduit.annotations.SendOnly;",
            "class Test {",
            "  static void f(Context ctx, @SendOnly Channel<Integer> out,"
                + " @SendOnly Channel<Void> quit, @ReceiveOnly Channel<Integer> in) {",
            "    // BUG: Diagnostic contains: Calling receiveOptional() on send-only channel 'out'",
            "    out.receiveOptional();",
            "    // BUG: Diagnostic contains: Calling receiveOptional() on send-only channel 'out'",
            "    out.receiveOptional(ctx);",
            "    // BUG: Diagnostic contains: Calling awaitSignal() on send-only channel 'quit'",
            "    quit.awaitSignal();",
            "    // BUG: Diagnostic contains: Calling awaitSignal() on send-only channel 'quit'",
            "    quit.awaitSignal(ctx);",
            "    // BUG: Diagnostic contains: Calling awaitSignal() on send-only channel 'quit'",
            "    Runnable waiter = quit::awaitSignal;",
            "    quit.close();",
            "    in.receiveOptional().ifPresent(v -> {});",
            "    in.awaitSignal(ctx);",
            "    // Context.done() is receive-only: waiting on it is what it is for.",
            "    ctx.done().awaitSignal();",
            "    ctx.done().awaitSignal(ctx);",
            "    ctx.done().receiveOptional();",
            "    ctx.awaitDone();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void blockingQueues() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.annotations.ReceiveOnly;",
            "import dev.conduit.annotations.SendOnly;",
            "import java.util.ArrayList;",
            "import java.util.concurrent.BlockingQueue;",
            "import java.util.concurrent.LinkedBlockingDeque;",
            "import java.util.concurrent.TransferQueue;",
            "class Test {",
            "  static void f(@SendOnly BlockingQueue<String> jobs, @ReceiveOnly"
                + " TransferQueue<String> results, @SendOnly LinkedBlockingDeque<String> deque)"
                + " throws Exception {",
            "    jobs.put(\"a\"); jobs.offer(\"b\"); jobs.add(\"c\");",
            "    int size = jobs.size() + jobs.remainingCapacity();",
            "    jobs.remove(\"a\");",
            "    results.take(); results.poll(); results.peek();",
            "    // BUG: Diagnostic contains: Calling take() on send-only channel 'jobs'",
            "    jobs.take();",
            "    // BUG: Diagnostic contains: Calling remove() on send-only",
            "    jobs.remove();",
            "    // BUG: Diagnostic contains: Calling drainTo() on send-only",
            "    jobs.drainTo(new ArrayList<>());",
            "    // BUG: Diagnostic contains: Calling element() on send-only",
            "    jobs.element();",
            "    // BUG: Diagnostic contains: Calling transfer() on receive-only channel 'results'",
            "    results.transfer(\"x\");",
            "    // BUG: Diagnostic contains: Calling offer() on receive-only",
            "    results.offer(\"x\");",
            "    deque.putFirst(\"x\");",
            "    // BUG: Diagnostic contains: Calling pollLast() on send-only",
            "    deque.pollLast();",
            "    // BUG: Diagnostic contains: Iterating over (receiving from) send-only",
            "    for (String s : jobs) {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void generatedTypedWrappers() {
    helper
        .addSourceLines(
            "OrderChannel.java",
            "public final class OrderChannel {",
            "  public void send(String order) {}",
            "  public String receive() { return \"\"; }",
            "  public void close() {}",
            "  public SendEnd sendEnd() { return new SendEnd(); }",
            "  public ReceiveEnd receiveEnd() { return new ReceiveEnd(); }",
            "  public static final class SendEnd {}",
            "  public static final class ReceiveEnd {}",
            "}")
        .addSourceLines(
            "Test.java",
            "import dev.conduit.annotations.ReceiveOnly;",
            "class Test {",
            "  static void f(@ReceiveOnly OrderChannel orders, OrderChannel all) {",
            "    orders.receive();",
            "    orders.receiveEnd();",
            "    all.send(\"x\");",
            "    // BUG: Diagnostic contains: Calling send() on receive-only channel 'orders'",
            "    orders.send(\"x\");",
            "    // BUG: Diagnostic contains: Calling sendEnd() on receive-only",
            "    orders.sendEnd();",
            "    // BUG: Diagnostic contains: to parameter 'all' of f()",
            "    f(orders, orders);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void generatedReceiveOptionalIsAReceive() {
    helper
        .addSourceLines(
            "OrderChannel.java",
            "public final class OrderChannel {",
            "  public void send(String order) {}",
            "  public java.util.Optional<String> receiveOptional() {",
            "    return java.util.Optional.empty();",
            "  }",
            "  public SendEnd sendEnd() { return new SendEnd(); }",
            "  public ReceiveEnd receiveEnd() { return new ReceiveEnd(); }",
            "  public static final class SendEnd {}",
            "  public static final class ReceiveEnd {}",
            "}")
        .addSourceLines(
            "Test.java",
            "import dev.conduit.annotations.ReceiveOnly;",
            "import dev.conduit.annotations.SendOnly;",
            "class Test {",
            "  static void f(@SendOnly OrderChannel out, @ReceiveOnly OrderChannel in) {",
            "    in.receiveOptional();",
            "    // BUG: Diagnostic contains: Calling receiveOptional() on send-only channel 'out'",
            "    out.receiveOptional();",
            "  }",
            "}")
        .doTest();
  }

  // Known gaps: each test states today's behaviour, so closing the gap makes it fail and be
  // turned into a BUG expectation.

  @Test
  void suppressedWithTheCheckName() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "import dev.conduit.annotations.SendOnly;",
            "class Test {",
            "  @SuppressWarnings(\"ChannelDirection\")",
            "  static void f(@SendOnly Channel<Integer> out) {",
            "    out.receive();",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void generatedCodeIsItsGeneratorsToAnswerFor() {
    helper
        .addSourceLines(
            "OrderChannel.java",
            "import dev.conduit.Channel;",
            "import javax.annotation.processing.Generated;",
            "@Generated(\"dev.conduit.processor.ConduitProcessor\")",
            "final class OrderChannel {",
            "  private final SendEnd sendEnd;",
            "  OrderChannel(Channel<String> channel) {",
            "    this.sendEnd = new SendEnd(channel.sendOnly());",
            "    channel.sendOnly().receive();",
            "  }",
            "  static final class SendEnd {",
            "    SendEnd(Channel<String> channel) {}",
            "  }",
            "  static final class ReceiveEnd {}",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void oddInputsNeverThrow() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Channel;",
            "import dev.conduit.annotations.ReceiveOnly;",
            "import dev.conduit.annotations.SendOnly;",
            "import java.util.List;",
            "import java.util.concurrent.BlockingQueue;",
            "class Test<C extends Channel<String>> {",
            "  @SuppressWarnings({\"rawtypes\", \"unchecked\"})",
            "  void f(Channel raw, Channel<?> wild, C typeVar, @SendOnly Channel<?>[] outs,",
            "      List<? extends @ReceiveOnly Channel<?>> ins, BlockingQueue<int[]> q) {",
            "    raw.send(\"x\"); raw.receive(); wild.receive(); typeVar.send(\"s\");",
            "    for (Object o : raw) {}",
            "    for (var in : ins) { in.receive(); }",
            "    outs[0].close();",
            "    // BUG: Diagnostic contains: Assigning bidirectional"
                .replace("Assigning bidirectional", "Calling send() on receive-only"),
            "    ins.get(0).send(null);",
            "    Channel<String> n = null;",
            "    f(null, null, null, null, null, null);",
            "    new Object() { void g() { raw.close(); } };",
            "    int[] a = q.poll();",
            "  }",
            "}")
        .doTest();
  }
}
