package dev.conduit.errorprone;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.conduit.errorprone.direction.ChannelDirection;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real {@code javac -Xplugin:ErrorProne} run, in its own process, with the checks as a jar on
 * the processor path: the way users run them. It proves what the in-process test helpers cannot:
 * that Error Prone finds both checks through the ServiceLoader registration, and that {@code
 * -XepOpt} flags reach them through the injected constructor.
 */
class PluginRegistrationTest {

  private static final String SOURCE =
      String.join(
          "\n",
          "import dev.conduit.Channel;",
          "import dev.conduit.Context;",
          "import dev.conduit.annotations.SendOnly;",
          "class Uses {",
          "  static final class Lease { void release() {} }",
          "  static Lease lease() { return new Lease(); }",
          "  static void producer(@SendOnly Channel<Integer> out) { out.receive(); }",
          "  static void leak(Context ctx) { ctx.withCancel(); }",
          "  static void leaseLeak() { Lease lease = lease(); }",
          "}");

  @Test
  void errorProneFindsTheChecksInTheJarAndPassesThemFlags(@TempDir Path dir) throws Exception {
    Path jar = jarOfMainClasses(dir.resolve("conduit-errorprone-checks.jar"));
    Path source = Files.writeString(dir.resolve("Uses.java"), SOURCE);
    String libraries = testClassPathWithout(mainClasses(), testClasses());

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
    for (String export : System.getProperty("conduit.errorprone.exports", "").split("\\s+")) {
      if (!export.isBlank()) {
        command.add("-J" + export);
      }
    }
    command.addAll(
        List.of(
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "-processorpath",
            jar + java.io.File.pathSeparator + libraries,
            "-classpath",
            libraries,
            "-d",
            Files.createDirectories(dir.resolve("out")).toString(),
            "-Xplugin:ErrorProne -XepOpt:LostCancel:ExtraHandles=Uses.Lease#new/release"
                + ",Uses#lease/release",
            source.toString()));
    Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(javac.getInputStream().readAllBytes(), UTF_8);
    int exit = javac.waitFor();

    assertThat(output).contains("[ChannelDirection] Calling receive() on send-only");
    assertThat(output).contains("[LostCancel] The handle returned by Context.withCancel()");
    assertThat(output)
        .contains(
            "The end of this method may be reached without releasing the"
                + " handle created on line 9 by Uses.lease()");
    assertThat(exit).isEqualTo(1);
  }

  private static Path mainClasses() throws URISyntaxException {
    return Path.of(
        ChannelDirection.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static Path testClasses() throws URISyntaxException {
    return Path.of(
        PluginRegistrationTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static String testClassPathWithout(Path... excluded) {
    List<Path> skip = Arrays.stream(excluded).map(Path::toAbsolutePath).toList();
    return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> !skip.contains(Path.of(entry).toAbsolutePath()))
        .collect(Collectors.joining(java.io.File.pathSeparator));
  }

  private static Path jarOfMainClasses(Path jar) throws IOException, URISyntaxException {
    Path classes = mainClasses();
    assertThat(
            Files.isRegularFile(
                classes.resolve("META-INF/services/com.google.errorprone.bugpatterns.BugChecker")))
        .isTrue();
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> entries = Files.walk(classes)) {
      for (Path entry : entries.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(entry).toString().replace('\\', '/')));
        Files.copy(entry, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
