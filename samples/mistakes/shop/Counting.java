package shop;

import dev.conduit.Go;
import dev.conduit.WaitGroup;
import java.util.List;

/** WaitGroupAddInGoroutine: add() inside the goroutine races with await(). */
class Counting {
  static void shipAll(List<String> parcels) {
    WaitGroup wg = new WaitGroup();
    for (String parcel : parcels) {
      Go.go(
          () -> {
            wg.add(1); // mistake: await() may run before this; add before starting the goroutine
            try {
              System.out.println("shipped " + parcel);
            } finally {
              wg.done();
            }
          });
    }
    wg.await();
  }
}
