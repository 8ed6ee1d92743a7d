package dev.conduit.errorprone;

import static com.google.common.truth.Truth.assertThat;

import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.conduit.errorprone.direction.ChannelDirection;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every check is registered for the ServiceLoader that Error Prone uses to find plugin checks (by
 * its {@code @AutoService(BugChecker.class)} line), each under its fixed name and linking to its
 * own page. PluginRegistrationTest runs the real {@code -Xplugin:ErrorProne} compile over the same
 * registration file; cli's RuleRegistryTest checks every other place a registered rule needs.
 */
class HygieneRegistrationTest {

  /** The checks found in this module's compiled classes: concrete, annotated BugCheckers. */
  private static List<String> checkClassesInTheModule() throws IOException, URISyntaxException {
    Path classes =
        Path.of(ChannelDirection.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    TreeSet<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.');
        name = name.substring(0, name.length() - ".class".length());
        Class<?> type;
        try {
          type = Class.forName(name, false, HygieneRegistrationTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          continue;
        }
        if (BugChecker.class.isAssignableFrom(type)
            && type.isAnnotationPresent(BugPattern.class)
            && !Modifier.isAbstract(type.getModifiers())) {
          found.add(type.getName());
        }
      }
    }
    return List.copyOf(found);
  }

  private static List<Class<? extends BugChecker>> registered() {
    return TutorialsStayCleanTest.registeredChecks();
  }

  @Test
  void everyCheckInTheModuleIsRegistered() throws Exception {
    List<String> checks = checkClassesInTheModule();
    assertThat(checks).isNotEmpty();
    List<String> registered = registered().stream().map(Class::getName).sorted().toList();
    assertThat(registered).containsExactlyElementsIn(checks);
  }

  @Test
  void eachLinksToItsOwnPage() {
    assertThat(registered()).isNotEmpty();
    for (BugChecker check : ServiceLoader.load(BugChecker.class)) {
      if (!registered().contains(check.getClass())) {
        continue;
      }
      String name = check.getClass().getSimpleName();
      BugPattern pattern = check.getClass().getAnnotation(BugPattern.class);
      assertThat(pattern.linkType()).isEqualTo(BugPattern.LinkType.CUSTOM);
      assertThat(pattern.link()).isEqualTo("docs/checks/" + name + ".md");
      assertThat(pattern.summary()).endsWith(".");
      assertThat(check.canonicalName()).isEqualTo(name);
      // Surefire runs in the module's folder; the pages live at the repository's root.
      assertThat(Files.isRegularFile(Path.of("..", "docs", "checks", name + ".md"))).isTrue();
    }
  }
}
