package dev.conduit.examples;

import dev.conduit.Channel;
import dev.conduit.Go;
import dev.conduit.WaitGroup;
import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.annotations.SendOnly;
import java.time.Duration;

/**
 * Go's worker pool: three workers take jobs from one channel and put results on another.
 *
 * <pre>{@code
 * func worker(id int, jobs <-chan int, results chan<- int) {
 *     for j := range jobs {
 *         fmt.Println("worker", id, "started  job", j)
 *         time.Sleep(100 * time.Millisecond)
 *         fmt.Println("worker", id, "finished job", j)
 *         results <- j * 2
 *     }
 * }
 * }</pre>
 */
public final class WorkerPool {
  private WorkerPool() {}

  static void worker(
      int id, @ReceiveOnly Channel<Integer> jobs, @SendOnly Channel<Integer> results) {
    for (int job : jobs) {
      System.out.printf("worker %d started  job %d%n", id, job);
      sleep(Duration.ofMillis(100));
      System.out.printf("worker %d finished job %d%n", id, job);
      results.send(job * 2);
    }
  }

  public static void main(String[] args) {
    int jobCount = 9;
    Channel<Integer> jobs = Channel.buffered(jobCount);
    Channel<Integer> results = Channel.buffered(jobCount);

    WaitGroup workers = new WaitGroup();
    for (int w = 1; w <= 3; w++) {
      int id = w;
      workers.go(() -> worker(id, jobs, results));
    }
    for (int j = 1; j <= jobCount; j++) {
      jobs.send(j);
    }
    jobs.close(); // the workers' loops end once the last job is taken
    Go.go(() -> {
      workers.await();
      results.close(); // every worker returned: the loop below ends
    });

    int sum = 0;
    int count = 0;
    for (int result : results) {
      sum += result;
      count++;
    }
    System.out.printf("all %d jobs done; sum of results = %d%n", count, sum);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
