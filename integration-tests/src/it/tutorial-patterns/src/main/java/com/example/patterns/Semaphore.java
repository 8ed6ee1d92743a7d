package com.example.patterns;

import dev.conduit.Channel;
import dev.conduit.WaitGroup;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** A buffered channel as a semaphore: at most {@code limit} tasks run at once. */
public final class Semaphore {
  private Semaphore() {}

  /** Runs {@code tasks} tasks, at most {@code limit} at a time; returns the peak concurrency. */
  public static int run(int tasks, int limit) {
    Channel<Boolean> slots = Channel.buffered(limit);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < tasks; i++) {
      wg.go(
          () -> {
            slots.send(true); // acquire: blocks while `limit` tasks hold a slot
            try {
              int now = running.incrementAndGet();
              peak.accumulateAndGet(now, Math::max);
              LockSupport.parkNanos(2_000_000); // the "work"
              running.decrementAndGet();
            } finally {
              slots.receive(); // release
            }
          });
    }
    wg.await();
    return peak.get();
  }
}
