package dev.conduit;

import static com.google.common.truth.Truth.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Context#awaitDone()}: Go's {@code <-ctx.Done()} as a statement. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ContextAwaitDoneTest {

  @Test
  void returnsOnceCancelledAndNotBefore() throws Throwable {
    CancellableContext ctx = Context.background().withCancel();
    ConcurrentLinkedQueue<String> steps = new ConcurrentLinkedQueue<>();
    var waiter =
        Threads.run(
                () -> {
                  ctx.awaitDone();
                  steps.add("woke, err " + ctx.err().getClass().getSimpleName());
                })
            .awaitBlocked();
    waiter.assertStillBlocked();
    steps.add("cancelling");
    ctx.cancel();
    waiter.get();
    assertThat(steps).containsExactly("cancelling", "woke, err CanceledException").inOrder();
  }

  @Test
  void returnsWhenTheDeadlinePasses() throws Throwable {
    try (CancellableContext ctx = Context.background().withTimeout(Duration.ofMillis(50))) {
      long start = System.nanoTime();
      ctx.awaitDone();
      assertThat(System.nanoTime() - start).isAtLeast(TimeUnit.MILLISECONDS.toNanos(40));
      assertThat(ctx.err()).isInstanceOf(DeadlineExceededException.class);
    }
  }

  @Test
  void returnsAtOnceWhenAlreadyDoneEvenOnAnInterruptedThread() throws Throwable {
    CancellableContext cancelled = Context.background().withCancel();
    cancelled.cancel();
    cancelled.awaitDone();
    try (CancellableContext expired = Context.background().withTimeout(Duration.ZERO)) {
      var result =
          Threads.start(() -> {
            Thread.currentThread().interrupt();
            expired.awaitDone();
            cancelled.withValue(ContextKey.named("k"), "v").awaitDone();
            return Thread.interrupted();
          });
      assertThat(result.get()).isTrue(); // returned, with the interrupt status untouched
    }
  }

  @Test
  void everyDescendantWakesWhenTheRootIsCancelled() throws Throwable {
    CancellableContext root = Context.background().withCancel();
    List<CancellableContext> children = new ArrayList<>();
    List<Threads.Started<Void>> waiters = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      CancellableContext child =
          i % 2 == 0 ? root.withCancel() : root.withTimeout(Duration.ofHours(1));
      children.add(child);
      waiters.add(Threads.run(child::awaitDone).awaitBlocked());
    }
    waiters.add(Threads.run(root::awaitDone).awaitBlocked());
    root.cancel();
    for (Threads.Started<Void> waiter : waiters) {
      waiter.get();
    }
    for (CancellableContext child : children) {
      child.cancel();
    }
  }

  @Test
  void neverDoneContextBlocksUntilInterrupted() throws Exception {
    var waiter =
        Threads.start(
                () -> {
                  try {
                    Context.background().withoutCancel().awaitDone();
                    return "returned";
                  } catch (UncheckedInterruptedException e) {
                    return "interrupted, status " + Thread.currentThread().isInterrupted();
                  }
                })
            .awaitBlocked();
    waiter.assertStillBlocked();
    waiter.thread().interrupt();
    assertThat(waiter.result().get(10, TimeUnit.SECONDS)).isEqualTo("interrupted, status true");
  }

  @Test
  void interruptWhileWaitingLeavesTheContextAlone() throws Exception {
    try (CancellableContext ctx = Context.background().withCancel()) {
      var waiter =
          Threads.start(
                  () -> {
                    try {
                      ctx.awaitDone();
                      return "returned";
                    } catch (UncheckedInterruptedException e) {
                      return "interrupted, status " + Thread.currentThread().isInterrupted();
                    }
                  })
              .awaitBlocked();
      waiter.thread().interrupt();
      assertThat(waiter.result().get(10, TimeUnit.SECONDS)).isEqualTo("interrupted, status true");
      assertThat(ctx.isDone()).isFalse();
      ctx.cancel();
      ctx.awaitDone(); // the interrupted waiter left nothing that could hold up the close
    }
  }
}
