package shop;

import dev.conduit.Context;

/** ContextFirst: the context is not the first parameter. */
class Order {
  static String place(String sku, Context ctx) { // mistake: ctx belongs first
    return Prices.fetch(ctx, sku);
  }
}
