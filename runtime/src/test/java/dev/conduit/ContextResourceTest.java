package dev.conduit;

import static com.google.common.truth.Truth.assertThat;

import dev.conduit.internal.Contexts;
import dev.conduit.internal.TimerScheduler;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a context holds and when it lets go: a cancellable child is registered with its parent and a
 * timeout holds a timer until cancel; after cancel neither is reachable any more.
 */
class ContextResourceTest {

  @Test
  void cancelledChildIsNoLongerReachableFromItsParent() {
    try (CancellableContext parent = Context.background().withCancel()) {
      WeakReference<Context> child = createAndCancelChild(parent);
      assertThat(Contexts.registeredChildren(parent)).isEqualTo(0);
      assertThat(collected(child)).isTrue();
    }
  }

  @Test
  void childThatIsNeverCancelledLeaksUntilItsParentIsCancelled() {
    // Go's leak, which the LostCancel check exists for; this also shows the test above can fail.
    CancellableContext parent = Context.background().withCancel();
    WeakReference<Context> child = createWithoutCancel(parent);
    assertThat(collected(child)).isFalse();
    assertThat(Contexts.registeredChildren(parent)).isEqualTo(1);
    parent.cancel();
    assertThat(Contexts.registeredChildren(parent)).isEqualTo(0);
    assertThat(collected(child)).isTrue();
  }

  @Test
  void cancelReleasesTheTimer() {
    int before = TimerScheduler.pendingTimers();
    CancellableContext ctx = Context.background().withTimeout(Duration.ofHours(1));
    assertThat(TimerScheduler.pendingTimers()).isEqualTo(before + 1);
    ctx.cancel();
    assertThat(TimerScheduler.pendingTimers()).isEqualTo(before);
  }

  @Test
  void parentCancelReleasesTheChildsTimerToo() {
    int before = TimerScheduler.pendingTimers();
    CancellableContext parent = Context.background().withCancel();
    CancellableContext child = parent.withTimeout(Duration.ofHours(1));
    assertThat(TimerScheduler.pendingTimers()).isEqualTo(before + 1);
    parent.cancel();
    assertThat(child.isDone()).isTrue();
    assertThat(TimerScheduler.pendingTimers()).isEqualTo(before);
  }

  @Test
  void timeoutNeverCancelledHoldsItsTimerAndParentRegistration() {
    try (CancellableContext parent = Context.background().withCancel()) {
      int before = TimerScheduler.pendingTimers();
      WeakReference<Context> leaked = createTimeoutWithoutCancel(parent);
      assertThat(collected(leaked)).isFalse();
      assertThat(TimerScheduler.pendingTimers()).isEqualTo(before + 1);
      parent.cancel();
      assertThat(TimerScheduler.pendingTimers()).isEqualTo(before);
      assertThat(collected(leaked)).isTrue();
    }
  }

  @Test
  void millionCreateCancelCyclesDoNotGrowTheHeap() {
    assertCyclesDoNotGrowHeap(1_000_000);
  }

  @Test
  void rootCancelReachesGrandchildrenCreatedConcurrently() {
    for (int round = 0; round < 20; round++) {
      CancellableContext root = Context.background().withCancel();
      List<CancellableContext> created = Collections.synchronizedList(new ArrayList<>());
      WaitGroup wg = new WaitGroup();
      for (int g = 0; g < 4; g++) {
        wg.go(() -> {
          for (int i = 0; i < 100; i++) {
            CancellableContext child = root.withCancel();
            created.add(child);
            CancellableContext grandchild = child.withTimeout(Duration.ofHours(1));
            created.add(grandchild);
            created.add(grandchild.withValue(ContextKey.named("k"), i).withCancel());
          }
        });
      }
      root.cancel();
      wg.await();
      for (CancellableContext c : created) {
        assertThat(c.err()).isInstanceOf(CanceledException.class);
        assertThat(Contexts.registeredChildren(c)).isEqualTo(0);
      }
    }
  }

  @Test
  void blockingOperationsLeaveNothingQueuedOnALongLivedContext() {
    // Each blocked receive(ctx) queues a node on ctx's done channel; when the value arrives
    // instead, the node must go, or a server's root context would grow with every request.
    try (CancellableContext ctx = Context.background().withCancel()) {
      Channel<Integer> ping = Channel.unbuffered();
      Channel<Integer> pong = Channel.unbuffered();
      int rounds = 20_000;
      Go.go(() -> {
        for (int i = 0; i < rounds * 2; i++) {
          pong.send(ctx, ping.receive(ctx));
        }
      });
      pingPong(ctx, ping, pong, rounds); // warm up
      long before = usedHeapAfterGc();
      pingPong(ctx, ping, pong, rounds);
      long growth = usedHeapAfterGc() - before;
      assertThat(growth).isLessThan(1024L * 1024);
    }
  }

  private static void pingPong(
      Context ctx, Channel<Integer> ping, Channel<Integer> pong, int rounds) {
    for (int i = 0; i < rounds; i++) {
      ping.send(ctx, i);
      assertThat(pong.receive(ctx)).isEqualTo(i);
    }
  }

  @Test
  void concurrentParentCancelLeavesNoChildBehind() throws Exception {
    int timersBefore = TimerScheduler.pendingTimers();
    for (int round = 0; round < 50; round++) {
      CancellableContext parent = Context.background().withCancel();
      List<CancellableContext> children = Collections.synchronizedList(new ArrayList<>());
      WaitGroup wg = new WaitGroup();
      for (int g = 0; g < 4; g++) {
        wg.go(() -> {
          for (int i = 0; i < 200; i++) {
            CancellableContext c = parent.withTimeout(Duration.ofHours(1));
            if (i % 2 == 0) {
              c.cancel();
            } else {
              children.add(c);
            }
          }
        });
      }
      parent.cancel();
      wg.await();
      assertThat(Contexts.registeredChildren(parent)).isEqualTo(0);
      for (CancellableContext c : children) {
        assertThat(c.err()).isInstanceOf(CanceledException.class);
      }
    }
    // Every child was cancelled (by itself or by its parent), so no timer is left.
    assertThat(TimerScheduler.pendingTimers()).isAtMost(timersBefore);
  }

  /**
   * Runs {@code cycles} create+cancel cycles of every kind of cancellable context under one
   * long-lived parent whose done channel exists, and checks that the heap after a full GC grew by
   * less than 2 MB (a leak of even 10 bytes per cycle would show as 10 MB).
   */
  private static void assertCyclesDoNotGrowHeap(int cycles) {
    try (CancellableContext parent = Context.background().withCancel()) {
      parent.done();
      Context valued = parent.withValue(ContextKey.named("k"), "v");
      runCycles(parent, valued, 10_000); // warm up: class loading, JIT, the timer thread
      int timersBefore = TimerScheduler.pendingTimers();
      long before = usedHeapAfterGc();
      long start = System.nanoTime();
      runCycles(parent, valued, cycles);
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      long after = usedHeapAfterGc();
      long growth = after - before;
      System.out.printf(
          "context create+cancel: %,d cycles (x3 kinds) in %,d ms; heap after GC %,d -> %,d bytes"
              + " (growth %,d bytes)%n",
          cycles, elapsedMillis, before, after, growth);
      assertThat(Contexts.registeredChildren(parent)).isEqualTo(0);
      assertThat(TimerScheduler.pendingTimers()).isEqualTo(timersBefore);
      assertThat(growth).isLessThan(2L * 1024 * 1024);
    }
  }

  private static void runCycles(Context parent, Context valued, int cycles) {
    for (int i = 0; i < cycles; i++) {
      try (CancellableContext timed = parent.withTimeout(Duration.ofHours(1))) {
        timed.done();
      }
      try (CancellableContext plain = valued.withCancel()) {
        plain.withCancel().cancel();
      }
      parent.afterFunc(() -> {}).stop();
    }
  }

  private static WeakReference<Context> createAndCancelChild(Context parent) {
    CancellableContext child = parent.withTimeout(Duration.ofHours(1));
    child.done();
    assertThat(Contexts.registeredChildren(parent)).isEqualTo(1);
    child.cancel();
    return new WeakReference<>(child);
  }

  @SuppressWarnings("LostCancel") // the leak is what this test shows
  private static WeakReference<Context> createWithoutCancel(Context parent) {
    return new WeakReference<>(parent.withCancel());
  }

  @SuppressWarnings("LostCancel") // the leak is what this test shows
  private static WeakReference<Context> createTimeoutWithoutCancel(Context parent) {
    return new WeakReference<>(parent.withTimeout(Duration.ofHours(1)));
  }

  private static boolean collected(WeakReference<?> ref) {
    for (int i = 0; i < 10 && ref.get() != null; i++) {
      System.gc();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    return ref.get() == null;
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
