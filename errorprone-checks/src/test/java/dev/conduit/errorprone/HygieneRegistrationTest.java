package dev.conduit.errorprone;

import dev.conduit.errorprone.abandoned.AbandonedSender;
import dev.conduit.errorprone.closing.DoubleClose;
import dev.conduit.errorprone.context.ContextFirst;
import dev.conduit.errorprone.context.ContextInField;
import dev.conduit.errorprone.context.ContextPropagation;
import dev.conduit.errorprone.context.NullContext;
import dev.conduit.errorprone.context.UncancellableBlockingCall;
import dev.conduit.errorprone.waitgroup.WaitGroupAddInGoroutine;
import static com.google.common.truth.Truth.assertThat;

import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The hygiene checks are registered for the ServiceLoader that Error Prone uses to find plugin
 * checks, each under its fixed name and linking to its own page. PluginRegistrationTest runs the
 * real {@code -Xplugin:ErrorProne} compile over the same registration file.
 */
class HygieneRegistrationTest {

  private static final List<String> NAMES =
      List.of(
          "ContextFirst",
          "NullContext",
          "ContextInField",
          "ContextPropagation",
          "UncancellableBlockingCall",
          "WaitGroupAddInGoroutine",
          "AbandonedSender",
          "DoubleClose");

  @Test
  void serviceLoaderFindsEveryHygieneCheck() {
    List<String> registered =
        ServiceLoader.load(BugChecker.class).stream()
            .map(provider -> provider.type().getSimpleName())
            .toList();
    assertThat(registered).containsAtLeastElementsIn(NAMES);
  }

  @Test
  void eachLinksToItsOwnPage() {
    for (BugChecker check : ServiceLoader.load(BugChecker.class)) {
      String name = check.getClass().getSimpleName();
      if (NAMES.contains(name)) {
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
}
