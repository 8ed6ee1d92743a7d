package com.example.patterns;

import dev.conduit.Channel;
import dev.conduit.Go;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Go by Example's "Closing Channels": a worker receives with {@code j, more := <-jobs} until the
 * channel is closed, then signals on {@code done}; {@code main} waits with {@code <-done}.
 *
 * <pre>{@code
 * go func() {
 *     for {
 *         j, more := <-jobs
 *         if more {
 *             fmt.Println("received job", j)
 *         } else {
 *             fmt.Println("received all jobs")
 *             done <- true
 *             return
 *         }
 *     }
 * }()
 * for j := 1; j <= 3; j++ {
 *     jobs <- j
 * }
 * close(jobs)
 * <-done
 * _, ok := <-jobs
 * }</pre>
 */
public final class ClosingChannels {
  private ClosingChannels() {}

  /**
   * What the worker logs, then whether a receive after the close still finds a job. The worker's
   * list is read only after {@code <-done}, which orders its writes before the read.
   */
  public static List<String> run(int jobCount) {
    Channel<Integer> jobs = Channel.buffered(5);
    Channel<Boolean> done = Channel.unbuffered();
    List<String> log = new ArrayList<>();
    Go.go(
        () -> {
          while (true) {
            Optional<Integer> job = jobs.receiveOptional(); // j, more := <-jobs
            if (job.isPresent()) {
              log.add("received job " + job.get());
            } else {
              log.add("received all jobs");
              done.send(true);
              return;
            }
          }
        });
    for (int j = 1; j <= jobCount; j++) {
      jobs.send(j);
    }
    jobs.close();
    done.awaitSignal(); // <-done
    log.add("received more jobs: " + jobs.receiveOptional().isPresent()); // _, ok := <-jobs
    return log;
  }
}
