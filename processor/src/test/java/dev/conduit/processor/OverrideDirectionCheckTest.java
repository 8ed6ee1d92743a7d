package dev.conduit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.conduit.processor.Compilations.compile;
import static dev.conduit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class OverrideDirectionCheckTest {
  private static final JavaFileObject STAGE =
      source(
          "test.Stage",
          "package test;",
          "import dev.conduit.Channel;",
          "import dev.conduit.annotations.*;",
          "interface Stage {",
          "  void consume(@ReceiveOnly Channel<String> in, @SendOnly Channel<String> out);",
          "  @ReceiveOnly Channel<String> results();",
          "  Channel<String> owned();",
          "  void anything(Channel<String> any);",
          "}");

  @Test
  void overrideThatDropsOrFlipsADirection() {
    JavaFileObject source =
        source(
            "test.Bad",
            "package test;",
            "import dev.conduit.Channel;",
            "import dev.conduit.annotations.*;",
            "abstract class Bad implements Stage {",
            "  @Override public void consume(Channel<String> in,",
            "      @ReceiveOnly Channel<String> out) {}",
            "  @Override public abstract @SendOnly Channel<String> results();",
            "  @Override public abstract @ReceiveOnly Channel<String> owned();",
            "}");
    Compilation compilation = compile(STAGE, source);
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation)
        .hadErrorContaining(
            "[ConduitOverrideDirection] parameter 'in' is bidirectional but @ReceiveOnly in"
                + " Stage.consume(Channel<String>, Channel<String>), which"
                + " consume(Channel<String>, Channel<String>) overrides: callers pass it a"
                + " @ReceiveOnly channel")
        .inFile(source)
        .onLine(5);
    assertThat(compilation)
        .hadErrorContaining("parameter 'out' is @ReceiveOnly but @SendOnly in Stage.consume")
        .inFile(source)
        .onLine(6);
    assertThat(compilation)
        .hadErrorContaining(
            "[ConduitOverrideDirection] results() returns a @SendOnly channel, but"
                + " Stage.results(), which it overrides, returns a @ReceiveOnly one")
        .inFile(source)
        .onLine(7);
    assertThat(compilation)
        .hadErrorContaining("owned() returns a @ReceiveOnly channel, but Stage.owned()")
        .inFile(source)
        .onLine(8);
  }

  /** A direction on a non-channel is DirectionOnNonChannel's error alone, not an override's. */
  @Test
  void aDirectionOnANonChannelIsNotAlsoAnOverrideError() {
    JavaFileObject base =
        source(
            "test.Labelled",
            "package test;",
            "import dev.conduit.Channel;",
            "import dev.conduit.annotations.*;",
            "interface Labelled {",
            "  void consume(@ReceiveOnly Channel<String> in, @SendOnly String label);",
            "}");
    JavaFileObject override =
        source(
            "test.Plain",
            "package test;",
            "import dev.conduit.Channel;",
            "import dev.conduit.annotations.*;",
            "abstract class Plain implements Labelled {",
            "  @Override public void consume(@ReceiveOnly Channel<String> in, String label) {}",
            "}");
    Compilation compilation = compile(base, override);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[ConduitDirectionOnNonChannel]")
        .inFile(base)
        .onLine(5);
  }

  @Test
  void overridesThatKeepOrNarrowDirectionsAreFine() {
    Compilation compilation =
        compile(
            STAGE,
            source(
                "test.Good",
                "package test;",
                "import dev.conduit.Channel;",
                "import dev.conduit.annotations.*;",
                "abstract class Good implements Stage {",
                "  @Override public void consume(@ReceiveOnly Channel<String> in,",
                "      @SendOnly Channel<String> out) {}",
                "  @Override public abstract Channel<String> results();",
                "  @Override public abstract Channel<String> owned();",
                "  @Override public void anything(@SendOnly Channel<String> any) {}",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void checkedThroughEveryLevelOfTheHierarchyOnce() {
    JavaFileObject source =
        source(
            "test.Deep",
            "package test;",
            "import dev.conduit.Channel;",
            "import dev.conduit.annotations.*;",
            "abstract class Middle implements Stage {}",
            "abstract class Deep extends Middle {",
            "  @Override public void anything(Channel<String> any) {}",
            "  @Override public void consume(Channel<String> in, Channel<String> out) {}",
            "}");
    Compilation compilation = compile(STAGE, source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("parameter 'in'").inFile(source).onLine(7);
    assertThat(compilation).hadErrorContaining("parameter 'out'").inFile(source).onLine(7);
  }
}
