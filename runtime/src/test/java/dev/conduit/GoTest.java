package dev.conduit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code Go.go}: virtual threads, names, and the report of escaping exceptions. */
class GoTest {

  @Test
  void runsTheTaskOnANewVirtualThread() {
    Channel<Thread> ran = Channel.buffered(1);
    Go.go(() -> ran.send(Thread.currentThread()));
    Thread thread = ran.receive();
    assertThat(thread.isVirtual()).isTrue();
    assertThat(thread.isDaemon()).isTrue();
    assertThat(thread).isNotSameInstanceAs(Thread.currentThread());
    assertThat(thread.getName()).matches("goroutine-\\d+");
  }

  @Test
  void namedGoroutineCarriesItsName() {
    Channel<String> name = Channel.buffered(1);
    Go.go("fetcher", () -> name.send(Thread.currentThread().getName()));
    assertThat(name.receive()).isEqualTo("fetcher");
  }

  @Test
  void rejectsNull() {
    assertThrows(NullPointerException.class, () -> Go.go(null));
    assertThrows(NullPointerException.class, () -> Go.go(null, () -> {}));
    assertThrows(NullPointerException.class, () -> Go.setUncaughtExceptionHandler(null));
  }

  @Test
  void defaultHandlerPrintsTheGoroutineNameAndStackTrace() throws Exception {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Go.go(
          "doomed",
          () -> {
            throw new IllegalStateException("boom in goroutine");
          });
      String output = awaitOutput(captured, "boom in goroutine");
      assertThat(output).contains("Exception in goroutine \"doomed\"");
      assertThat(output).contains("java.lang.IllegalStateException: boom in goroutine");
      assertThat(output).contains("dev.conduit.GoTest.lambda$defaultHandlerPrints");
    } finally {
      System.setErr(originalErr);
    }
  }

  @Test
  void handlerIsReplaceableAndReturnsThePreviousOne() {
    Channel<String> reports = Channel.buffered(1);
    Thread.UncaughtExceptionHandler previous =
        Go.setUncaughtExceptionHandler(
            (thread, failure) -> reports.send(thread.getName() + ": " + failure.getMessage()));
    try {
      assertThat(previous).isSameInstanceAs(Go.defaultUncaughtExceptionHandler());
      Go.go(
          "worker",
          () -> {
            throw new IllegalArgumentException("bad input");
          });
      assertThat(reports.receive()).isEqualTo("worker: bad input");
    } finally {
      Go.setUncaughtExceptionHandler(previous);
    }
  }

  @Test
  void failingHandlerFallsBackToPrintingSoNothingIsLost() throws Exception {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Thread.UncaughtExceptionHandler previous =
        Go.setUncaughtExceptionHandler((thread, failure) -> {
          throw new IllegalStateException("handler broke");
        });
    try {
      Go.go(
          "unlucky",
          () -> {
            throw new RuntimeException("original failure");
          });
      String output = awaitOutput(captured, "handler broke");
      assertThat(output).contains("Exception in goroutine \"unlucky\"");
      assertThat(output).contains("original failure");
      assertThat(output).contains("Suppressed: java.lang.IllegalStateException: handler broke");
    } finally {
      Go.setUncaughtExceptionHandler(previous);
      System.setErr(originalErr);
    }
  }

  private static String awaitOutput(ByteArrayOutputStream captured, String expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      String output = captured.toString(StandardCharsets.UTF_8);
      if (output.contains(expected)) {
        Thread.sleep(20); // let the rest of the stack trace be written
        return captured.toString(StandardCharsets.UTF_8);
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no report within 5 s; output so far: " + captured);
  }
}
