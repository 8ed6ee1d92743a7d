package com.example.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.CancellableContext;
import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.ContextDoneException;
import dev.conduit.DeadlineExceededException;
import dev.conduit.ErrGroupException;
import dev.conduit.Go;
import dev.conduit.annotations.ReceiveOnly;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each tutorial pattern runs and its outcome is checked: results, cancellation, timeouts. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PatternsTest {

  private static void eventually(String what, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "never happened: " + what);
      Thread.sleep(5);
    }
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  @Test
  void workerPoolDoesEveryJobOnce() {
    List<Integer> results = WorkerPool.run(1000, 10);
    assertEquals(1000, results.size());
    assertEquals(new HashSet<>(IntStream.range(0, 1000).map(i -> i * 2).boxed().toList()),
        new HashSet<>(results));
  }

  @Test
  void fanInMergesEveryInputUntilAllClose() {
    List<Channel<Integer>> inputs = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      Channel<Integer> in = Channel.buffered(4);
      int base = p * 100;
      Go.go(() -> {
        for (int i = 0; i < 100; i++) {
          in.send(base + i);
        }
        in.close();
      });
      inputs.add(in);
    }
    List<Integer> merged = new ArrayList<>();
    for (int v : FanIn.merge(Context.background(), inputs)) {
      merged.add(v);
    }
    assertEquals(300, merged.size());
    assertEquals(300, new HashSet<>(merged).size());
  }

  @Test
  void fanInStopsForwardingWhenCancelled() throws Exception {
    // The producer has its own context and always has a next value ready, so the input never
    // runs dry or closes: only the fan-in's context can make the forwarder return.
    CancellableContext producing = Context.background().withCancel();
    Channel<Integer> endless = Channel.unbuffered();
    Go.go(() -> {
      try {
        for (int i = 0; ; i++) {
          endless.send(producing, i);
        }
      } catch (ContextDoneException stopped) {
        endless.close();
      }
    });
    try (CancellableContext ctx = Context.background().withCancel()) {
      @ReceiveOnly Channel<Integer> merged = FanIn.merge(ctx, List.of(endless));
      merged.receive();
      merged.receive(); // forwarding works
      ctx.cancel();
      eventually("merged channel closed", merged::isClosed);
      assertFalse(endless.isClosed(), "the input closed, so this proves nothing");
    } finally {
      producing.cancel();
    }
  }

  @Test
  void pipelineYieldsTheFirstTenThenEveryStageStops() throws Exception {
    assertEquals(
        List.of(4, 8, 12, 16, 20, 24, 28, 32, 36, 40),
        Pipeline.firstResults(Context.background(), 10));

    CancellableContext ctx = Context.background().withCancel();
    @ReceiveOnly Channel<Integer> numbers = Pipeline.generate(ctx);
    @ReceiveOnly Channel<Integer> doubled = Pipeline.doubled(ctx, numbers);
    @ReceiveOnly Channel<Integer> filtered = Pipeline.multiplesOfFour(ctx, doubled);
    for (int i = 0; i < 10; i++) {
      filtered.receive();
    }
    ctx.cancel();
    // Each stage closes its output as it returns: all three closed means all three stopped.
    eventually("generator stopped", numbers::isClosed);
    eventually("doubler stopped", doubled::isClosed);
    eventually("filter stopped", filtered::isClosed);
  }

  @Test
  void fetchAllReturnsEveryPage() {
    Map<String, String> pages =
        FetchAll.fetchAll(Context.background(), List.of("a", "b", "c"), new AtomicInteger());
    assertEquals(Map.of("a", "<html>a</html>", "b", "<html>b</html>", "c", "<html>c</html>"),
        pages);
  }

  @Test
  void fetchAllAbortsOnTheFirstError() {
    AtomicInteger cancelled = new AtomicInteger();
    long start = System.nanoTime();
    ErrGroupException failure =
        assertThrows(
            ErrGroupException.class,
            () -> FetchAll.fetchAll(
                Context.background(), List.of("slow-1", "broken", "slow-2"), cancelled));
    assertInstanceOf(FetchAll.FetchException.class, failure.getCause());
    assertEquals("fetch broken: 503 Service Unavailable", failure.getCause().getMessage());
    assertTrue(millisSince(start) < 800, "the slow fetches were not cancelled");
    assertEquals(2, cancelled.get());
  }

  @Test
  void semaphoreBoundsConcurrency() {
    assertEquals(3, Semaphore.run(20, 3));
    assertEquals(1, Semaphore.run(5, 1));
  }

  @Test
  void dashboardFansOutUnderATimeout() {
    Duration fast = Duration.ofMillis(30);
    long start = System.nanoTime();
    Dashboard.Page page =
        Dashboard.handle(
            Context.background(),
            new Dashboard.Latencies(fast, fast, fast),
            Duration.ofSeconds(5));
    assertEquals("gopher", page.user());
    assertEquals(List.of("order-1", "order-2"), page.orders());
    assertTrue(millisSince(start) < 1000, "the three calls did not run in parallel");

    long slowStart = System.nanoTime();
    assertThrows(
        DeadlineExceededException.class,
        () -> Dashboard.handle(
            Context.background(),
            new Dashboard.Latencies(fast, Duration.ofSeconds(10), fast),
            Duration.ofMillis(150)));
    long took = millisSince(slowStart);
    assertTrue(took >= 150 && took < 2000, "timeout took " + took + " ms");
  }

  @Test
  void requestHandlerAnswersOrTimesOut() {
    assertEquals(
        "200 42 rows",
        RequestHandler.handle(
            Context.background(), Duration.ofMillis(10), Duration.ofSeconds(5)));
    long start = System.nanoTime();
    assertEquals(
        "504 Request timeout",
        RequestHandler.handle(
            Context.background(), Duration.ofSeconds(10), Duration.ofMillis(100)));
    assertTrue(millisSince(start) < 2000);
  }

  @Test
  void tokenCacheServesRefreshesAndShutsDown() throws Exception {
    TokenCache cache = new TokenCache();
    CancellableContext server = Context.background().withCancel();
    Channel<Void> stopped = Channel.unbuffered();
    Go.go(
        () -> {
          try {
            cache.serve(server, Duration.ofMillis(50));
          } finally {
            stopped.close(); // Go's defer close(stopped)
          }
        });
    assertTrue(cache.getToken(Context.background()).startsWith("token-"));
    eventually("refreshed on the ticker", () -> cache.refreshes() >= 3);
    String later = cache.getToken(Context.background());
    assertTrue(Integer.parseInt(later.substring("token-".length())) >= 3, later);

    server.cancel();
    stopped.awaitSignal(); // <-stopped: serve has returned
    try (CancellableContext caller = Context.background().withTimeout(Duration.ofMillis(100))) {
      assertThrows(DeadlineExceededException.class, () -> cache.getToken(caller));
    }
    int afterShutdown = cache.refreshes();
    Thread.sleep(200);
    assertEquals(afterShutdown, cache.refreshes(), "the ticker kept refreshing after shutdown");
  }

  @Test
  void closingChannelsReportsClosedWithoutAnException() {
    assertEquals(
        List.of(
            "received job 1",
            "received job 2",
            "received job 3",
            "received all jobs",
            "received more jobs: false"),
        ClosingChannels.run(3));
  }

  @Test
  void shutdownWaitsForTheContextThenStopsEveryWorker() throws Exception {
    CancellableContext service = Context.background().withCancel();
    AtomicInteger flushed = new AtomicInteger(-1);
    Channel<Void> returned = Channel.unbuffered();
    Go.go(
        () -> {
          flushed.set(Shutdown.run(service, 5, Duration.ofSeconds(5)));
          returned.close();
        });
    Thread.sleep(100);
    assertEquals(-1, flushed.get(), "returned before its context was done");
    service.cancel();
    returned.awaitSignal();
    assertEquals(5, flushed.get());
    // Already done: it stops the workers at once.
    assertEquals(3, Shutdown.run(service, 3, Duration.ofSeconds(5)));
  }
}
