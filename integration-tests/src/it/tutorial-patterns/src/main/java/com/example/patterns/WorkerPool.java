package com.example.patterns;

import dev.conduit.Channel;
import dev.conduit.Go;
import dev.conduit.WaitGroup;
import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.annotations.SendOnly;
import java.util.ArrayList;
import java.util.List;

/** Bounded concurrency: a fixed pool of workers ranges over a jobs channel. */
public final class WorkerPool {
  private WorkerPool() {}

  static void worker(@ReceiveOnly Channel<Integer> jobs, @SendOnly Channel<Integer> results) {
    for (int job : jobs) {
      results.send(job * 2);
    }
  }

  /** Doubles 0..jobCount-1 on {@code workers} goroutines; results in arrival order. */
  public static List<Integer> run(int jobCount, int workers) {
    Channel<Integer> jobs = Channel.buffered(100);
    Channel<Integer> results = Channel.buffered(100);
    WaitGroup wg = new WaitGroup();
    for (int w = 0; w < workers; w++) {
      wg.add(1);
      Go.go(
          () -> {
            try {
              worker(jobs, results);
            } finally {
              wg.done();
            }
          });
    }
    Go.go(
        () -> {
          for (int i = 0; i < jobCount; i++) {
            jobs.send(i);
          }
          jobs.close(); // no more jobs: the workers' loops end
        });
    Go.go(
        () -> {
          wg.await();
          results.close(); // every worker is done: the collecting loop ends
        });
    List<Integer> collected = new ArrayList<>();
    for (int r : results) {
      collected.add(r);
    }
    return collected;
  }
}
