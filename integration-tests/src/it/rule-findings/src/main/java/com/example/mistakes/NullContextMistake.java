package com.example.mistakes;

import dev.conduit.Context;

/** Passes null where a context belongs. */
final class NullContextMistake {
  private NullContextMistake() {}

  static String fetch(Context ctx, String url) {
    return ctx.isDone() ? "" : url;
  }

  static String caller(String url) {
    return fetch(null, url);
  }
}
