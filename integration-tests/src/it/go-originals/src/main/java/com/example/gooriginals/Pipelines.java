package com.example.gooriginals;

import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.Go;
import dev.conduit.Select;
import dev.conduit.WaitGroup;
import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.annotations.SendOnly;
import java.util.List;

/**
 * The Go blog's "Pipelines and cancellation": gen, sq and merge. The blog's {@code done} channel,
 * closed by main's {@code defer close(done)}, is a Context here: {@code case <-done:} becomes
 * {@code onDone(ctx, ...)}.
 */
public final class Pipelines {
  private Pipelines() {}

  /** The blog's buffered gen: every value fits, so no goroutine is needed. */
  public static @ReceiveOnly Channel<Integer> genBuffered(int... nums) {
    Channel<Integer> out = Channel.buffered(nums.length);
    for (int n : nums) {
      out.send(n);
    }
    out.close();
    return out;
  }

  /** gen with cancellation: stops sending once ctx is done. */
  public static @ReceiveOnly Channel<Integer> gen(Context ctx, int... nums) {
    Channel<Integer> out = Channel.unbuffered();
    Go.go(
        () -> {
          try {
            for (int n : nums) {
              boolean sent =
                  Select.<Boolean>select()
                      .onSend(out, n, () -> true)
                      .onDone(ctx, () -> false)
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

  /** The blog's gen for a context-aware caller: one buffered slot per number, as in genBuffered. */
  public static @ReceiveOnly Channel<Integer> genAll(Context ctx, List<Integer> nums) {
    Channel<Integer> out = Channel.buffered(nums.size());
    for (int n : nums) {
      out.send(n);
    }
    out.close();
    return out;
  }

  public static @ReceiveOnly Channel<Integer> sq(Context ctx, @ReceiveOnly Channel<Integer> in) {
    Channel<Integer> out = Channel.unbuffered();
    Go.go(
        () -> {
          try { // defer close(out)
            for (int n : in) {
              boolean sent =
                  Select.<Boolean>select()
                      .onSend(out, n * n, () -> true)
                      .onDone(ctx, () -> false)
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

  @SafeVarargs
  public static @ReceiveOnly Channel<Integer> merge(
      Context ctx, @ReceiveOnly Channel<Integer>... cs) {
    WaitGroup wg = new WaitGroup();
    Channel<Integer> out = Channel.unbuffered();
    // Start an output goroutine for each input channel in cs. output copies values from c to out
    // until c or done is closed, then calls wg.done().
    for (var c : cs) {
      wg.add(1);
      Go.go(() -> output(ctx, c, out, wg));
    }
    // Start a goroutine to close out once all the output goroutines are done.
    Go.go(
        () -> {
          wg.await();
          out.close();
        });
    return out;
  }

  private static void output(
      Context ctx,
      @ReceiveOnly Channel<Integer> c,
      @SendOnly Channel<Integer> out,
      WaitGroup wg) {
    try { // defer wg.Done()
      for (int n : c) {
        boolean sent =
            Select.<Boolean>select().onSend(out, n, () -> true).onDone(ctx, () -> false).await();
        if (!sent) {
          return;
        }
      }
    } finally {
      wg.done();
    }
  }

  /** The blog's main: set up the pipeline, take one value, and cancel the rest. */
  public static int firstSquare(Context parent) {
    try (var ctx = parent.withCancel()) { // done := make(chan struct{}); defer close(done)
      var in = gen(ctx, 2, 3);
      // Distribute the sq work across two goroutines that both read from in.
      var c1 = sq(ctx, in);
      var c2 = sq(ctx, in);
      // Consume the first value from output.
      var out = merge(ctx, c1, c2);
      return out.receive(ctx);
    }
  }
}
