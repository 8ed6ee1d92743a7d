package dev.conduit.lsp;

import com.google.errorprone.ErrorProneOptions;
import com.google.errorprone.VisitorState;
import com.google.errorprone.scanner.Scanner;
import com.google.errorprone.scanner.ScannerSupplier;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.api.JavacTool;
import dev.conduit.vet.Rules;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.jspecify.annotations.Nullable;

/**
 * The warm compiler of one project: one javac tool and one file manager (whose open jars are the
 * expensive part of a compile) kept for every analysis, and the rules' scanner built once.
 *
 * <p>An analysis has the two passes conduit-vet has, for the same reason: the processor's
 * declaration errors stop javac after processing, which would hide the rules' findings. Pass one
 * runs only Conduit's processor; pass two attributes the file and runs Conduit's rules through
 * Error Prone's own scanner with a listener, which hands over each finding with its structured
 * fixes instead of a formatted message. Not thread-safe: the server runs analyses one at a time.
 */
final class Analyzer implements AutoCloseable {
  /** What one analysis found, and javac's own errors (not published, but explained). */
  record Result(
      List<Finding> findings,
      List<Problem> syntaxErrors,
      List<Problem> otherErrors,
      Timings timings) {}

  /** Where an analysis spent its time, in milliseconds, for the server's log. */
  record Timings(long processor, long attribution, long rules) {
    @Override
    public String toString() {
      return "processor " + processor + " ms, javac " + attribution + " ms, rules " + rules + " ms";
    }
  }

  /** A javac error in the analysed file. */
  record Problem(long line, String message) {}

  private static final Pattern TAGGED =
      Pattern.compile("^\\[(Conduit[A-Za-z0-9]*)\\] ?(.*)", Pattern.DOTALL);

  private final ProjectConfig config;
  private final JavacTool tool = JavacTool.create();
  private final StandardJavaFileManager files;
  private final Scanner scanner;
  private final ErrorProneOptions errorProneOptions;
  private final Path work;
  private final Path generated;

  Analyzer(ProjectConfig config, Rules rules) throws IOException {
    this.config = config;
    this.files = tool.getStandardFileManager(null, Locale.ROOT, null);
    this.errorProneOptions = ErrorProneOptions.processArgs(config.errorProneArgs(rules));
    this.scanner =
        Objects.requireNonNull(
            ScannerSupplier.fromBugCheckerClasses(rules.checkers())
                .applyOverrides(errorProneOptions)
                .get());
    this.work = Files.createTempDirectory("conduit-lsp");
    this.generated = Files.createDirectories(work.resolve("generated"));
    Files.createDirectories(work.resolve("classes"));
  }

  ProjectConfig config() {
    return config;
  }

  /**
   * Analyses {@code text} as the content of {@code file}. Throws {@link CancellationException} as
   * soon as {@code cancelled} says a newer edit has made this analysis pointless.
   */
  Result analyze(Path file, String text, BooleanSupplier cancelled) throws IOException {
    try {
      return analyzeOrThrow(file, text, cancelled);
    } catch (RuntimeException e) {
      // javac wraps what a task listener throws; a cancellation must stay one.
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof CancellationException c) {
          throw c;
        }
      }
      throw e;
    }
  }

  private Result analyzeOrThrow(Path file, String text, BooleanSupplier cancelled)
      throws IOException {
    JavaFileObject source = new InMemorySource(file.toUri(), text);
    List<Finding> findings = new ArrayList<>();
    List<Problem> syntax = new ArrayList<>();
    List<Problem> other = new ArrayList<>();

    long t0 = System.nanoTime();
    // Pass one: the processor's declaration checks, and the wrappers it generates.
    DiagnosticListener<JavaFileObject> processing =
        d -> {
          if (!isSource(d.getSource(), source)) {
            return;
          }
          Matcher m = TAGGED.matcher(d.getMessage(Locale.ROOT));
          if (m.matches()) {
            int start = (int) Math.max(0, d.getStartPosition());
            int end = (int) Math.max(start, d.getEndPosition());
            findings.add(
                new Finding(
                    m.group(1),
                    firstLine(m.group(2)),
                    d.getKind() == Diagnostic.Kind.ERROR,
                    start,
                    end,
                    List.of()));
          }
        };
    JavacTask processTask = task(processing, processingOptions(), source, cancelled);
    processTask.setProcessors(conduitProcessors());
    processTask.call();

    long t1 = System.nanoTime();
    // Pass two: attribute the file and run the rules over it.
    boolean[] parsing = {true};
    DiagnosticListener<JavaFileObject> checking =
        d -> {
          if (d.getKind() != Diagnostic.Kind.ERROR || !isSource(d.getSource(), source)) {
            return;
          }
          Problem p = new Problem(d.getLineNumber(), firstLine(d.getMessage(Locale.ROOT)));
          (parsing[0] ? syntax : other).add(p);
        };
    JavacTask checkTask = task(checking, checkingOptions(), source, cancelled);
    List<CompilationUnitTree> units = new ArrayList<>();
    checkTask.parse().forEach(units::add);
    parsing[0] = false;
    checkTask.analyze();
    if (cancelled.getAsBoolean()) {
      throw new CancellationException();
    }
    long t2 = System.nanoTime();
    for (CompilationUnitTree unit : units) {
      if (isSource(unit.getSourceFile(), source)) {
        Fixes fixes = new Fixes(unit, text);
        VisitorState state =
            VisitorState.createConfiguredForCompilation(
                ((BasicJavacTask) checkTask).getContext(),
                description -> findings.add(fixes.finding(description)),
                scanner.severityMap(),
                errorProneOptions);
        TreePath path = new TreePath(unit);
        scanner.scan(path, state.withPath(path));
      }
    }
    findings.sort((a, b) -> Integer.compare(a.start(), b.start()));
    long t3 = System.nanoTime();
    Timings timings =
        new Timings((t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    return new Result(List.copyOf(findings), syntax, other, timings);
  }

  private JavacTask task(
      DiagnosticListener<JavaFileObject> listener,
      List<String> options,
      JavaFileObject source,
      BooleanSupplier cancelled) {
    JavacTask task =
        tool.getTask(new StringWriter(), files, listener, options, null, List.of(source));
    task.addTaskListener(
        new TaskListener() {
          @Override
          public void started(TaskEvent e) {
            if (cancelled.getAsBoolean()) {
              throw new CancellationException();
            }
          }
        });
    return task;
  }

  private List<String> commonOptions() {
    List<String> o = new ArrayList<>();
    if (!config.classpath().isEmpty()) {
      o.add("-classpath");
      o.add(config.classpath());
    }
    o.add("-d");
    o.add(work.resolve("classes").toString());
    o.add("-implicit:none");
    o.add("-Xmaxerrs");
    o.add("1000");
    o.add("-XDshould-stop.ifError=FLOW");
    return o;
  }

  private List<String> processingOptions() {
    List<String> o = commonOptions();
    o.add("-sourcepath");
    o.add(sourcepath(false));
    o.add("-proc:only");
    o.add("-s");
    o.add(generated.toString());
    return o;
  }

  private List<String> checkingOptions() {
    List<String> o = commonOptions();
    o.add("-sourcepath");
    o.add(sourcepath(true));
    o.add("-proc:none");
    o.add("-XDcompilePolicy=simple");
    return o;
  }

  private String sourcepath(boolean withGenerated) {
    List<String> roots = new ArrayList<>();
    config.sourceRoots().forEach(p -> roots.add(p.toString()));
    if (withGenerated) {
      roots.add(generated.toString());
    }
    return String.join(File.pathSeparator, roots);
  }

  /** Fresh processor instances: a processor keeps state for one compilation only. */
  private static List<Processor> conduitProcessors() {
    List<Processor> processors = new ArrayList<>();
    for (String name : Rules.conduitProcessors()) {
      try {
        processors.add((Processor) Class.forName(name).getDeclaredConstructor().newInstance());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create Conduit's processor " + name, e);
      }
    }
    return processors;
  }

  /** javac wraps the file objects it is given, so they are compared by URI. */
  private static boolean isSource(@Nullable JavaFileObject candidate, JavaFileObject source) {
    return candidate != null && candidate.toUri().equals(source.toUri());
  }

  static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  @Override
  public void close() {
    try {
      files.close();
    } catch (IOException e) {
      // nothing left to do for a file manager that cannot close
    }
    Workspace.deleteTree(work);
  }

  /** The editor's text of a file, which may differ from what is on disk. */
  private static final class InMemorySource extends SimpleJavaFileObject {
    private final String text;

    InMemorySource(URI uri, String text) {
      super(uri, Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
