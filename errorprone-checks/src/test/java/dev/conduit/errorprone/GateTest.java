package dev.conduit.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.conduit.AfterFunc;
import dev.conduit.CanceledException;
import dev.conduit.CancellableContext;
import dev.conduit.Channel;
import dev.conduit.ChannelClosedException;
import dev.conduit.Context;
import dev.conduit.ContextDoneException;
import dev.conduit.ContextKey;
import dev.conduit.DeadlineExceededException;
import dev.conduit.ReceiveSelectable;
import dev.conduit.SendSelectable;
import dev.conduit.annotations.SendOnly;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.direction.ChannelDirection;
import dev.conduit.errorprone.lostcancel.LostCancel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each check returns at once in a compilation without the types it needs (see {@code
 * dev.conduit.errorprone.common.Presence}); these are the compilations that have only some of them,
 * in which the checks must still report.
 */
class GateTest {

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @Test
  void channelDirectionWithOnlyTheAnnotationsChecksQueues() {
    CompilationTestHelper.newInstance(ChannelDirection.class, getClass())
        .addSourceLines(
            "Test.java",
            "import dev.conduit.annotations.SendOnly;",
            "import java.util.concurrent.BlockingQueue;",
            "class Test {",
            "  static void producer(@SendOnly BlockingQueue<String> out) throws Exception {",
            "    out.put(\"job\");",
            "    // BUG: Diagnostic contains: Calling take() on send-only channel 'out'",
            "    out.take();",
            "  }",
            "}")
        .withClasspath(SendOnly.class)
        .doTest();
  }

  @Test
  void channelDirectionWithOnlyTheRuntimeKnowsDone() {
    CompilationTestHelper.newInstance(ChannelDirection.class, getClass())
        .addSourceLines(
            "Test.java",
            "import dev.conduit.Context;",
            "class Test {",
            "  static void stop(Context ctx) {",
            "    // BUG: Diagnostic contains: Calling close() on receive-only channel",
            "    ctx.done().close();",
            "  }",
            "}")
        // The runtime's classes this code reaches, without the annotations jar.
        .withClasspath(
            Context.class,
            CancellableContext.class,
            Channel.class,
            ContextKey.class,
            AfterFunc.class,
            ContextDoneException.class,
            CanceledException.class,
            DeadlineExceededException.class,
            ReceiveSelectable.class,
            SendSelectable.class,
            ChannelClosedException.class)
        .doTest();
  }

  @Test
  void lostCancelWithoutConduitStillChecksExtraHandles() {
    CompilationTestHelper.newInstance(LostCancel.class, getClass())
        .addSourceLines(
            "Pool.java",
            "final class Pool {",
            "  static Pool lease() { return new Pool(); }",
            "  void release() {}",
            "}")
        .addSourceLines(
            "Test.java",
            "class Test {",
            "  void leaks() {",
            "    // BUG: Diagnostic contains: Pool.lease() must be released",
            "    Pool.lease();",
            "  }",
            "}")
        .setArgs("-XepOpt:LostCancel:ExtraHandles=Pool#lease/release")
        .withClasspath(GateTest.class)
        .doTest();
  }
}
