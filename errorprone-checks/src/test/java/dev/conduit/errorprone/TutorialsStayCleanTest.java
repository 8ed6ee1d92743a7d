package dev.conduit.errorprone;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.direction.ChannelDirection;
import dev.conduit.errorprone.lostcancel.LostCancel;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Go tutorials' patterns, ported to Conduit (worker pool, pipeline with a context, fan-in,
 * request with a timeout and select), compile without a single finding from each check alone. The
 * checks are the ones registered for Error Prone, so a new check takes part by being registered.
 */
class TutorialsStayCleanTest {

  /** Every check registered for Error Prone's ServiceLoader, as Error Prone finds them. */
  static List<Class<? extends BugChecker>> registeredChecks() {
    return ServiceLoader.load(BugChecker.class).stream()
        .<Class<? extends BugChecker>>map(ServiceLoader.Provider::type)
        .filter(type -> type.getName().startsWith("dev.conduit."))
        .toList();
  }

  static Stream<Class<? extends BugChecker>> checks() {
    return registeredChecks().stream();
  }

  @Test
  void theChecksAreRegistered() {
    assertThat(registeredChecks()).contains(ChannelDirection.class);
    assertThat(registeredChecks()).contains(LostCancel.class);
  }

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checks")
  void noFindings(Class<? extends BugChecker> check) throws IOException {
    CompilationTestHelper helper = CompilationTestHelper.newInstance(check, getClass());
    for (String tutorial : List.of("WorkerPool", "Pipeline", "FanIn", "RequestWithTimeout")) {
      String path = "tutorials/" + tutorial + ".java";
      try (InputStream in = getClass().getResourceAsStream(path)) {
        assertThat(in).isNotNull();
        helper.addSourceLines(path, new String(in.readAllBytes(), UTF_8).split("\n", -1));
      }
    }
    helper.expectNoDiagnostics().doTest();
  }
}
