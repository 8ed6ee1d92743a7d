package dev.conduit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.conduit.processor.Compilations.compile;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.conduit.Channel;
import org.junit.jupiter.api.Test;

/**
 * Generated channels mirror {@code Channel.send(Context, T)} and {@code receive(Context)} when the
 * runtime has them; this runs only against such a runtime.
 */
class GeneratedChannelContextTest {

  static boolean runtimeTakesContexts() {
    try {
      Class<?> context = Class.forName("dev.conduit.Context");
      Channel.class.getMethod("send", context, Object.class);
      Channel.class.getMethod("receive", context);
      return true;
    } catch (ReflectiveOperationException absent) {
      return false;
    }
  }

  @Test
  void sendAndReceiveGiveUpWhenTheContextIsDone() throws Exception {
    assumeTrue(runtimeTakesContexts(), "this runtime's Channel takes no Context");
    Compilation compilation =
        compile(
            JavaFileObjects.forResource("scenarios/flow/Order.java"),
            JavaFileObjects.forResource("scenarios/flow-context/ContextScenarios.java"));
    assertThat(compilation).succeededWithoutWarnings();
    Object log =
        CompiledClasses.loader(compilation)
            .loadClass("flow.ContextScenarios")
            .getMethod("sendAndReceiveGiveUpWhenTheContextIsDone")
            .invoke(null);
    assertThat(log).isEqualTo("[a, receive gave up, send gave up, 1]");
  }

  @Test
  void receiveOptionalReportsClosedAsEmpty() throws Exception {
    assumeTrue(runtimeTakesContexts(), "this runtime's Channel takes no Context");
    Compilation compilation =
        compile(
            JavaFileObjects.forResource("scenarios/flow/Order.java"),
            JavaFileObjects.forResource("scenarios/flow-context/ContextScenarios.java"));
    assertThat(compilation).succeededWithoutWarnings();
    Object log =
        CompiledClasses.loader(compilation)
            .loadClass("flow.ContextScenarios")
            .getMethod("receiveOptionalReportsClosedAsEmpty")
            .invoke(null);
    assertThat(log).isEqualTo("[a, b, false, false, gave up]");
  }
}
