package com.example.patterns;

import dev.conduit.Context;
import dev.conduit.Select;
import java.time.Duration;

/** Stand-ins for slow I/O that, like every well-behaved Go call, respect their context. */
final class Work {
  private Work() {}

  /** Sleeps for {@code d}, or gives up with the context's error when it is done first. */
  static void sleep(Context ctx, Duration d) {
    boolean slept =
        Select.<Boolean>select().onTimeout(d, () -> true).onDone(ctx, () -> false).await();
    if (!slept) {
      throw ctx.err().copy();
    }
  }
}
