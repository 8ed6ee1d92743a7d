package dev.conduit.vet;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code conduit-vet [--classpath CP] [--release N] [--rules R1,R2] [--format text|sarif] PATH...}:
 * Go's {@code go vet} for Conduit. See {@link Options#USAGE}.
 */
public final class Vet {
  static final int CLEAN = 0;
  static final int FINDINGS = 1;
  static final int USAGE_OR_INPUT_ERROR = 2;

  private static final String[] JAVAC_PACKAGES = {
    "api", "file", "main", "model", "parser", "processing", "tree", "util", "code", "comp"
  };

  private Vet() {}

  public static void main(String[] args) {
    if (!javacIsOpen()) {
      System.exit(relaunchWithJavacOpen(args));
    }
    System.exit(run(args, System.out, System.err));
  }

  /** Runs vet and returns its exit status; what a user sees goes to {@code out} and {@code err}. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (Options.UsageException e) {
      err.println("conduit-vet: " + e.getMessage());
      err.println("run conduit-vet --help for usage");
      return USAGE_OR_INPUT_ERROR;
    }
    Rules rules = Rules.discover();
    if (options.help()) {
      out.println(help(rules));
      return CLEAN;
    }
    List<String> unknown =
        options.rules().stream()
            .filter(rule -> !rules.isKnown(rule) && !Rules.isProcessorId(rule))
            .toList();
    if (!unknown.isEmpty()) {
      err.println(
          "conduit-vet: unknown rule"
              + (unknown.size() == 1 ? " " : "s ")
              + String.join(", ", unknown)
              + " in --rules; the valid names are "
              + String.join(", ", rules.names()));
      err.println("run conduit-vet --help for what each one reports");
      return USAGE_OR_INPUT_ERROR;
    }
    VetRun.Result result;
    try {
      result = new VetRun(options, rules, toolPath(), runtimeClasspath()).run();
    } catch (Options.UsageException e) {
      err.println("conduit-vet: " + e.getMessage());
      return USAGE_OR_INPUT_ERROR;
    } catch (IOException | RuntimeException e) {
      err.println("conduit-vet: could not run the compiler: " + e);
      err.println("This is a bug in conduit-vet; please report it with the command you ran.");
      return USAGE_OR_INPUT_ERROR;
    }

    if (options.format() == Options.Format.SARIF) {
      out.print(Sarif.render(result.findings(), rules, version()));
    } else {
      for (Finding f : result.findings()) {
        out.println(f.toLine());
      }
    }
    if (!result.compileErrors().isEmpty()) {
      reportCompileErrors(result.compileErrors(), err);
    }
    // SARIF keeps standard output pure JSON; text output ends with the summary.
    (options.format() == Options.Format.SARIF ? err : out).println(summary(result));
    if (!result.compileErrors().isEmpty()) {
      return USAGE_OR_INPUT_ERROR;
    }
    return result.findings().isEmpty() ? CLEAN : FINDINGS;
  }

  /**
   * The usage text followed by every rule this build of the tool runs, with its default severity
   * and summary, and the processor's ids: both lists come from where the rules are registered.
   */
  static String help(Rules rules) {
    StringBuilder text = new StringBuilder(Options.USAGE);
    text.append("\n\nRules (Error Prone checks; the severity is the default a build gets):\n");
    int width = rules.all().keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Rules.Rule rule : rules.all().values()) {
      text.append("  ")
          .append(rule.name())
          .append(" ".repeat(width - rule.name().length() + 2))
          .append(String.format("%-7s", rule.severity()))
          .append(" ")
          .append(rule.summary())
          .append('\n');
    }
    text.append("\nProcessor ids (declaration errors, always errors):\n");
    for (String id : Rules.processorIds()) {
      text.append("  ").append(id).append('\n');
    }
    text.append(
        "\nconduit-vet reports every rule's findings alike; --rules takes any of the names above.");
    return text.toString();
  }

  static String summary(VetRun.Result result) {
    int files = result.fileCount();
    String checked = files + (files == 1 ? " file" : " files") + " checked";
    if (!result.compileErrors().isEmpty()) {
      return "conduit-vet: "
          + result.compileErrors().size()
          + " compile error(s) kept some code from being checked; "
          + result.findings().size()
          + " finding(s) so far, "
          + checked;
    }
    long withFindings = result.findings().stream().map(Finding::file).distinct().count();
    return result.findings().isEmpty()
        ? "conduit-vet: no findings, " + checked
        : "conduit-vet: "
            + result.findings().size()
            + (result.findings().size() == 1 ? " finding" : " findings")
            + " in "
            + withFindings
            + (withFindings == 1 ? " file, " : " files, ")
            + checked;
  }

  private static void reportCompileErrors(List<Javac.Reported> errors, PrintStream err) {
    boolean missingSymbols = false;
    for (Javac.Reported e : errors) {
      String where =
          e.file() == null
              ? "javac"
              : VetRun.displayPath(e.file()) + ":" + e.line() + ":" + e.column();
      err.println(where + ": error: " + e.message());
      String m = e.message();
      missingSymbols |=
          m.contains("cannot find symbol")
              || m.contains("does not exist")
              || m.contains("cannot access")
              || m.contains("not found");
    }
    if (missingSymbols) {
      err.println(
          "hint: some classes could not be found. Pass the code's dependencies with --classpath"
              + " (for a Maven project: mvn dependency:build-classpath -Dmdep.outputFile=cp.txt,"
              + " then --classpath \"$(cat cp.txt)\").");
    }
  }

  /** Where javac finds Error Prone, Conduit's checks and processor: this tool's own class path. */
  private static String toolPath() {
    return System.getProperty("conduit.vet.toolPath", System.getProperty("java.class.path"));
  }

  /** Conduit's runtime for the user's code: the jars beside conduit-vet.jar. */
  private static String runtimeClasspath() throws IOException {
    String configured = System.getProperty("conduit.vet.runtimeClasspath");
    if (configured != null) {
      return configured;
    }
    Path self;
    try {
      self = Path.of(Vet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      return "";
    }
    Path lib = self.resolveSibling("conduit-vet-lib");
    if (!Files.isDirectory(lib)) {
      return "";
    }
    try (Stream<Path> jars = Files.list(lib)) {
      return jars.filter(p -> p.toString().endsWith(".jar"))
          .sorted()
          .map(Path::toString)
          .collect(Collectors.joining(File.pathSeparator));
    }
  }

  /**
   * The Conduit checkout this tool runs from, found by walking up from its jar or classes to the
   * directory that holds docs/checks; null when it runs from elsewhere.
   */
  static @org.jspecify.annotations.Nullable Path repositoryRoot() {
    Path here;
    try {
      here = Path.of(Vet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      return null;
    }
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("docs").resolve("checks"))) {
        return dir;
      }
    }
    return null;
  }

  private static String version() {
    String v = Vet.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  /** Whether javac's internals are open to this code, as Error Prone needs. */
  static boolean javacIsOpen() {
    Module javac = ModuleLayer.boot().findModule("jdk.compiler").orElse(null);
    if (javac == null) {
      return false;
    }
    Module self = Vet.class.getModule();
    return javac.isExported("com.sun.tools.javac.api", self)
        && javac.isOpen("com.sun.tools.javac.comp", self);
  }

  /**
   * Started without the flags (for example with {@code java -cp} rather than {@code java -jar}):
   * runs vet again in a child JVM that has them, so users never have to type them.
   */
  private static int relaunchWithJavacOpen(String[] args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Set<String> flags = new LinkedHashSet<>();
    for (String p : JAVAC_PACKAGES) {
      boolean open = p.equals("code") || p.equals("comp");
      flags.add(
          (open ? "--add-opens=" : "--add-exports=")
              + "jdk.compiler/com.sun.tools.javac."
              + p
              + "=ALL-UNNAMED");
    }
    command.addAll(flags);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Vet.class.getName());
    command.addAll(List.of(args));
    try {
      return new ProcessBuilder(command).inheritIO().start().waitFor();
    } catch (IOException e) {
      System.err.println("conduit-vet: could not start " + command.get(0) + ": " + e.getMessage());
      return USAGE_OR_INPUT_ERROR;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return USAGE_OR_INPUT_ERROR;
    }
  }
}
