package dev.conduit;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.conduit.internal.Contexts;
import dev.conduit.internal.TimerScheduler;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Goroutines grow a random context tree and cancel random nodes of it at the same time. Once they
 * are finished, a node must be done exactly when it or an ancestor it follows (up to a {@code
 * withoutCancel} boundary) was cancelled, and no done node may still hold children.
 */
class ContextTreeStressTest {

  /** One node: its context, its parent's index, and whether the parent's cancel reaches it. */
  private record TreeNode(CancellableContext ctx, int parent, boolean followsParent) {}

  @Test
  void randomTreeUnderConcurrentCancel() {
    for (int round = 0; round < 10; round++) {
      runRound(4, 2_000);
    }
  }

  @Test
  @Tag("long")
  void randomTreeUnderConcurrentCancelLong() {
    for (int round = 0; round < 200; round++) {
      runRound(8, 20_000);
    }
  }

  private static void runRound(int goroutines, int nodesPerRound) {
    int timersBefore = TimerScheduler.pendingTimers();
    AtomicReferenceArray<TreeNode> nodes = new AtomicReferenceArray<>(nodesPerRound + 1);
    boolean[] cancelled = new boolean[nodesPerRound + 1];
    AtomicReferenceArray<Boolean> cancelledFlags = new AtomicReferenceArray<>(nodesPerRound + 1);
    nodes.set(0, new TreeNode(Context.background().withCancel(), -1, false));
    AtomicInteger next = new AtomicInteger(1);
    AtomicInteger published = new AtomicInteger(1);
    WaitGroup wg = new WaitGroup();
    for (int g = 0; g < goroutines; g++) {
      wg.go(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
          int known = published.get();
          TreeNode target;
          int targetIndex;
          do {
            targetIndex = random.nextInt(known);
            target = nodes.get(targetIndex);
          } while (target == null);
          if (random.nextInt(10) < 3) {
            cancelledFlags.set(targetIndex, Boolean.TRUE);
            target.ctx().cancel();
            continue;
          }
          int index = next.getAndIncrement();
          if (index > nodesPerRound) {
            return;
          }
          nodes.set(index, child(target, targetIndex, random.nextInt(5)));
          published.accumulateAndGet(index + 1, Math::max);
        }
      });
    }
    wg.await();
    for (int i = 0; i <= nodesPerRound; i++) {
      cancelled[i] = cancelledFlags.get(i) != null;
    }
    for (int i = 0; i <= nodesPerRound; i++) {
      TreeNode node = nodes.get(i);
      boolean expectDone = false;
      for (int j = i; j >= 0; j = nodes.get(j).parent()) {
        if (cancelled[j]) {
          expectDone = true;
          break;
        }
        if (!nodes.get(j).followsParent()) {
          break;
        }
      }
      assertWithMessage("node %s (%s) done", i, node.ctx())
          .that(node.ctx().isDone())
          .isEqualTo(expectDone);
      if (expectDone) {
        assertWithMessage("children still registered with done node %s", i)
            .that(Contexts.registeredChildren(node.ctx()))
            .isEqualTo(0);
      }
    }
    for (int i = 0; i <= nodesPerRound; i++) {
      nodes.get(i).ctx().cancel();
    }
    assertWithMessage("timers left after cancelling every node")
        .that(TimerScheduler.pendingTimers())
        .isAtMost(timersBefore);
  }

  private static TreeNode child(TreeNode parent, int parentIndex, int kind) {
    Context p = parent.ctx();
    return switch (kind) {
      case 0 -> new TreeNode(p.withCancel(), parentIndex, true);
      case 1 -> new TreeNode(p.withTimeout(Duration.ofHours(1)), parentIndex, true);
      case 2 ->
          new TreeNode(
              p.withValue(ContextKey.named("k"), parentIndex).withCancel(), parentIndex, true);
      case 3 -> new TreeNode(p.withoutCancel().withCancel(), parentIndex, false);
      default -> {
        CancellableContext c = p.withCancel();
        c.done(); // with its done channel created before any cancel
        yield new TreeNode(c, parentIndex, true);
      }
    };
  }
}
