package dev.conduit.vet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The command line, parsed and validated. */
record Options(
    List<Path> paths,
    String classpath,
    String release,
    Set<String> rules,
    Format format,
    boolean help) {

  enum Format {
    TEXT,
    SARIF
  }

  static final String USAGE =
      """
      usage: conduit-vet [--classpath CP] [--release N] [--rules R1,R2] [--format text|sarif] PATH...

      Compiles the Java files under each PATH (directories are searched recursively) with
      Conduit's annotation processor and compiler checks, writes no class files, and prints one
      line per finding: file:line:col: [Rule] message.

        --classpath CP     where the code's dependencies are (as for javac); Conduit's runtime
                           is added for you
        --release N        the Java release to compile for (default: 21)
        --rules R1,R2      report only these rules (default: all of them)
        --format FORMAT    text (default) or sarif (SARIF 2.1.0 on standard output)
        --help             this text

      Exit status: 0 no findings, 1 findings, 2 usage or input errors.\
      """;

  /** Thrown for a command line that cannot be run; the message says what is wrong. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static Options parse(String... args) throws UsageException {
    List<Path> paths = new ArrayList<>();
    String classpath = "";
    String release = "21";
    Set<String> rules = new LinkedHashSet<>();
    Format format = Format.TEXT;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> help = true;
        case "--classpath", "-cp", "--class-path" -> classpath = value(args, ++i, arg);
        case "--release" -> {
          release = value(args, ++i, arg);
          if (!release.matches("\\d+") || Integer.parseInt(release) < 8) {
            throw new UsageException(
                "--release needs a Java version such as 21, not '" + release + "'");
          }
        }
        case "--rules" -> {
          for (String rule : value(args, ++i, arg).split(",")) {
            if (!rule.isBlank()) {
              rules.add(rule.strip());
            }
          }
          if (rules.isEmpty()) {
            throw new UsageException("--rules needs at least one rule name");
          }
        }
        case "--format" -> {
          String f = value(args, ++i, arg);
          format =
              switch (f) {
                case "text" -> Format.TEXT;
                case "sarif" -> Format.SARIF;
                default -> throw new UsageException("--format is text or sarif, not '" + f + "'");
              };
        }
        default -> {
          if (arg.startsWith("-") && !arg.equals("-")) {
            throw new UsageException("unknown option " + arg);
          }
          paths.add(Path.of(arg));
        }
      }
    }
    if (!help && paths.isEmpty()) {
      throw new UsageException("no PATH given: name the source files or directories to check");
    }
    return new Options(List.copyOf(paths), classpath, release, rules, format, help);
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }
}
