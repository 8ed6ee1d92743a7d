package dev.conduit.vet;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.jspecify.annotations.Nullable;

/**
 * One vet run in two javac passes over the same sources.
 *
 * <ol>
 *   <li>Annotation processing only: Conduit's processor reports declaration errors and writes the
 *       channel wrappers the sources may use.
 *   <li>Error Prone with only Conduit's rules, over the sources plus the generated wrappers,
 *       without processing again. Running it separately keeps a processor error from hiding the
 *       body-level findings, since javac stops after processing when a processor reports one.
 * </ol>
 *
 * <p>Class files go to a temporary directory that is deleted afterwards.
 */
final class VetRun {
  /** Findings plus the javac errors that kept the sources from compiling. */
  record Result(List<Finding> findings, List<Javac.Reported> compileErrors, int fileCount) {}

  /** Error Prone and the processor put the rule or id first: "[ChannelDirection] ...". */
  private static final Pattern TAGGED =
      Pattern.compile("^\\[([A-Za-z][A-Za-z0-9]*)\\] ?(.*)", Pattern.DOTALL);

  /** The line on which Error Prone shows a finding's suggested fixes. */
  private static final Pattern FIX =
      Pattern.compile("^\\s*Did you mean (.+)\\?$", Pattern.MULTILINE);

  private final Options options;
  private final Rules rules;
  private final String toolPath;
  private final String runtimeClasspath;

  VetRun(Options options, Rules rules, String toolPath, String runtimeClasspath) {
    this.options = options;
    this.rules = rules;
    this.toolPath = toolPath;
    this.runtimeClasspath = runtimeClasspath;
  }

  Result run() throws IOException, Options.UsageException {
    List<Path> sources = sources(options.paths());
    Path work = Files.createTempDirectory("conduit-vet");
    try {
      Path generated = Files.createDirectories(work.resolve("generated"));
      Path classes = Files.createDirectories(work.resolve("classes"));
      List<Finding> findings = new ArrayList<>();

      List<String> processors = Rules.conduitProcessors();
      List<Javac.Reported> processingErrors = new ArrayList<>();
      List<Javac.Reported> processed =
          processors.isEmpty()
              ? List.of()
              : Javac.run(processingOptions(processors, generated, classes), sources).diagnostics();
      for (Javac.Reported d : processed) {
        Finding finding = tagged(d, false);
        if (finding != null) {
          findings.add(finding);
        } else if (d.kind() == Diagnostic.Kind.ERROR) {
          processingErrors.add(d);
        }
      }
      if (!processingErrors.isEmpty()) {
        // Sources that do not parse or resolve: the second pass would only repeat this.
        return new Result(sorted(findings), processingErrors, sources.size());
      }

      List<Path> all = new ArrayList<>(sources);
      all.addAll(javaFilesUnder(generated));
      Javac.Outcome checking = Javac.run(checkingOptions(classes), all);
      List<Javac.Reported> compileErrors = new ArrayList<>();
      for (Javac.Reported d : checking.diagnostics()) {
        Finding finding = tagged(d, true);
        if (finding != null) {
          findings.add(finding);
        } else if (d.kind() == Diagnostic.Kind.ERROR) {
          compileErrors.add(d);
        }
      }
      return new Result(sorted(findings), compileErrors, sources.size());
    } finally {
      deleteTree(work);
    }
  }

  private List<String> commonOptions(Path classes) {
    List<String> o = new ArrayList<>();
    o.add("--release");
    o.add(options.release());
    String classpath = join(options.classpath(), runtimeClasspath);
    if (!classpath.isEmpty()) {
      o.add("-classpath");
      o.add(classpath);
    }
    o.add("-processorpath");
    o.add(toolPath);
    o.add("-d");
    o.add(classes.toString());
    o.add("-implicit:none");
    o.add("-Xmaxerrs");
    o.add("100000");
    o.add("-Xmaxwarns");
    o.add("100000");
    return o;
  }

  private List<String> processingOptions(List<String> processors, Path generated, Path classes) {
    List<String> o = commonOptions(classes);
    o.add("-proc:only");
    o.add("-s");
    o.add(generated.toString());
    o.add("-processor");
    o.add(String.join(",", processors));
    return o;
  }

  private List<String> checkingOptions(Path classes) {
    List<String> o = commonOptions(classes);
    o.add("-proc:none");
    o.add("-XDcompilePolicy=simple");
    o.add("--should-stop=ifError=FLOW");
    StringBuilder plugin =
        new StringBuilder(
            "-Xplugin:ErrorProne -XepDisableAllChecks -XepDisableWarningsInGeneratedCode");
    for (String rule : rules.all().keySet()) {
      if (options.rules().isEmpty() || options.rules().contains(rule)) {
        plugin.append(" -Xep:").append(rule).append(":WARN");
      }
    }
    o.add(plugin.toString());
    return o;
  }

  /** A finding if {@code d} carries a rule tag and that rule was asked for; else null. */
  private @Nullable Finding tagged(Javac.Reported d, boolean fromErrorProne) {
    if (d.file() == null) {
      return null;
    }
    Matcher m = TAGGED.matcher(d.message());
    if (!m.matches()) {
      return null;
    }
    String rule = m.group(1);
    boolean ours = fromErrorProne ? rules.isKnown(rule) : Rules.isProcessorId(rule);
    if (!ours) {
      return null;
    }
    if (!options.rules().isEmpty() && !options.rules().contains(rule)) {
      return null;
    }
    return new Finding(
        displayPath(d.file()), d.line(), d.column(), rule, firstLine(m.group(2)), fix(m.group(2)));
  }

  /** Error Prone's "Did you mean 'fixed line' or 'other'?" line, without its frame; or "". */
  private static String fix(String message) {
    Matcher m = FIX.matcher(message);
    return m.find() ? m.group(1).strip() : "";
  }

  /** Error Prone appends "(see link)" and fix suggestions on later lines; this is the first. */
  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  static Path displayPath(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
  }

  private static List<Finding> sorted(List<Finding> findings) {
    return List.copyOf(new TreeSet<>(findings));
  }

  static List<Path> sources(List<Path> paths) throws IOException, Options.UsageException {
    Set<Path> found = new TreeSet<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        List<Path> under = javaFilesUnder(path);
        if (under.isEmpty()) {
          throw new Options.UsageException("no .java files under " + path);
        }
        found.addAll(under);
      } else if (Files.isRegularFile(path)) {
        if (!path.toString().endsWith(".java")) {
          throw new Options.UsageException(path + " is not a .java file");
        }
        found.add(path.toAbsolutePath().normalize());
      } else {
        throw new Options.UsageException("no such file or directory: " + path);
      }
    }
    return List.copyOf(found);
  }

  private static List<Path> javaFilesUnder(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
          .map(p -> p.toAbsolutePath().normalize())
          .sorted()
          .toList();
    }
  }

  private static String join(String a, String b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() ? a : a + File.pathSeparator + b;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is not worth failing the run for
    }
  }
}
