package com.example.mistakes;

import dev.conduit.Go;
import dev.conduit.WaitGroup;
import java.util.List;

/** Counts each goroutine from inside it, so await() may return before any has started. */
final class WaitGroupAddInGoroutineMistake {
  private WaitGroupAddInGoroutineMistake() {}

  static void runAll(List<Runnable> tasks) {
    WaitGroup wg = new WaitGroup();
    for (Runnable task : tasks) {
      Go.go(
          () -> {
            wg.add(1);
            try {
              task.run();
            } finally {
              wg.done();
            }
          });
    }
    wg.await();
  }
}
