package shop;

import dev.conduit.Context;

/** A well-behaved service: context first, and it honours cancellation. */
class Prices {
  static String fetch(Context ctx, String sku) {
    if (ctx.isDone()) {
      throw ctx.err().copy();
    }
    return sku + ": 9.99";
  }
}
