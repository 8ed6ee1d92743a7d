package shop;

/** NullContext: null where a context belongs. */
class Nulls {
  static String quick(String sku) {
    return Prices.fetch(null, sku); // mistake: pass Context.todo() if there is truly none
  }
}
