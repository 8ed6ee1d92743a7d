package dev.conduit.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.direction.ChannelDirection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the processor cannot see inside method bodies: both directions on one local, and the
 * direction of a generated primitive channel.
 */
class ChannelDirectionLocalsTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ChannelDirection.class, getClass());

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @Test
  void bothDirectionsOnALocal() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import dev.conduit.Channel;
            import dev.conduit.annotations.ReceiveOnly;
            import dev.conduit.annotations.SendOnly;
            import java.util.List;
            import java.util.function.Consumer;
            class Test {
              static final class Resource implements AutoCloseable {
                Channel<String> channel() { return Channel.unbuffered(); }
                @Override public void close() {}
              }
              static void f(Channel<String> ch, List<Channel<String>> all, Object o) {
                // BUG: Diagnostic contains: @SendOnly and @ReceiveOnly both on 'local'
                @SendOnly @ReceiveOnly Channel<String> local = ch;
                // BUG: Diagnostic contains: both on 'uninitialized'
                @SendOnly @ReceiveOnly Channel<String> uninitialized;
                // BUG: Diagnostic contains: both on 'inferred'
                @SendOnly @ReceiveOnly var inferred = ch;
                // BUG: Diagnostic contains: both on 'each'
                for (@SendOnly @ReceiveOnly Channel<String> each : all) {}
                // BUG: Diagnostic contains: both on 'param'
                Consumer<Channel<String>> k = (@SendOnly @ReceiveOnly Channel<String> param) -> {};
                // BUG: Diagnostic contains: both on 'inner'
                List<@SendOnly @ReceiveOnly Channel<String>> inner = List.of();
                // BUG: Diagnostic contains: both on 'bound'
                if (o instanceof @SendOnly @ReceiveOnly Channel<?> bound) {
                  bound.len();
                }
              }
              static void resource() throws Exception {
                // BUG: Diagnostic contains: both on 'r'
                try (@SendOnly @ReceiveOnly Resource r = new Resource()) {}
              }
              // One direction each: fine.
              static void fine(Channel<String> ch, List<Channel<String>> all) {
                @SendOnly Channel<String> out = ch;
                @ReceiveOnly Channel<String> in = ch;
                List<@SendOnly Channel<String>> outs = List.of(ch);
                Consumer<@ReceiveOnly Channel<String>> k = (@ReceiveOnly Channel<String> c) -> {};
              }
            }
            """)
        .doTest();
  }

  @Test
  void generatedPrimitiveChannels() {
    helper
        .addSourceLines(
            "IntChannel.java",
            """
            /** The shape @GenerateChannel(primitives = int.class) writes, trimmed. */
            public final class IntChannel {
              public static IntChannel buffered(int capacity) { return new IntChannel(); }
              public void send(int value) {}
              public int receive() { return 0; }
              public void close() {}
              public int len() { return 0; }
              public SendEnd sendEnd() { return new SendEnd(); }
              public ReceiveEnd receiveEnd() { return new ReceiveEnd(); }
              public static final class SendEnd {
                public void send(int value) {}
              }
              public static final class ReceiveEnd {
                public int receive() { return 0; }
              }
            }
            """)
        .addSourceLines(
            "Test.java",
            """
            import dev.conduit.annotations.ReceiveOnly;
            import dev.conduit.annotations.SendOnly;
            class Test {
              static void consumer(@ReceiveOnly IntChannel in) {
                in.receive();
                in.len();
                // BUG: Diagnostic contains: Calling send() on receive-only channel 'in'
                in.send(1);
                // BUG: Diagnostic contains: Calling close() on receive-only channel 'in'
                in.close();
              }
              static void producer(@SendOnly IntChannel out) {
                out.send(1);
                // BUG: Diagnostic contains: Calling receive() on send-only channel 'out'
                out.receive();
                // BUG: Diagnostic contains: Passing send-only channel 'out'
                consumer(out);
              }
              static void start() {
                IntChannel ch = IntChannel.buffered(1);
                producer(ch);
                consumer(ch);
              }
            }
            """)
        .doTest();
  }
}
