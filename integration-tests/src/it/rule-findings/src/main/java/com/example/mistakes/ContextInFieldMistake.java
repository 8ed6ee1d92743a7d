package com.example.mistakes;

import dev.conduit.Context;

/** Keeps its constructor's context, so later calls run under a lifetime that is not theirs. */
final class ContextInFieldMistake {
  private final Context ctx;

  ContextInFieldMistake(Context ctx) {
    this.ctx = ctx;
  }

  boolean stopped() {
    return ctx.isDone();
  }
}
