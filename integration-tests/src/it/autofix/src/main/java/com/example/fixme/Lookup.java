package com.example.fixme;

import dev.conduit.CancellableContext;
import dev.conduit.Context;
import java.time.Duration;
import java.util.Map;

/** LostCancel: the early return leaks the timeout; the fix is Go's defer cancel(). */
final class Lookup {
  private Lookup() {}

  static String lookup(Context parent, Map<String, String> cache, String key) {
    CancellableContext ctx = parent.withTimeout(Duration.ofSeconds(2));
    if (cache.containsKey(key)) {
      return cache.get(key);
    }
    String value = key + (ctx.isDone() ? "-late" : "");
    ctx.cancel();
    return value;
  }
}
