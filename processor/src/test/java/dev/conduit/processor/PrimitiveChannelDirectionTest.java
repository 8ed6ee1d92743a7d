package dev.conduit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.conduit.processor.Compilations.compile;
import static dev.conduit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Generated primitive channels carry a direction like every other generated channel: {@code
 * IntChannel} and its ends take {@code @SendOnly}/{@code @ReceiveOnly}, which ChannelDirection then
 * enforces in method bodies.
 */
class PrimitiveChannelDirectionTest {

  /**
   * The shape @GenerateChannel(primitives = int.class) writes, as a library's class file has it.
   */
  private static final JavaFileObject INT_CHANNEL =
      source(
          "ticks.IntChannel",
          """
          package ticks;
          public final class IntChannel {
            public void send(int value) {}
            public int receive() { return 0; }
            public static final class SendEnd {
              public void send(int value) {}
            }
            public static final class ReceiveEnd {
              public int receive() { return 0; }
            }
          }
          """);

  @Test
  void directionsOnAPrimitiveChannelAndItsEnds() {
    JavaFileObject user =
        source(
            "ticks.Meter",
            """
            package ticks;
            import dev.conduit.annotations.*;
            import java.util.List;
            class Meter {
              @SendOnly IntChannel out;
              @ReceiveOnly IntChannel in;
              @SendOnly IntChannel.SendEnd sendEnd;
              List<@ReceiveOnly IntChannel> inputs;
              void take(@ReceiveOnly IntChannel.ReceiveEnd ticks) {}
              @ReceiveOnly IntChannel results() { return in; }
            }
            """);
    assertThat(compile(INT_CHANNEL, user)).succeededWithoutWarnings();
  }

  @Test
  void endsStillContradict() {
    JavaFileObject user =
        source(
            "ticks.Meter",
            """
            package ticks;
            import dev.conduit.annotations.*;
            class Meter {
              @ReceiveOnly IntChannel.SendEnd out;
              @SendOnly IntChannel.ReceiveEnd in;
            }
            """);
    Compilation compilation = compile(INT_CHANNEL, user);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[ConduitDirectionContradictsType] @ReceiveOnly on the field 'out'")
        .inFile(user)
        .onLine(4);
    assertThat(compilation)
        .hadErrorContaining("[ConduitDirectionContradictsType] @SendOnly on the field 'in'")
        .inFile(user)
        .onLine(5);
  }

  /** Only the generated shape counts: a class merely named ...Channel is no channel. */
  @Test
  void aClassNamedChannelWithoutEndsIsNotOne() {
    JavaFileObject user =
        source(
            "ticks.Meter",
            """
            package ticks;
            import dev.conduit.annotations.*;
            class Meter {
              static final class AudioChannel {
                static final class SendEnd {}
              }
              @SendOnly AudioChannel audio;
            }
            """);
    Compilation compilation = compile(user);
    assertThat(compilation)
        .hadErrorContaining("[ConduitDirectionOnNonChannel] @SendOnly on the field 'audio'")
        .inFile(user)
        .onLine(7);
  }

  /** Generated in the same build: the processor writes IntChannel, the user annotates it. */
  @Test
  void generatedInTheSameCompilation() {
    JavaFileObject tick =
        source(
            "ticks.Tick",
            """
            package ticks;
            import dev.conduit.annotations.GenerateChannel;
            @GenerateChannel(primitives = int.class)
            record Tick(long at) {}
            """);
    JavaFileObject user =
        source(
            "ticks.Meter",
            """
            package ticks;
            import dev.conduit.annotations.*;
            class Meter {
              static void produce(@SendOnly IntChannel out) {
                out.send(1);
              }
              static int consume(@ReceiveOnly IntChannel in) {
                return in.receive();
              }
            }
            """);
    assertThat(compile(tick, user)).succeededWithoutWarnings();
  }
}
