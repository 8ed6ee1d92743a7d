package dev.conduit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link ErrGroup}: first failure, cancellation, suppressed failures and the limit. */
class ErrGroupTest {

  @Test
  void allSucceedThenAwaitReturnsAndCancelsTheContext() {
    ErrGroup group = ErrGroup.create();
    AtomicInteger ran = new AtomicInteger();
    for (int i = 0; i < 50; i++) {
      group.go(ran::incrementAndGet);
    }
    assertThat(group.context().isDone()).isFalse();
    group.await();
    assertThat(ran.get()).isEqualTo(50);
    assertThat(group.context().err()).isInstanceOf(CanceledException.class);
    assertThat(group.context().cause()).isInstanceOf(CanceledException.class);
  }

  @Test
  void firstFailureCancelsTheOthersAndIsRethrownAsIs() {
    try (CancellableContext parent = Context.background().withCancel()) {
      ErrGroup group = ErrGroup.withContext(parent);
      IllegalStateException failure = new IllegalStateException("first");
      Channel<Integer> never = Channel.unbuffered();
      AtomicInteger noticed = new AtomicInteger();
      for (int i = 0; i < 10; i++) {
        group.go(() -> {
          try {
            never.receive(group.context());
          } catch (CanceledException e) {
            noticed.incrementAndGet();
            assertThat(e).hasCauseThat().isSameInstanceAs(failure);
            throw e; // an echo of the first failure: not attached as suppressed
          }
        });
      }
      group.go(() -> {
        throw failure;
      });
      IllegalStateException thrown = assertThrows(IllegalStateException.class, group::await);
      assertThat(thrown).isSameInstanceAs(failure);
      assertThat(thrown.getSuppressed()).isEmpty();
      assertThat(noticed.get()).isEqualTo(10);
      assertThat(group.context().cause()).isSameInstanceAs(failure);
      assertThat(parent.isDone()).isFalse(); // the group's failure stays in the group
    }
  }

  @Test
  void laterFailuresAreAttachedAsSuppressed() {
    ErrGroup group = ErrGroup.create();
    IllegalStateException first = new IllegalStateException("first");
    Channel<Void> firstRecorded = Channel.unbuffered();
    group.go(() -> {
      try {
        throw first;
      } finally {
        firstRecorded.close();
      }
    });
    for (int i = 0; i < 3; i++) {
      int n = i;
      group.go(() -> {
        firstRecorded.awaitSignal();
        group.context().awaitDone();
        throw new IOException("later " + n);
      });
    }
    IllegalStateException thrown = assertThrows(IllegalStateException.class, group::await);
    assertThat(thrown).isSameInstanceAs(first);
    assertThat(thrown.getSuppressed()).hasLength(3);
    for (Throwable suppressed : thrown.getSuppressed()) {
      assertThat(suppressed).isInstanceOf(IOException.class);
    }
  }

  @Test
  void checkedFailureIsWrappedWithItsCause() {
    ErrGroup group = ErrGroup.create();
    IOException io = new IOException("disk");
    group.go(() -> {
      throw io;
    });
    ErrGroupException e = assertThrows(ErrGroupException.class, group::await);
    assertThat(e).hasCauseThat().isSameInstanceAs(io);
    // await may be called again and reports the same failure.
    assertThat(assertThrows(ErrGroupException.class, group::await))
        .hasCauseThat()
        .isSameInstanceAs(io);
  }

  @Test
  void errorIsRethrownAsIs() {
    ErrGroup group = ErrGroup.create();
    AssertionError error = new AssertionError("broken invariant");
    group.go(() -> {
      throw error;
    });
    assertThat(assertThrows(AssertionError.class, group::await)).isSameInstanceAs(error);
  }

  @Test
  void failuresDoNotReachTheGoroutineHandler() {
    AtomicInteger reported = new AtomicInteger();
    Thread.UncaughtExceptionHandler previous =
        Go.setUncaughtExceptionHandler((thread, failure) -> reported.incrementAndGet());
    try {
      ErrGroup group = ErrGroup.create();
      group.go(() -> {
        throw new IllegalStateException("collected");
      });
      assertThrows(IllegalStateException.class, group::await);
      assertThat(reported.get()).isEqualTo(0);
    } finally {
      Go.setUncaughtExceptionHandler(previous);
    }
  }

  @Test
  void parentCancellationReachesTheGroupContext() {
    CancellableContext parent = Context.background().withCancel();
    ErrGroup group = ErrGroup.withContext(parent);
    Channel<Integer> never = Channel.unbuffered();
    group.go(() -> never.receive(group.context()));
    parent.cancel();
    assertThrows(CanceledException.class, group::await);
  }

  @Test
  void parentCancellationIsReportedOnceWithoutSuppressedEchoes() {
    CancellableContext parent = Context.background().withCancel();
    ErrGroup group = ErrGroup.withContext(parent);
    Channel<Integer> never = Channel.unbuffered();
    for (int i = 0; i < 20; i++) {
      group.go(() -> never.receive(group.context()));
    }
    parent.cancel();
    CanceledException e = assertThrows(CanceledException.class, group::await);
    assertThat(e.getSuppressed()).isEmpty();
  }

  @Test
  void limitBoundsConcurrency() {
    ErrGroup group = ErrGroup.create();
    group.setLimit(3);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    for (int i = 0; i < 30; i++) {
      group.go(() -> {
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        Thread.sleep(2);
        running.decrementAndGet();
      });
    }
    group.await();
    assertThat(maxRunning.get()).isEqualTo(3);
  }

  @Test
  void tryGoRefusesWhenTheLimitIsReached() {
    ErrGroup group = ErrGroup.create();
    group.setLimit(1);
    Channel<Boolean> release = Channel.unbuffered();
    assertThat(group.tryGo(() -> release.receive(group.context()))).isTrue();
    assertThat(group.tryGo(() -> {})).isFalse();
    assertThrows(IllegalStateException.class, () -> group.setLimit(5));
    release.send(true);
    group.await();
    assertThat(group.tryGo(() -> {})).isTrue();
    group.await();
  }

  @Test
  void zeroLimitStartsNothing() {
    ErrGroup group = ErrGroup.create();
    group.setLimit(0);
    assertThat(group.tryGo(() -> {})).isFalse();
    group.setLimit(-1);
    assertThat(group.tryGo(() -> {})).isTrue();
    group.await();
  }

  @Test
  void interruptedGoWaitingForASlotThrows() {
    ErrGroup group = ErrGroup.create();
    group.setLimit(0);
    Thread.currentThread().interrupt();
    try {
      assertThrows(UncheckedInterruptedException.class, () -> group.go(() -> {}));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void manyTasksWithAFailureInTheMiddle() {
    ErrGroup group = ErrGroup.withContext(Context.background());
    AtomicInteger completed = new AtomicInteger();
    for (int i = 0; i < 10_000; i++) {
      int n = i;
      group.go(() -> {
        if (n == 5_000) {
          throw new IllegalStateException("task 5000");
        }
        completed.incrementAndGet();
      });
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, group::await);
    assertThat(e).hasMessageThat().isEqualTo("task 5000");
    assertThat(completed.get()).isEqualTo(9_999);
    assertThat(group.context().isDone()).isTrue();
  }
}
