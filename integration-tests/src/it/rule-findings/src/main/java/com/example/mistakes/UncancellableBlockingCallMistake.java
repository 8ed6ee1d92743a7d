package com.example.mistakes;

import dev.conduit.Channel;
import dev.conduit.Context;

/** Waits for a job in a way the caller's cancellation cannot interrupt. */
final class UncancellableBlockingCallMistake {
  private UncancellableBlockingCallMistake() {}

  static int next(Context ctx, Channel<Integer> jobs) {
    return jobs.receive();
  }
}
