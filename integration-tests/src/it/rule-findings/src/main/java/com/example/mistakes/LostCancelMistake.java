package com.example.mistakes;

import dev.conduit.CancellableContext;
import dev.conduit.Context;
import java.time.Duration;
import java.util.Map;

/** Returns early from a cached lookup without cancelling the timeout it created. */
final class LostCancelMistake {
  private LostCancelMistake() {}

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
