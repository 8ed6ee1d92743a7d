package dev.conduit.lsp;

import dev.conduit.vet.Rules;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;

/**
 * The project model: which project a file belongs to (the folder of the nearest pom.xml), that
 * project's class path and Error Prone settings, and its warm {@link Analyzer}, rebuilt when its
 * pom changes. Used only from the analysis thread.
 */
final class Workspace implements AutoCloseable {
  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

  private record Entry(Analyzer analyzer, String pomStamp) {}

  private final Rules rules;
  private final Maven maven;
  private final Consumer<String> warn;
  private final Consumer<String> log;
  private final Map<Path, Entry> projects = new HashMap<>();
  private @Nullable String classpathOverride;

  Workspace(Rules rules, Maven maven, Consumer<String> warn, Consumer<String> log) {
    this.rules = rules;
    this.maven = maven;
    this.warn = warn;
    this.log = log;
  }

  /** A class path from the editor's settings replaces Maven's for every project; null undoes. */
  void setClasspathOverride(@Nullable String classpath) {
    if (!java.util.Objects.equals(classpath, classpathOverride)) {
      classpathOverride = classpath;
      closeAll();
    }
  }

  Analyzer analyzerFor(Path file, String text) throws IOException {
    Path pom = nearestPom(file.getParent());
    Path key = pom == null ? sourceRoot(file, text) : pom.getParent();
    String stamp = pom == null ? "" : stamp(pom);
    Entry entry = projects.get(key);
    if (entry != null && entry.pomStamp().equals(stamp)) {
      return entry.analyzer();
    }
    if (entry != null) {
      log.accept(pom + " changed: reloading the project's class path");
      entry.analyzer().close();
    }
    Analyzer analyzer = new Analyzer(configure(file, text, pom), rules);
    projects.put(key, new Entry(analyzer, stamp));
    return analyzer;
  }

  private ProjectConfig configure(Path file, String text, @Nullable Path pom) {
    Path fileRoot = sourceRoot(file, text);
    if (pom == null) {
      return new ProjectConfig(fileRoot, List.of(fileRoot), fallbackClasspath(), List.of());
    }
    Path root = Objects.requireNonNull(pom.getParent(), "a pom.xml outside any folder");
    Document document;
    try {
      document = Maven.parse(pom);
    } catch (Maven.Failure e) {
      warn.accept(
          e.getMessage()
              + ". Conduit checks with only its own runtime on the class path until"
              + " the pom is fixed and saved.");
      return new ProjectConfig(root, List.of(fileRoot), fallbackClasspath(), List.of());
    }
    List<String> settings = Maven.errorProneSettings(document);
    if (Maven.isAggregator(document)) {
      // A parent or aggregator pom has no class path of its own: the file is not in a module.
      log.accept(file + " is in no Maven module; checking it with Conduit's runtime only");
      return new ProjectConfig(fileRoot, List.of(fileRoot), fallbackClasspath(), settings);
    }
    List<Path> sourceRoots = new ArrayList<>();
    for (String dir : List.of("src/main/java", "src/test/java")) {
      Path p = root.resolve(dir);
      if (Files.isDirectory(p)) {
        sourceRoots.add(p);
      }
    }
    if (sourceRoots.stream().noneMatch(fileRoot::startsWith)) {
      sourceRoots.add(fileRoot);
    }
    String classpath;
    if (classpathOverride != null) {
      classpath = classpathOverride;
    } else {
      try {
        classpath = maven.classpath(root);
      } catch (Maven.Failure e) {
        warn.accept(e.getMessage() + ". Until then Conduit checks with only its own runtime.");
        classpath = fallbackClasspath();
      }
    }
    return new ProjectConfig(root, sourceRoots, classpath, settings);
  }

  private String fallbackClasspath() {
    return classpathOverride != null ? classpathOverride : runtimeClasspath();
  }

  /** The folder a file's package starts in: {@code src/main/java} for {@code a/b/C.java}. */
  static Path sourceRoot(Path file, String text) {
    Path dir = Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file with no folder");
    Matcher m = PACKAGE.matcher(text);
    if (m.find()) {
      String[] parts = m.group(1).split("\\.");
      Path up = dir;
      for (int i = parts.length - 1; i >= 0 && up != null; i--) {
        if (!up.getFileName().toString().equals(parts[i])) {
          return dir; // the folders do not match the package: look no further than the file's
        }
        up = up.getParent();
      }
      if (up != null) {
        return up;
      }
    }
    return dir;
  }

  static @Nullable Path nearestPom(@Nullable Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      Path pom = d.resolve("pom.xml");
      if (Files.isRegularFile(pom)) {
        return pom;
      }
    }
    return null;
  }

  private static String stamp(Path pom) throws IOException {
    return Maven.hash(pom);
  }

  /** Conduit's runtime for user code: the jars beside conduit-lsp.jar, or what tests set. */
  static String runtimeClasspath() {
    String configured = System.getProperty("conduit.lsp.runtimeClasspath");
    if (configured != null) {
      return configured;
    }
    try {
      Path self =
          Path.of(Workspace.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path lib = self.resolveSibling("conduit-lsp-lib");
      if (!Files.isDirectory(lib)) {
        return "";
      }
      try (Stream<Path> jars = Files.list(lib)) {
        return jars.filter(p -> p.toString().endsWith(".jar"))
            .sorted()
            .map(Path::toString)
            .collect(Collectors.joining(File.pathSeparator));
      }
    } catch (Exception e) {
      return "";
    }
  }

  void closeAll() {
    projects.values().forEach(e -> e.analyzer().close());
    projects.clear();
  }

  @Override
  public void close() {
    closeAll();
    maven.stopAll();
  }

  static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is not worth failing for
    }
  }
}
