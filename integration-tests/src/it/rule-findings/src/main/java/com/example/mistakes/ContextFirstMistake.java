package com.example.mistakes;

import dev.conduit.Context;

/** Takes its context after another parameter. */
final class ContextFirstMistake {
  private ContextFirstMistake() {}

  static String fetch(String url, Context ctx) {
    return ctx.isDone() ? "" : url;
  }
}
