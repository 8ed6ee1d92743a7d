package com.example.fixme;

import dev.conduit.Channel;
import dev.conduit.Context;

/** UncancellableBlockingCall: a receive and a send that the caller's context cannot stop. */
final class Jobs {
  private Jobs() {}

  static int next(Context ctx, Channel<Integer> jobs) {
    return jobs.receive();
  }

  static void submit(Context ctx, Channel<Integer> jobs, int job) {
    jobs.send(job);
  }
}
