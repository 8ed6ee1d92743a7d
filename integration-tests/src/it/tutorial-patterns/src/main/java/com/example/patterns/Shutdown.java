package com.example.patterns;

import dev.conduit.CancellableContext;
import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.WaitGroup;
import dev.conduit.annotations.ReceiveOnly;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A graceful shutdown, as Go services write it: run until the context ends ({@code
 * <-ctx.Done()}, typically a context from {@code signal.NotifyContext}), then broadcast {@code
 * close(quit)} to every worker, each of which waits with {@code <-quit}, and give them a grace
 * period to finish.
 *
 * <pre>{@code
 * quit := make(chan struct{})
 * var wg sync.WaitGroup
 * for i := 0; i < n; i++ {
 *     wg.Add(1)
 *     go func() {
 *         defer wg.Done()
 *         <-quit
 *         flush()
 *     }()
 * }
 * <-ctx.Done()
 * close(quit)
 * grace, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
 * defer cancel()
 * waitOrGiveUp(grace, &wg)
 * }</pre>
 */
public final class Shutdown {
  private Shutdown() {}

  static void worker(@ReceiveOnly Channel<Void> quit, AtomicInteger flushed) {
    quit.awaitSignal(); // <-quit: returns once quit is closed
    flushed.incrementAndGet();
  }

  /**
   * Starts {@code workers} goroutines, waits until {@code ctx} is done, stops them all with one
   * close and returns how many flushed within the grace period.
   */
  public static int run(Context ctx, int workers, Duration grace) {
    Channel<Void> quit = Channel.unbuffered();
    AtomicInteger flushed = new AtomicInteger();
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < workers; i++) {
      wg.go(() -> worker(quit, flushed));
    }
    ctx.awaitDone(); // <-ctx.Done()
    quit.close(); // one close wakes every worker
    try (CancellableContext graceful = ctx.withoutCancel().withTimeout(grace)) {
      wg.await(graceful);
    }
    return flushed.get();
  }
}
