package dev.conduit;

import static com.google.common.truth.Truth.assertThat;

import dev.conduit.internal.Contexts;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Context#afterFunc(Runnable)} and {@link AfterFunc#stop()}. */
class ContextAfterFuncTest {

  @Test
  void afterFuncRunsOnceInItsOwnGoroutineWhenDone() throws Exception {
    CancellableContext ctx = Context.background().withCancel();
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch ran = new CountDownLatch(1);
    Thread[] runner = new Thread[1];
    AfterFunc registration =
        ctx.afterFunc(() -> {
          runner[0] = Thread.currentThread();
          runs.incrementAndGet();
          ran.countDown();
        });
    assertThat(runs.get()).isEqualTo(0);
    ctx.cancel();
    ctx.cancel();
    assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(runner[0].isVirtual()).isTrue();
    assertThat(runner[0]).isNotSameInstanceAs(Thread.currentThread());
    assertThat(registration.stop()).isFalse();
    Thread.sleep(20);
    assertThat(runs.get()).isEqualTo(1);
  }

  @Test
  void afterFuncOnDoneContextRunsAtOnce() throws Exception {
    CancellableContext ctx = Context.background().withCancel();
    ctx.cancel();
    CountDownLatch ran = new CountDownLatch(1);
    AfterFunc registration = ctx.afterFunc(ran::countDown);
    assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(registration.stop()).isFalse();
  }

  @Test
  void stoppedAfterFuncNeverRunsAndLeavesNothingBehind() throws Exception {
    try (CancellableContext ctx = Context.background().withCancel()) {
      AtomicInteger runs = new AtomicInteger();
      AfterFunc registration =
          ctx.withValue(ContextKey.named("k"), 1).afterFunc(runs::incrementAndGet);
      assertThat(Contexts.registeredChildren(ctx)).isEqualTo(1);
      assertThat(registration.stop()).isTrue();
      assertThat(registration.stop()).isFalse();
      assertThat(Contexts.registeredChildren(ctx)).isEqualTo(0);
      ctx.cancel();
      Thread.sleep(20);
      assertThat(runs.get()).isEqualTo(0);
    }
  }

  @Test
  void afterFuncOnNeverDoneContextNeverRuns() {
    AfterFunc registration =
        Context.background()
            .afterFunc(() -> {
              throw new AssertionError("must not run");
            });
    assertThat(registration.stop()).isTrue();
    assertThat(registration.stop()).isFalse();
  }

  @Test
  void stopRacingCancelEitherStopsOrRunsNeverBoth() throws Exception {
    for (int round = 0; round < 20; round++) {
      CancellableContext ctx = Context.background().withCancel();
      int n = 500;
      AtomicInteger ran = new AtomicInteger();
      AfterFunc[] registrations = new AfterFunc[n];
      for (int i = 0; i < n; i++) {
        registrations[i] = ctx.afterFunc(ran::incrementAndGet);
      }
      Channel<Integer> stoppedCount = Channel.buffered(1);
      Go.go(() -> {
        int stopped = 0;
        for (AfterFunc registration : registrations) {
          if (registration.stop()) {
            stopped++;
          }
        }
        stoppedCount.send(stopped);
      });
      ctx.cancel();
      int stopped = stoppedCount.receive();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (ran.get() + stopped < n && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      Thread.sleep(10); // a function that ran in addition to being stopped would show now
      assertThat(ran.get() + stopped).isEqualTo(n);
    }
  }
}
