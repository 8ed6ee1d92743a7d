package tutorials;

import static dev.conduit.Go.go;

import dev.conduit.Channel;
import dev.conduit.WaitGroup;
import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.annotations.SendOnly;
import java.util.ArrayList;
import java.util.List;

/** The worker pool of the Go tutorials: jobs <-chan int, results chan<- int, a WaitGroup. */
class WorkerPool {
  static void worker(
      @ReceiveOnly Channel<Integer> jobs, @SendOnly Channel<Integer> results, WaitGroup wg) {
    try {
      for (int job : jobs) {
        results.send(job * 2);
      }
    } finally {
      wg.done();
    }
  }

  static List<Integer> run(int numWorkers) {
    Channel<Integer> jobs = Channel.buffered(100);
    Channel<Integer> results = Channel.buffered(100);
    WaitGroup wg = new WaitGroup();
    for (int w = 0; w < numWorkers; w++) {
      wg.add(1);
      go(() -> worker(jobs, results, wg));
    }
    go(
        () -> {
          for (int i = 0; i < 1000; i++) {
            jobs.send(i);
          }
          jobs.close();
        });
    go(
        () -> {
          wg.await();
          results.close();
        });
    List<Integer> collected = new ArrayList<>();
    for (int result : results) {
      collected.add(result);
    }
    return collected;
  }

  /** The semaphore idiom: a buffered channel bounds how many run at once. */
  static void processUrls(List<String> urls) {
    Channel<Boolean> sem = Channel.buffered(10);
    WaitGroup wg = new WaitGroup();
    for (String url : urls) {
      wg.add(1);
      sem.send(true);
      go(
          () -> {
            try {
              fetch(url);
            } finally {
              sem.receive();
              wg.done();
            }
          });
    }
    wg.await();
  }

  static void producer(@SendOnly Channel<Integer> ch) {
    for (int i = 0; i < 10; i++) {
      ch.send(i);
    }
    ch.close();
  }

  static void consumer(@ReceiveOnly Channel<Integer> ch) {
    for (int v : ch) {
      System.out.println(v);
    }
  }

  static void producerConsumer() {
    Channel<Integer> ch = Channel.unbuffered();
    go(() -> producer(ch));
    consumer(ch);
  }

  static String fetch(String url) {
    return url;
  }
}
