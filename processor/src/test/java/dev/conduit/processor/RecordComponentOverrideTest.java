package dev.conduit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.conduit.processor.Compilations.compile;
import static dev.conduit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A record component whose implicit accessor implements an interface method of the opposite
 * direction: the error belongs on the component the user wrote, with its file and line.
 */
class RecordComponentOverrideTest {
  private static final JavaFileObject SOURCE =
      source(
          "test.Source",
          """
          package test;
          import dev.conduit.Channel;
          import dev.conduit.annotations.*;
          interface Source {
            @ReceiveOnly Channel<String> results();
            void feed(@SendOnly Channel<String> out);
          }
          """);

  @Test
  void reportedOnTheComponent() {
    JavaFileObject record =
        source(
            "test.Pipe",
            """
            package test;
            import dev.conduit.Channel;
            import dev.conduit.annotations.*;
            record Pipe(
                String name,
                @SendOnly Channel<String> results) implements Source {
              @Override public void feed(@SendOnly Channel<String> out) {}
            }
            """);
    Compilation compilation = compile(SOURCE, record);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[ConduitOverrideDirection] record component 'results' is @SendOnly, but"
                + " Source.results(), which its accessor implements, returns a @ReceiveOnly"
                + " channel")
        .inFile(record)
        .onLine(6);
  }

  @Test
  void matchingComponentIsFine() {
    JavaFileObject record =
        source(
            "test.Pipe",
            """
            package test;
            import dev.conduit.Channel;
            import dev.conduit.annotations.*;
            record Pipe(@ReceiveOnly Channel<String> results) implements Source {
              @Override public void feed(@SendOnly Channel<String> out) {}
            }
            """);
    assertThat(compile(SOURCE, record)).succeededWithoutWarnings();
  }

  @Test
  void explicitAccessorIsReportedWhereItIsWritten() {
    JavaFileObject record =
        source(
            "test.Pipe",
            """
            package test;
            import dev.conduit.Channel;
            import dev.conduit.annotations.*;
            record Pipe(Channel<String> results) implements Source {
              @Override public @SendOnly Channel<String> results() {
                return results;
              }
              @Override public void feed(@SendOnly Channel<String> out) {}
            }
            """);
    Compilation compilation = compile(SOURCE, record);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("results() returns a @SendOnly channel, but Source.results()")
        .inFile(record)
        .onLine(5);
  }
}
