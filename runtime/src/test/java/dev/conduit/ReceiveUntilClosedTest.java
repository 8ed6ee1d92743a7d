package dev.conduit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Go's {@code v, ok := <-ch} ({@code receiveOptional}) and {@code <-quit} as a statement ({@code
 * awaitSignal}), over every channel kind and every way of calling them: without a context, with a
 * context that can never be done (the plain path), and with a live cancellable one (the select path
 * of the context-aware receive).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReceiveUntilClosedTest {

  /** One way to call receiveOptional; the context, when used, is live for the whole test. */
  enum Form {
    PLAIN((ch, ctx) -> ch.receiveOptional()),
    NEVER_DONE_CONTEXT((ch, ctx) -> ch.receiveOptional(Context.background())),
    LIVE_CONTEXT((ch, ctx) -> ch.receiveOptional(ctx));

    final BiFunction<Channel<Integer>, Context, Optional<Integer>> receive;

    Form(BiFunction<Channel<Integer>, Context, Optional<Integer>> receive) {
      this.receive = receive;
    }
  }

  private final CancellableContext live = Context.background().withCancel();

  @AfterEach
  void cancelLive() {
    live.cancel();
  }

  static Stream<Arguments> kindsAndForms() {
    return Stream.of(0, 1, 16)
        .flatMap(capacity -> Stream.of(Form.values()).map(form -> Arguments.of(capacity, form)));
  }

  @ParameterizedTest(name = "capacity {0}, {1}")
  @MethodSource("kindsAndForms")
  void valuesThenCloseThenDrainThenEmptyForever(int capacity, Form form) throws Throwable {
    Channel<Integer> ch = Channel.buffered(capacity);
    int count = capacity + 3; // more than the buffer holds, so unbuffered sends rendezvous too
    var producer =
        Threads.run(() -> {
          for (int i = 0; i < count; i++) {
            ch.send(i);
          }
          ch.close();
        });
    List<Integer> received = new ArrayList<>();
    for (Optional<Integer> v = form.receive.apply(ch, live);
        v.isPresent();
        v = form.receive.apply(ch, live)) {
      received.add(v.get());
    }
    producer.get();
    assertThat(received).containsExactlyElementsIn(range(count)).inOrder();
    // Closed and drained stays so: every later call reports it at once, never by throwing.
    assertThat(form.receive.apply(ch, live)).isEmpty();
    assertThat(form.receive.apply(ch, live)).isEmpty();
  }

  @ParameterizedTest(name = "capacity {0}, {1}")
  @MethodSource("kindsAndForms")
  void bufferedValuesOutliveTheClose(int capacity, Form form) {
    Channel<Integer> ch = Channel.buffered(capacity);
    for (int i = 0; i < capacity; i++) {
      ch.send(i);
    }
    ch.close();
    for (int i = 0; i < capacity; i++) {
      assertThat(form.receive.apply(ch, live)).hasValue(i);
    }
    assertThat(form.receive.apply(ch, live)).isEmpty();
  }

  @ParameterizedTest(name = "capacity {0}, {1}")
  @MethodSource("kindsAndForms")
  void blockedReceiverIsReleasedByClose(int capacity, Form form) throws Throwable {
    Channel<Integer> ch = Channel.buffered(capacity);
    var receiver = Threads.start(() -> form.receive.apply(ch, live)).awaitBlocked();
    receiver.assertStillBlocked();
    ch.close();
    assertThat(receiver.get()).isEmpty();
  }

  @ParameterizedTest(name = "capacity {0}, {1}")
  @MethodSource("kindsAndForms")
  void blockedReceiverGetsTheNextValue(int capacity, Form form) throws Throwable {
    Channel<Integer> ch = Channel.buffered(capacity);
    var receiver = Threads.start(() -> form.receive.apply(ch, live)).awaitBlocked();
    ch.send(7);
    assertThat(receiver.get()).hasValue(7);
  }

  @ParameterizedTest(name = "capacity {0}, {1}")
  @MethodSource("kindsAndForms")
  void interruptWhileBlockedThrowsKeepsTheStatusAndTakesNothing(int capacity, Form form)
      throws Exception {
    Channel<Integer> ch = Channel.buffered(capacity);
    var receiver =
        Threads.start(
                () -> {
                  try {
                    return "received " + form.receive.apply(ch, live);
                  } catch (UncheckedInterruptedException e) {
                    return "interrupted, status " + Thread.currentThread().isInterrupted();
                  }
                })
            .awaitBlocked();
    receiver.thread().interrupt();
    assertThat(receiver.result().get(10, TimeUnit.SECONDS)).isEqualTo("interrupted, status true");
    // The interrupted receiver left nothing behind that could swallow a value.
    if (capacity > 0) {
      ch.send(1);
      assertThat(ch.receiveOptional()).hasValue(1);
    } else {
      assertThat(ch.trySend(1)).isFalse();
    }
  }

  @ParameterizedTest(name = "capacity {0}, {1}")
  @MethodSource("kindsAndForms")
  void interruptedThreadStillSeesAClosedChannelAtOnce(int capacity, Form form) throws Throwable {
    Channel<Integer> ch = Channel.buffered(capacity);
    ch.close();
    var result =
        Threads.start(() -> {
          Thread.currentThread().interrupt();
          return form.receive.apply(ch, live).isEmpty() && Thread.interrupted();
        });
    assertThat(result.get()).isTrue();
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void contextDoneFirstGivesUpWithItsErrorAndTakesNothing(int capacity) throws Throwable {
    Channel<Integer> ch = Channel.buffered(capacity);
    CancellableContext ctx = Context.background().withCancel();
    // Caught in the thread: CanceledException is a CancellationException, which a future's get()
    // would take for the future's own cancellation.
    var receiver = Threads.start(() -> outcome(() -> ch.receiveOptional(ctx))).awaitBlocked();
    var signal = Threads.start(() -> outcome(() -> ch.awaitSignal(ctx))).awaitBlocked();
    ctx.cancel();
    assertThat(receiver.get()).isEqualTo("CanceledException");
    assertThat(signal.get()).isEqualTo("CanceledException");
    assertThat(ch.trySend(1)).isEqualTo(capacity > 0); // neither left a receiver behind
    // Already done: gives up without looking, even at a closed channel (as receive(ctx) does).
    ch.tryReceive();
    ch.close();
    assertThrows(CanceledException.class, () -> ch.receiveOptional(ctx));
    assertThrows(CanceledException.class, () -> ch.awaitSignal(ctx));
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void awaitSignalTakesOneValueOrReturnsOnClose(int capacity) throws Throwable {
    Channel<String> ch = Channel.buffered(capacity);
    var first = Threads.run(ch::awaitSignal).awaitBlocked();
    first.assertStillBlocked();
    ch.send("ping"); // taken and discarded
    first.get();
    assertThat(ch.len()).isEqualTo(0);
    var second = Threads.run(() -> ch.awaitSignal(live)).awaitBlocked();
    ch.close();
    second.get();
    ch.awaitSignal(); // and at once from now on
    ch.awaitSignal(live);
  }

  @Test
  void closingAVoidChannelWakesEveryWaiterNowAndLater() throws Throwable {
    Channel<Void> quit = Channel.unbuffered();
    List<Threads.Started<Void>> waiters = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Context ctx = i % 2 == 0 ? live : Context.background();
      boolean withContext = i % 4 < 2;
      waiters.add(
          Threads.run(
                  () -> {
                    if (withContext) {
                      quit.awaitSignal(ctx);
                    } else {
                      quit.awaitSignal();
                    }
                  })
              .awaitBlocked());
    }
    waiters.get(0).assertStillBlocked();
    quit.close();
    for (Threads.Started<Void> waiter : waiters) {
      waiter.get();
    }
    quit.awaitSignal(); // a late waiter passes straight through
    assertThat(live.isDone()).isFalse();
  }

  @Test
  void viewsKeepTheirDirection() {
    Channel<Integer> ch = Channel.buffered(2);
    Context bg = Context.background();
    Channel<Integer> sendOnly = ch.sendOnly();
    assertThrows(UnsupportedOperationException.class, sendOnly::receiveOptional);
    assertThrows(UnsupportedOperationException.class, () -> sendOnly.receiveOptional(bg));
    assertThrows(UnsupportedOperationException.class, sendOnly::awaitSignal);
    assertThrows(UnsupportedOperationException.class, () -> sendOnly.awaitSignal(bg));
    sendOnly.send(1);
    sendOnly.send(2);
    assertThat(ch.receiveOnly().receiveOptional()).hasValue(1);
    ch.receiveOnly().awaitSignal(bg);
    ch.close();
    assertThat(ch.receiveOnly().receiveOptional(bg)).isEmpty();
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 16})
  void rawChannelReportsClosedAsEmpty(int capacity) throws Throwable {
    RawChannel ch = RawChannel.create(capacity);
    var receiver = Threads.start(ch::receiveOptional).awaitBlocked();
    ch.send(-5L);
    assertThat(receiver.get()).isEqualTo(OptionalLong.of(-5L));
    var producer =
        Threads.run(() -> {
          for (long i = 0; i < capacity + 2; i++) {
            ch.send(i);
          }
          ch.close();
        });
    List<Long> received = new ArrayList<>();
    for (OptionalLong v = ch.receiveOptional(); v.isPresent(); v = ch.receiveOptional()) {
      received.add(v.getAsLong());
    }
    producer.get();
    assertThat(received).hasSize(capacity + 2);
    assertThat(ch.receiveOptional()).isEqualTo(OptionalLong.empty());
    var blocked = Threads.start(RawChannel.create(capacity)::receiveOptional);
    blocked.awaitBlocked().thread().interrupt();
    assertThat(blocked.failure()).isInstanceOf(UncheckedInterruptedException.class);
  }

  private static String outcome(Runnable operation) {
    try {
      operation.run();
      return "returned";
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }

  private static List<Integer> range(int count) {
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(i);
    }
    return values;
  }
}
