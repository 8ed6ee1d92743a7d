package shop;

import dev.conduit.Context;

/** ContextPropagation: a fresh background context drops the caller's cancellation. */
class Detached {
  static String price(Context ctx, String sku) {
    return Prices.fetch(Context.background(), sku); // mistake: pass ctx on
  }
}
