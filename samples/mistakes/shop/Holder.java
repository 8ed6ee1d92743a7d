package shop;

import dev.conduit.Context;

/** ContextInField: a context kept in a field outlives the call it belongs to. */
class Holder {
  private final Context ctx; // mistake: pass it to each method instead

  Holder(Context ctx) {
    this.ctx = ctx;
  }

  String price(String sku) {
    return Prices.fetch(ctx, sku);
  }
}
