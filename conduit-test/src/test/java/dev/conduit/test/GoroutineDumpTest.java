package dev.conduit.test;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.conduit.CancellableContext;
import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.ErrGroup;
import dev.conduit.Go;
import dev.conduit.Select;
import dev.conduit.WaitGroup;
import dev.conduit.debug.GoroutineInfo;
import dev.conduit.debug.Goroutines;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The goroutine dump seen from user code: wait reasons, channels, durations, creation sites, JMX.
 * (It lives here, not in the runtime's tests, because those run inside the runtime's module, where
 * every frame looks like Conduit's own.)
 */
class GoroutineDumpTest {
  private static final long PATIENCE_NANOS = Duration.ofSeconds(10).toNanos();

  @AfterEach
  void creationSitesOff() {
    Goroutines.setCreationSites(false);
  }

  /** Waits until the goroutine named {@code name} reports {@code reason}; returns how it looks. */
  private static GoroutineInfo awaitReason(String name, String reason) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE_NANOS;
    GoroutineInfo last = null;
    while (System.nanoTime() < deadline) {
      for (GoroutineInfo goroutine : Goroutines.snapshot()) {
        if (goroutine.name().equals(name)) {
          last = goroutine;
          if (reason.equals(goroutine.waitReason())) {
            return goroutine;
          }
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError(
        name
            + " never showed ["
            + reason
            + "]; last seen: "
            + (last == null ? "none" : last.format()));
  }

  private static boolean isAlive(String name) {
    return Goroutines.snapshot().stream().anyMatch(g -> g.name().equals(name));
  }

  private static void awaitGone(String name) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE_NANOS;
    while (isAlive(name)) {
      assertWithMessage("%s still tracked after it ended", name)
          .that(System.nanoTime() < deadline)
          .isTrue();
      Thread.sleep(5);
    }
  }

  @Test
  void chanSend_namesTheChannelAsItIsNow() throws InterruptedException {
    Channel<String> full = Channel.buffered(1);
    full.send("first");
    Go.go("sender", () -> full.send("second"));
    GoroutineInfo sender = awaitReason("sender", "chan send");
    assertThat(sender.waitingOn()).endsWith("Channel.buffered(1): len 1, cap 1");
    assertThat(sender.waiting()).isNotNull();
    assertThat(sender.stack().get(0).getMethodName()).isEqualTo("send");
    assertThat(sender.format())
        .containsMatch("goroutine \\d+ \"sender\" \\[chan send, \\d+ [a-z]+\\]:\n");
    assertThat(full.receive()).isEqualTo("first");
    assertThat(full.receive()).isEqualTo("second");
    awaitGone("sender");
  }

  @Test
  void chanReceive_includingRangeAndContextReceive() throws InterruptedException {
    Channel<Integer> empty = Channel.unbuffered();
    CountDownLatch done = new CountDownLatch(3);
    Go.go(
        "receiver",
        () -> {
          empty.receiveOptional();
          done.countDown();
        });
    Go.go(
        "ranger",
        () -> {
          for (int ignored : empty) {}
          done.countDown();
        });
    try (CancellableContext ctx = Context.background().withCancel()) {
      Go.go(
          "ctx-receiver",
          () -> {
            try {
              empty.receive(ctx);
            } catch (RuntimeException canceled) {
              // the cancel below ends it
            }
            done.countDown();
          });
      awaitReason("receiver", "chan receive");
      awaitReason("ranger", "chan receive");
      GoroutineInfo withContext = awaitReason("ctx-receiver", "chan receive");
      assertThat(withContext.waitingOn()).contains("Channel.unbuffered(): len 0, cap 0");
    }
    empty.close();
    done.await();
    awaitGone("receiver");
    awaitGone("ranger");
  }

  @Test
  void select_listsEveryClause_andClosedChannelsShowAsClosed() throws InterruptedException {
    Channel<String> in = Channel.unbuffered();
    Channel<String> out = Channel.buffered(2);
    out.send("a");
    out.send("b");
    Go.go(
        "selector",
        () -> Select.<String>select().onReceive(in, v -> v).onSend(out, "c", () -> "sent").await());
    GoroutineInfo selector = awaitReason("selector", "select");
    assertThat(selector.waitingOn()).contains("receive from chan #");
    assertThat(selector.waitingOn()).contains("Channel.unbuffered(): len 0, cap 0");
    assertThat(selector.waitingOn()).contains("send to chan #");
    assertThat(selector.waitingOn()).contains("Channel.buffered(2): len 2, cap 2");
    assertThat(selector.waiting()).isNotNull();
    in.close(); // the receive clause fires with the close
    awaitGone("selector");
  }

  @Test
  void selectWithNoCases() throws InterruptedException {
    AtomicReference<Thread> thread = new AtomicReference<>();
    Go.go(
        "forever",
        () -> {
          thread.set(Thread.currentThread());
          try {
            Select.<Void>select().await();
          } catch (RuntimeException interrupted) {
            // ends the test's goroutine
          }
        });
    awaitReason("forever", "select (no cases)");
    thread.get().interrupt();
    awaitGone("forever");
  }

  @Test
  void waitGroupAndErrGroupAwait_withHowLong() throws InterruptedException {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    Go.go("wg-waiter", wg::await);
    ErrGroup group = ErrGroup.create();
    CountDownLatch release = new CountDownLatch(1);
    group.go(release::await);
    Go.go("group-waiter", group::await);
    GoroutineInfo wgWaiter = awaitReason("wg-waiter", "WaitGroup.await");
    GoroutineInfo groupWaiter = awaitReason("group-waiter", "ErrGroup.await");
    assertThat(wgWaiter.waiting()).isNotNull();
    assertThat(groupWaiter.waiting()).isNotNull();
    assertThat(groupWaiter.stack().get(0).getMethodName()).isEqualTo("await");
    assertThat(groupWaiter.stack().get(0).getClassName()).isEqualTo(ErrGroup.class.getName());
    wg.done();
    release.countDown();
    awaitGone("wg-waiter");
    awaitGone("group-waiter");
  }

  @Test
  void sleep() throws InterruptedException {
    AtomicReference<Thread> thread = new AtomicReference<>();
    Go.go(
        "sleeper",
        () -> {
          thread.set(Thread.currentThread());
          try {
            Thread.sleep(Duration.ofSeconds(30));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    GoroutineInfo sleeper = awaitReason("sleeper", "sleep");
    assertThat(sleeper.waiting()).isNull(); // Conduit does not see when a JDK sleep began
    assertThat(sleeper.stack().get(0).getClassName()).isEqualTo("java.lang.Thread");
    thread.get().interrupt();
    awaitGone("sleeper");
  }

  @Test
  void goroutinesStartedByTheGroups_areTrackedAndLeaveWhenTheyEnd() throws InterruptedException {
    WaitGroup wg = new WaitGroup();
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<String> name = new AtomicReference<>();
    wg.go(() -> {
      name.set(Thread.currentThread().getName());
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    while (name.get() == null) {
      Thread.sleep(1);
    }
    assertThat(isAlive(name.get())).isTrue();
    release.countDown();
    wg.await();
    awaitGone(name.get());
  }

  @Test
  void aFinishedGoroutineIsNotKeptReachable() throws InterruptedException {
    AtomicReference<WeakReference<Thread>> ref = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    Go.go(
        "short-lived",
        () -> {
          ref.set(new WeakReference<>(Thread.currentThread()));
          started.countDown();
        });
    started.await();
    awaitGone("short-lived");
    for (int i = 0; i < 50 && ref.get().get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertWithMessage("the ended goroutine's thread is still reachable")
        .that(ref.get().get())
        .isNull();
  }

  @Test
  void creationSite_whenSwitchedOn() throws InterruptedException {
    Goroutines.setCreationSites(true);
    Channel<String> never = Channel.unbuffered();
    Go.go("traced", never::receiveOptional);
    GoroutineInfo traced = awaitReason("traced", "chan receive");
    assertThat(traced.createdBy()).isNotEmpty();
    assertThat(traced.createdBy().get(0).getMethodName()).isEqualTo("creationSite_whenSwitchedOn");
    assertThat(traced.format())
        .contains(
            "created by " + GoroutineDumpTest.class.getName() + ".creationSite_whenSwitchedOn(");
    assertThat(traced.format())
        .contains(" in goroutine " + Thread.currentThread().threadId() + " \"");
    never.close();
    awaitGone("traced");
  }

  @Test
  void creationSite_offByDefault() throws InterruptedException {
    Channel<String> never = Channel.unbuffered();
    Go.go("untraced", never::receiveOptional);
    GoroutineInfo untraced = awaitReason("untraced", "chan receive");
    assertThat(untraced.createdBy()).isEmpty();
    assertThat(untraced.format()).doesNotContain("created by");
    never.close();
    awaitGone("untraced");
  }

  @Test
  void dumpThroughJmx() throws Exception {
    Channel<String> never = Channel.unbuffered();
    Go.go("seen-by-jmx", never::receiveOptional);
    awaitReason("seen-by-jmx", "chan receive");
    Goroutines.registerMBean();
    Goroutines.registerMBean(); // twice is harmless
    Object dump =
        ManagementFactory.getPlatformMBeanServer()
            .invoke(new ObjectName(Goroutines.OBJECT_NAME), "dump", null, null);
    assertThat((String) dump).containsMatch("\"seen-by-jmx\" \\[chan receive, \\d+ [a-z]+\\]:");
    never.close();
    awaitGone("seen-by-jmx");
  }

  @Test
  void durationsReadLikeGo() {
    assertThat(header(Duration.ofMillis(250)))
        .isEqualTo("goroutine 7 \"g\" [chan receive, 250 ms]:");
    assertThat(header(Duration.ofMillis(1_500)))
        .isEqualTo("goroutine 7 \"g\" [chan receive, 1 second]:");
    assertThat(header(Duration.ofSeconds(59)))
        .isEqualTo("goroutine 7 \"g\" [chan receive, 59 seconds]:");
    assertThat(header(Duration.ofSeconds(61)))
        .isEqualTo("goroutine 7 \"g\" [chan receive, 1 minute]:");
    assertThat(header(Duration.ofMinutes(3)))
        .isEqualTo("goroutine 7 \"g\" [chan receive, 3 minutes]:");
    assertThat(header(null)).isEqualTo("goroutine 7 \"g\" [chan receive]:");
  }

  private static String header(Duration waiting) {
    GoroutineInfo info =
        new GoroutineInfo(
            7, "g", "waiting", "chan receive", waiting, null, List.of(), List.of(), 1, "main");
    return info.format().lines().findFirst().orElseThrow();
  }
}
