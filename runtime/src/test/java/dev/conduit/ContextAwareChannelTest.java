package dev.conduit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Channel.send(ctx, v)}, {@code Channel.receive(ctx)} and {@code Select.onDone}. */
class ContextAwareChannelTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4})
  void sendAndReceiveWorkWhileTheContextIsLive(int capacity) {
    Channel<Integer> ch = Channel.buffered(capacity);
    try (CancellableContext ctx = Context.background().withCancel()) {
      Go.go(() -> {
        for (int i = 0; i < 100; i++) {
          ch.send(ctx, i);
        }
      });
      for (int i = 0; i < 100; i++) {
        assertThat(ch.receive(ctx)).isEqualTo(i);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4})
  void neverDoneContextBehavesLikePlainOperations(int capacity) {
    Channel<String> ch = Channel.buffered(capacity);
    Context bg = Context.background().withValue(ContextKey.named("k"), 1);
    Go.go(() -> ch.send(bg, "x"));
    assertThat(ch.receive(bg)).isEqualTo("x");
    ch.close();
    assertThrows(ChannelClosedException.class, () -> ch.receive(bg));
    assertThrows(ChannelClosedException.class, () -> ch.send(bg, "y"));
    // Nothing was ever queued on the shared never-closed done channel.
    assertThat(bg.done().len()).isEqualTo(0);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void alreadyDoneContextWinsEvenOverAReadyChannel(int capacity) {
    CancellableContext ctx = Context.background().withCancel();
    ctx.cancel(new IllegalStateException("why"));
    Channel<Integer> ch = Channel.buffered(capacity + 1);
    ch.send(1);
    ContextDoneException e = assertThrows(ContextDoneException.class, () -> ch.receive(ctx));
    assertThat(e).isInstanceOf(CanceledException.class);
    assertThat(e).isNotSameInstanceAs(ctx.err()); // a copy, thrown here
    assertThat(e).hasCauseThat().hasMessageThat().isEqualTo("why");
    assertThat(ch.len()).isEqualTo(1); // the value was not taken
    assertThrows(CanceledException.class, () -> ch.send(ctx, 2));
    assertThat(ch.len()).isEqualTo(1);
  }

  @Test
  void readyOperationsCompleteWithoutWaiting() {
    try (CancellableContext ctx = Context.background().withCancel()) {
      Channel<Integer> ch = Channel.buffered(1);
      ch.send(ctx, 7);
      assertThat(ch.receive(ctx)).isEqualTo(7);
      ch.send(ctx, 8);
      ch.close();
      assertThat(ch.receive(ctx)).isEqualTo(8);
      assertThrows(ChannelClosedException.class, () -> ch.receive(ctx));
      assertThrows(ChannelClosedException.class, () -> ch.send(ctx, 9));
    }
  }

  @Test
  void blockedReceiveSeesCloseAsClosedNotAsDone() throws Exception {
    try (CancellableContext ctx = Context.background().withCancel()) {
      Channel<Integer> ch = Channel.unbuffered();
      Channel<Throwable> outcome = Channel.buffered(1);
      Go.go(() -> {
        try {
          ch.receive(ctx);
        } catch (Throwable t) {
          outcome.send(t);
        }
      });
      Thread.sleep(20);
      ch.close();
      assertThat(outcome.receive()).isInstanceOf(ChannelClosedException.class);
    }
  }

  @Test
  void timeoutGivesUpABlockedSendWithDeadlineExceeded() {
    Channel<Integer> ch = Channel.unbuffered();
    try (CancellableContext ctx = Context.background().withTimeout(Duration.ofMillis(30))) {
      assertThrows(DeadlineExceededException.class, () -> ch.send(ctx, 1));
      assertThrows(DeadlineExceededException.class, () -> ch.receive(ctx));
    }
    assertThat(ch.tryReceive()).isNull(); // the abandoned send left nothing behind
  }

  @Test
  void viewsKeepTheirDirection() {
    Channel<Integer> ch = Channel.buffered(1);
    Context bg = Context.background();
    assertThrows(UnsupportedOperationException.class, () -> ch.receiveOnly().send(bg, 1));
    assertThrows(UnsupportedOperationException.class, () -> ch.sendOnly().receive(bg));
    ch.sendOnly().send(bg, 1);
    assertThat(ch.receiveOnly().receive(bg)).isEqualTo(1);
  }

  @Test
  void interruptedWaitThrowsKeepsTheStatusAndTakesNothing() throws Exception {
    try (CancellableContext ctx = Context.background().withCancel()) {
      Channel<Integer> ch = Channel.unbuffered();
      Channel<Throwable> outcome = Channel.buffered(1);
      Channel<Thread> started = Channel.buffered(1);
      Go.go(() -> {
        started.send(Thread.currentThread());
        try {
          ch.receive(ctx);
          outcome.send(new AssertionError("received"));
        } catch (UncheckedInterruptedException e) {
          outcome.send(
              Thread.currentThread().isInterrupted() ? e : new AssertionError("status lost"));
        }
      });
      Thread receiver = started.receive();
      while (receiver.getState() != Thread.State.WAITING) {
        Thread.sleep(1);
      }
      receiver.interrupt();
      assertThat(outcome.receive()).isInstanceOf(UncheckedInterruptedException.class);
      assertThat(ch.trySend(1)).isFalse(); // the interrupted receiver left no node behind
      assertThat(ctx.isDone()).isFalse();
    }
  }

  @Test
  void cancelWakesEveryBlockedOperation() throws Exception {
    int each = 200;
    CancellableContext ctx = Context.background().withCancel();
    Channel<Integer> full = Channel.buffered(1);
    full.send(0);
    Channel<Integer> empty = Channel.buffered(1);
    Channel<Integer> nobodyReceives = Channel.unbuffered();
    Channel<Integer> nobodySends = Channel.unbuffered();
    WaitGroup never = new WaitGroup();
    never.add(1);
    WaitGroup finished = new WaitGroup();
    AtomicInteger gaveUp = new AtomicInteger();
    ConcurrentLinkedQueue<Throwable> wrong = new ConcurrentLinkedQueue<>();
    List<Runnable> operations =
        List.of(
            () -> full.send(ctx, 1),
            () -> empty.receive(ctx),
            () -> nobodyReceives.send(ctx, 1),
            () -> nobodySends.receive(ctx),
            () ->
                Select.<Void>select()
                    .onReceive(empty, () -> null)
                    .onDone(
                        ctx,
                        () -> {
                          throw ctx.err().copy();
                        })
                    .await(),
            () -> never.await(ctx));
    for (Runnable operation : operations) {
      for (int i = 0; i < each; i++) {
        finished.go(() -> {
          try {
            operation.run();
            wrong.add(new AssertionError("completed instead of giving up"));
          } catch (CanceledException expected) {
            gaveUp.incrementAndGet();
          } catch (Throwable t) {
            wrong.add(t);
          }
        });
      }
    }
    Thread.sleep(100); // let them block (those that don't yet see the cancel at entry)
    ctx.cancel();
    assertThat(finished.await(Duration.ofSeconds(10))).isTrue();
    assertThat(wrong).isEmpty();
    assertThat(gaveUp.get()).isEqualTo(each * operations.size());
    assertThat(full.len()).isEqualTo(1);
    assertThat(empty.len()).isEqualTo(0);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 8})
  void exactlyOneOutcomeWhenCancelRacesTheOperation(int capacity) throws Exception {
    // Senders give up or send; every value whose send returned normally is received exactly
    // once, and no value whose send threw is ever received.
    for (int round = 0; round < 20; round++) {
      Channel<Long> ch = Channel.buffered(capacity);
      CancellableContext ctx = Context.background().withCancel();
      AtomicLong next = new AtomicLong();
      ConcurrentLinkedQueue<Long> sent = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Long> received = new ConcurrentLinkedQueue<>();
      WaitGroup senders = new WaitGroup();
      WaitGroup receivers = new WaitGroup();
      for (int s = 0; s < 4; s++) {
        senders.go(() -> {
          try {
            while (true) {
              long v = next.incrementAndGet();
              if (v > 20_000) { // bounds the work on a slow machine; then wait for cancel
                Select.<Void>select().onDone(ctx, () -> null).await();
                return;
              }
              ch.send(ctx, v);
              sent.add(v);
            }
          } catch (CanceledException expected) {
            // gave up
          }
        });
      }
      for (int r = 0; r < 3; r++) {
        receivers.go(() -> {
          try {
            while (true) {
              received.add(ch.receive(ctx));
            }
          } catch (CanceledException expected) {
            // gave up
          }
        });
      }
      Thread.sleep(2);
      ctx.cancel();
      senders.await();
      receivers.await();
      List<Long> leftover = new ArrayList<>();
      Long v;
      while ((v = ch.tryReceive()) != null) {
        leftover.add(v);
      }
      List<Long> all = new ArrayList<>(received);
      all.addAll(leftover);
      assertThat(all).containsNoDuplicates();
      assertThat(all).containsExactlyElementsIn(sent);
    }
  }

  @Test
  void onDoneFiresWhenTheContextIsDone() {
    CancellableContext ctx = Context.background().withCancel();
    Channel<Integer> idle = Channel.unbuffered();
    Go.go(ctx::cancel);
    String chosen =
        Select.<String>select().onReceive(idle, v -> "received").onDone(ctx, () -> "done").await();
    assertThat(chosen).isEqualTo("done");
  }

  @Test
  void doneComposesWithAPlainReceiveClauseAndIteration() {
    try (CancellableContext ctx = Context.background().withTimeout(Duration.ofMillis(20))) {
      Channel<Integer> idle = Channel.unbuffered();
      String chosen =
          Select.<String>select()
              .onReceive(idle, v -> "value")
              .onReceive(ctx.done(), closed -> closed == null ? "done" : "impossible")
              .await();
      assertThat(chosen).isEqualTo("done");
      int iterations = 0;
      for (Void unused : ctx.done()) {
        iterations++;
      }
      assertThat(iterations).isEqualTo(0); // a done channel carries no value: the loop just ends
      assertThat(ctx.err()).isInstanceOf(DeadlineExceededException.class);
    }
  }

  @Test
  void onDoneWithNeverDoneContextAddsNoClause() {
    String chosen =
        Select.<String>select()
            .onDone(Context.background(), () -> "done")
            .orElse(() -> "default")
            .await();
    assertThat(chosen).isEqualTo("default");
    chosen =
        Select.<String>select()
            .onDone(Context.todo().withoutCancel(), () -> "done")
            .onTimeout(Duration.ofMillis(10), () -> "timeout")
            .await();
    assertThat(chosen).isEqualTo("timeout");
    assertThat(Context.background().done().len()).isEqualTo(0);
  }

  @Test
  void onDoneChoosesFairlyBetweenReadyClauses() {
    CancellableContext ctx = Context.background().withCancel();
    ctx.cancel();
    Channel<Integer> ready = Channel.buffered(1000);
    int done = 0;
    for (int i = 0; i < 1000; i++) {
      ready.trySend(i);
      done += Select.<Integer>select().onReceive(ready, v -> 0).onDone(ctx, () -> 1).await();
      ready.tryReceive();
    }
    // Both ready: a uniform choice, as Go's select makes (p < 1e-9 to fall outside).
    assertThat(done).isAtLeast(350);
    assertThat(done).isAtMost(650);
  }
}
