package dev.conduit.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

/**
 * What the server asks of Maven: a module's class path, once per pom content (cached on disk under
 * the hash of the pom), and the Error Prone settings its compiler arguments carry.
 */
final class Maven {
  /** Maven could not give a class path; the message says why and what to do. */
  static final class Failure extends Exception {
    Failure(String message) {
      super(message);
    }
  }

  private static final long TIMEOUT_SECONDS = 300;

  /** Named in full so that every Maven version runs the same goal. */
  private static final String DEPENDENCY_PLUGIN = "3.8.1";

  private final Path cacheDir;
  private final Set<Process> running = ConcurrentHashMap.newKeySet();

  Maven(Path cacheDir) {
    this.cacheDir = cacheDir;
  }

  /** The pom's parsed document; a pom that does not parse is a {@link Failure}. */
  static Document parse(Path pom) throws Failure {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(pom.toFile());
    } catch (SAXParseException e) {
      throw new Failure(
          pom + " does not parse (line " + e.getLineNumber() + ": " + e.getMessage() + ")");
    } catch (Exception e) {
      throw new Failure(pom + " cannot be read: " + e.getMessage());
    }
  }

  static boolean isAggregator(Document pom) {
    NodeList packaging = pom.getDocumentElement().getElementsByTagName("packaging");
    for (int i = 0; i < packaging.getLength(); i++) {
      if (packaging.item(i).getParentNode() == pom.getDocumentElement()) {
        return packaging.item(i).getTextContent().strip().equals("pom");
      }
    }
    return false;
  }

  /** Every {@code -Xep:} and {@code -XepOpt:} word in the pom's compiler arguments. */
  static List<String> errorProneSettings(Document pom) {
    List<String> settings = new ArrayList<>();
    for (String tag : List.of("arg", "compilerArgument", "compilerArg")) {
      NodeList args = pom.getElementsByTagName(tag);
      for (int i = 0; i < args.getLength(); i++) {
        for (String word : ((Element) args.item(i)).getTextContent().strip().split("\\s+")) {
          if (word.startsWith("-Xep:") || word.startsWith("-XepOpt:")) {
            settings.add(word);
          }
        }
      }
    }
    return settings;
  }

  /** The module's test class path (which includes compile and runtime), from cache or Maven. */
  String classpath(Path root) throws Failure {
    Path pom = root.resolve("pom.xml");
    Path cached;
    try {
      cached = cacheDir.resolve("classpath-" + hash(pom) + ".txt");
      if (Files.isRegularFile(cached)) {
        return Files.readString(cached).strip();
      }
      Files.createDirectories(cacheDir);
    } catch (IOException e) {
      throw new Failure("cannot read " + pom + ": " + e.getMessage());
    }
    String classpath = runMaven(root);
    try {
      Path tmp = Files.createTempFile(cacheDir, "classpath", ".tmp");
      Files.writeString(tmp, classpath);
      Files.move(tmp, cached, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // an unwritable cache only costs the next start another Maven run
    }
    return classpath;
  }

  private String runMaven(Path root) throws Failure {
    Path out = null;
    Path log = null;
    try {
      out = Files.createTempFile("conduit-lsp-cp", ".txt");
      log = Files.createTempFile("conduit-lsp-mvn", ".log");
      String mvn =
          System.getProperty(
              "conduit.lsp.mvn",
              Files.isExecutable(root.resolve("mvnw")) ? root.resolve("mvnw").toString() : "mvn");
      ProcessBuilder pb =
          new ProcessBuilder(
                  mvn,
                  "-B",
                  "-q",
                  "-f",
                  root.resolve("pom.xml").toString(),
                  "org.apache.maven.plugins:maven-dependency-plugin:"
                      + DEPENDENCY_PLUGIN
                      + ":build-classpath",
                  "-Dmdep.outputFile=" + out)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      Process p;
      try {
        p = pb.start();
      } catch (IOException e) {
        throw new Failure(
            "Maven ("
                + mvn
                + ") could not be started: "
                + e.getMessage()
                + ". Install Maven,"
                + " or set conduit.classpath in the editor's settings");
      }
      running.add(p);
      try {
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          stop(p);
          throw new Failure(
              "Maven took over " + TIMEOUT_SECONDS + " s to give " + root + "'s class path");
        }
      } finally {
        running.remove(p);
      }
      if (p.exitValue() != 0) {
        throw new Failure(
            "Maven could not resolve "
                + root.resolve("pom.xml")
                + "'s class path: "
                + errorLines(log)
                + ". Fix the pom or run `mvn dependency:build-classpath` there"
                + " to see why, or set conduit.classpath in the editor's settings");
      }
      return Files.readString(out).strip();
    } catch (IOException e) {
      throw new Failure("cannot run Maven: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted while Maven resolved the class path");
    } finally {
      deleteQuietly(out);
      deleteQuietly(log);
    }
  }

  private static String errorLines(Path log) throws IOException {
    List<String> errors = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.startsWith("[ERROR]") && !line.strip().equals("[ERROR]") && errors.size() < 2) {
        errors.add(line.substring("[ERROR]".length()).strip());
      }
    }
    return errors.isEmpty() ? "mvn failed" : String.join(" ", errors);
  }

  /** Stops every Maven run still going: no child process outlives the server. */
  void stopAll() {
    running.forEach(Maven::stop);
  }

  private static void stop(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  static String hash(Path pom) throws IOException {
    try (InputStream in = Files.newInputStream(pom)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(pom.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
      sha.update(in.readAllBytes());
      return HexFormat.of().formatHex(sha.digest()).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(@Nullable Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // a temporary file left behind is harmless
      }
    }
  }
}
