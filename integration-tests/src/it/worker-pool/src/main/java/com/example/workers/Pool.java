package com.example.workers;

import dev.conduit.Channel;
import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.annotations.SendOnly;
import java.util.ArrayList;
import java.util.List;

/** Go's worker pool: workers range over a jobs channel and send results. */
public final class Pool {
  private Pool() {}

  static void worker(@ReceiveOnly Channel<Integer> jobs, @SendOnly Channel<Integer> results) {
    for (int job : jobs) {
      results.send(job * job);
    }
  }

  /** Squares 1..n on {@code workers} goroutines and returns the results in arrival order. */
  public static List<Integer> squares(int n, int workers) {
    Channel<Integer> jobs = Channel.buffered(n);
    Channel<Integer> results = Channel.buffered(n);
    for (int w = 0; w < workers; w++) {
      Thread.ofVirtual().start(() -> worker(jobs, results));
    }
    for (int i = 1; i <= n; i++) {
      jobs.send(i);
    }
    jobs.close();
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(results.receive());
    }
    return out;
  }
}
