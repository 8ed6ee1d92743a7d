package com.example.patterns;

import dev.conduit.CancellableContext;
import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.Go;
import dev.conduit.Select;
import dev.conduit.annotations.ReceiveOnly;
import java.util.ArrayList;
import java.util.List;

/**
 * A cancellable pipeline, generator → double → filter: each stage owns its output channel,
 * closes it when it stops, and stops when the context is done.
 */
public final class Pipeline {
  private Pipeline() {}

  public static @ReceiveOnly Channel<Integer> generate(Context ctx) {
    Channel<Integer> out = Channel.unbuffered();
    Go.go(
        () -> {
          try {
            for (int i = 1; ; i++) {
              int next = i;
              boolean sent =
                  Select.<Boolean>select()
                      .onDone(ctx, () -> false)
                      .onSend(out, next, () -> true)
                      .await();
              if (!sent) {
                return;
              }
            }
          } finally {
            out.close();
          }
        });
    return out;
  }

  public static @ReceiveOnly Channel<Integer> doubled(
      Context ctx, @ReceiveOnly Channel<Integer> in) {
    Channel<Integer> out = Channel.unbuffered();
    Go.go(
        () -> {
          try {
            for (int n : in) {
              boolean sent =
                  Select.<Boolean>select()
                      .onDone(ctx, () -> false)
                      .onSend(out, n * 2, () -> true)
                      .await();
              if (!sent) {
                return;
              }
            }
          } finally {
            out.close();
          }
        });
    return out;
  }

  public static @ReceiveOnly Channel<Integer> multiplesOfFour(
      Context ctx, @ReceiveOnly Channel<Integer> in) {
    Channel<Integer> out = Channel.unbuffered();
    Go.go(
        () -> {
          try {
            for (int n : in) {
              if (n % 4 != 0) {
                continue;
              }
              boolean sent =
                  Select.<Boolean>select()
                      .onDone(ctx, () -> false)
                      .onSend(out, n, () -> true)
                      .await();
              if (!sent) {
                return;
              }
            }
          } finally {
            out.close();
          }
        });
    return out;
  }

  /** The first {@code count} results; the whole pipeline is cancelled when this returns. */
  public static List<Integer> firstResults(Context parent, int count) {
    try (CancellableContext ctx = parent.withCancel()) {
      Channel<Integer> results = multiplesOfFour(ctx, doubled(ctx, generate(ctx)));
      List<Integer> taken = new ArrayList<>();
      while (taken.size() < count) {
        taken.add(results.receive(ctx));
      }
      return taken;
    }
  }
}
