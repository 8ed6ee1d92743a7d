package com.example.gooriginals;

import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.Select;
import dev.conduit.WaitGroup;
import dev.conduit.annotations.ReceiveOnly;
import java.util.function.Consumer;

/**
 * The graceful-shutdown loop of Go services: a pool of workers each selects on the job queue and
 * a quit channel; the server runs until its context ends, broadcasts {@code close(quit)} and waits
 * for every worker to return.
 *
 * <pre>{@code
 * func serve(ctx context.Context, jobs <-chan string, n int, handle func(string)) {
 *     quit := make(chan struct{})
 *     var wg sync.WaitGroup
 *     for i := 0; i < n; i++ {
 *         wg.Add(1)
 *         go func() {
 *             defer wg.Done()
 *             for {
 *                 select {
 *                 case job, ok := <-jobs:
 *                     if !ok {
 *                         return
 *                     }
 *                     handle(job)
 *                 case <-quit:
 *                     return
 *                 }
 *             }
 *         }()
 *     }
 *     <-ctx.Done()
 *     close(quit)
 *     wg.Wait()
 * }
 * }</pre>
 */
public final class GracefulServer {
  private GracefulServer() {}

  /** Runs {@code workers} workers on {@code jobs} until {@code ctx} is done, then stops them. */
  public static void serve(
      Context ctx, @ReceiveOnly Channel<String> jobs, int workers, Consumer<String> handle) {
    Channel<Void> quit = Channel.unbuffered();
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < workers; i++) {
      wg.go(
          () -> {
            while (true) {
              boolean more =
                  Select.<Boolean>select()
                      .onReceive(
                          jobs,
                          (String job) -> {
                            if (job == null) {
                              return false; // jobs closed: ok == false
                            }
                            handle.accept(job);
                            return true;
                          })
                      .onReceive(quit, () -> false)
                      .await();
              if (!more) {
                return;
              }
            }
          });
    }
    ctx.awaitDone(); // <-ctx.Done()
    quit.close(); // one close stops every worker
    wg.await(); // every worker has returned
  }
}
