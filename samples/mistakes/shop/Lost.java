package shop;

import dev.conduit.CancellableContext;
import dev.conduit.Context;
import java.time.Duration;

/** LostCancel: the early return skips cancel(), leaking the timer until the parent ends. */
class Lost {
  static String lookup(Context ctx, String sku) {
    CancellableContext timed = ctx.withTimeout(Duration.ofSeconds(1));
    if (sku.isEmpty()) {
      return "unknown"; // mistake: returns without cancelling `timed`
    }
    String price = Prices.fetch(timed, sku);
    timed.cancel();
    return price;
  }
}
