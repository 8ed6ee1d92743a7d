package com.example.mistakes;

import dev.conduit.Context;

/** Starts a new root instead of passing on the caller's context. */
final class ContextPropagationMistake {
  private ContextPropagationMistake() {}

  static String query(Context ctx, String id) {
    return ctx.isDone() ? "" : id;
  }

  static String handle(Context ctx, String id) {
    return query(Context.background(), id);
  }
}
