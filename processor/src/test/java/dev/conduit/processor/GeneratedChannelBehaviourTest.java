package dev.conduit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.conduit.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compiles scenarios/flow (a {@code @GenerateChannel} record and code using its channel) with the
 * processor, loads the classes and runs them: the generated channel behaves like {@code Channel},
 * in select too, and its ends expose one direction only.
 */
class GeneratedChannelBehaviourTest {
  private static ClassLoader loader;

  @BeforeAll
  static void compileScenarios() {
    Compilation compilation =
        compile(
            JavaFileObjects.forResource("scenarios/flow/Order.java"),
            JavaFileObjects.forResource("scenarios/flow/Scenarios.java"));
    assertThat(compilation).succeededWithoutWarnings();
    loader = CompiledClasses.loader(compilation);
  }

  private static String run(String scenario) throws Exception {
    return (String) loader.loadClass("flow.Scenarios").getMethod(scenario).invoke(null);
  }

  @Test
  void bufferedIsFifoWithLenAndCap() throws Exception {
    assertThat(run("bufferedIsFifoWithLenAndCap")).isEqualTo("[true, false, 2/2, a, b, null, 0/2]");
  }

  @Test
  void unbufferedIsARendezvous() throws Exception {
    assertThat(run("unbufferedIsARendezvous")).isEqualTo("[false, x, 0]");
  }

  @Test
  void closeDrainsThenEnds() throws Exception {
    assertThat(run("closeDrainsThenEnds"))
        .isEqualTo("[true, 1, 2, receive closed, send closed, close closed]");
  }

  @Test
  void selectOverEndsAndChannel() throws Exception {
    assertThat(run("selectOverEndsAndChannel"))
        .isEqualTo("[sent, got s, empty, closed gives null, ignored value]");
  }

  @Test
  void asChannelSharesTheChannel() throws Exception {
    assertThat(run("asChannelSharesTheChannel")).isEqualTo("[p, q]");
  }

  @Test
  void nullIsRejected() throws Exception {
    assertThat(run("nullIsRejected")).isEqualTo("rejected");
  }

  @Test
  void endsHaveOnlyTheirOwnDirectionAndNoWayBack() throws Exception {
    Class<?> channel = loader.loadClass("flow.OrderChannel");
    List<String> sendEnd = publicMethods(loader.loadClass("flow.OrderChannel$SendEnd"));
    List<String> receiveEnd = publicMethods(loader.loadClass("flow.OrderChannel$ReceiveEnd"));
    assertThat(sendEnd)
        .containsExactly("send", "trySend", "close", "isClosed", "len", "cap", "sendHandle");
    assertThat(receiveEnd)
        .containsExactly(
            "receive",
            "receiveOptional",
            "tryReceive",
            "iterator",
            "isClosed",
            "len",
            "cap",
            "receiveHandle");
    for (String end : List.of("flow.OrderChannel$SendEnd", "flow.OrderChannel$ReceiveEnd")) {
      for (Method method : loader.loadClass(end).getMethods()) {
        assertThat(method.getReturnType()).isNotEqualTo(channel);
        assertThat(method.getReturnType().getName()).isNotEqualTo("dev.conduit.Channel");
      }
      assertThat(loader.loadClass(end).getConstructors()).isEmpty();
    }
    // The handles a select gets have no public instance operation either.
    assertThat(
            Arrays.stream(Class.forName("dev.conduit.SelectHandle").getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName))
        .containsExactly("toString");
    assertThat(Modifier.isFinal(channel.getModifiers())).isTrue();
  }

  /**
   * Names of the public methods declared by the class itself (not Object's), excluding toString;
   * overloads (such as the Context-taking send and receive) count once.
   */
  private static List<String> publicMethods(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
        .map(Method::getName)
        .filter(name -> !name.equals("toString"))
        .distinct()
        .toList();
  }
}
