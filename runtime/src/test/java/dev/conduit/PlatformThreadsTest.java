package dev.conduit;

import static com.google.common.truth.Truth.assertThat;

import dev.conduit.internal.TimerScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Conduit creates no platform threads of its own except the one timer thread: goroutines are
 * virtual threads, and blocking parks them instead of pinning carriers (pinned carriers would make
 * the JDK add carrier threads to compensate).
 */
class PlatformThreadsTest {

  @Test
  void aBusyWorkloadLeavesNoPlatformThreadBehind() {
    runWorkload(1_000); // warm up: the JDK's carrier threads and our timer thread exist now
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    int carriersBefore = (int) before.stream().filter(PlatformThreadsTest::isCarrier).count();

    runWorkload(20_000);

    List<String> unexpected = new ArrayList<>();
    int carriers = 0;
    int timers = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (isCarrier(t)) {
        carriers++; // the virtual-thread scheduler's own workers, counted below
      } else if (t.getName().equals(TimerScheduler.THREAD_NAME)) {
        timers++;
        assertThat(t.isDaemon()).isTrue();
      } else if (!before.contains(t)) {
        unexpected.add(t.getName() + " (" + t.getClass().getName() + ")");
      }
    }
    assertThat(unexpected).isEmpty();
    assertThat(timers).isAtMost(1);
    // A carrier beyond the scheduler's parallelism would mean a goroutine pinned its carrier
    // while blocked (earlier tests may have caused some for reasons of their own, such as
    // printing from a virtual thread: those don't count against this workload).
    assertThat(carriers)
        .isAtMost(Math.max(carriersBefore, Runtime.getRuntime().availableProcessors()));
  }

  private static boolean isCarrier(Thread t) {
    return t.getClass().getName().equals("jdk.internal.misc.CarrierThread");
  }

  /** Goroutines that block in every way Conduit offers, and a few timers. */
  private static void runWorkload(int goroutines) {
    LongAdder done = new LongAdder();
    try (CancellableContext ctx = Context.background().withTimeout(Duration.ofSeconds(30));
        Ticker ticker = Ticker.every(Duration.ofMillis(1))) {
      Channel<Integer> work = Channel.unbuffered();
      Channel<Integer> results = Channel.buffered(16);
      WaitGroup wg = new WaitGroup();
      for (int i = 0; i < goroutines; i++) {
        int n = i;
        wg.go(() -> {
          switch (n % 4) {
            case 0 -> results.send(ctx, work.receive(ctx));
            case 1 -> work.send(ctx, n);
            case 2 -> {
              try (CancellableContext inner = ctx.withTimeout(Duration.ofMillis(1))) {
                Select.<Void>select().onDone(inner, () -> null).await();
              }
            }
            default -> {
              if (n < 40) {
                ticker.channel().receive(ctx);
              } else {
                Timers.after(Duration.ofMillis(1)).receive(ctx);
              }
            }
          }
          done.increment();
        });
      }
      ErrGroup group = ErrGroup.withContext(ctx);
      group.go(() -> {
        for (int i = 0; i < goroutines / 4; i++) {
          results.receive(ctx);
        }
      });
      group.await();
      wg.await(ctx);
    }
    assertThat(done.sum()).isEqualTo(goroutines);
  }
}
