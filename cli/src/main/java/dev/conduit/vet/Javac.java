package dev.conduit.vet;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;

/** One in-process javac run that keeps every diagnostic. */
final class Javac {
  /** A diagnostic reduced to what vet reports. */
  record Reported(
      Diagnostic.Kind kind, @Nullable Path file, long line, long column, String message) {}

  /** What a run produced: its diagnostics and anything javac printed itself. */
  record Outcome(List<Reported> diagnostics, String printed) {}

  private Javac() {}

  static Outcome run(List<String> options, List<Path> sources) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IOException(
          "this Java runtime has no compiler: run conduit-vet on a JDK, not a JRE");
    }
    List<Reported> diagnostics = new ArrayList<>();
    DiagnosticListener<JavaFileObject> listener =
        d -> {
          JavaFileObject source = d.getSource();
          Path file = source == null ? null : Path.of(source.toUri());
          diagnostics.add(
              new Reported(
                  d.getKind(),
                  file,
                  d.getLineNumber(),
                  d.getColumnNumber(),
                  d.getMessage(Locale.ROOT)));
        };
    StringWriter printed = new StringWriter();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(listener, Locale.ROOT, null)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      compiler.getTask(printed, files, listener, options, null, units).call();
    }
    return new Outcome(diagnostics, printed.toString());
  }
}
