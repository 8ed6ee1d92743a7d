package tutorials;

import static dev.conduit.Go.go;

import dev.conduit.CancellableContext;
import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.Select;
import dev.conduit.annotations.ReceiveOnly;

/** The generate | double | filter pipeline of the Go tutorials, every stage stopping on ctx. */
class Pipeline {
  static @ReceiveOnly Channel<Integer> generate(Context ctx) {
    Channel<Integer> out = Channel.unbuffered();
    go(
        () -> {
          try {
            for (int i = 0; ; i++) {
              boolean sent =
                  Select.<Boolean>select()
                      .onDone(ctx, () -> false)
                      .onSend(out, i, () -> true)
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

  static @ReceiveOnly Channel<Integer> doubleNumbers(
      Context ctx, @ReceiveOnly Channel<Integer> in) {
    Channel<Integer> out = Channel.unbuffered();
    go(
        () -> {
          try {
            for (int n : in) {
              boolean sent =
                  Select.<Boolean>select()
                      .onReceive(ctx.done(), () -> false)
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

  static @ReceiveOnly Channel<Integer> filterEven(Context ctx, @ReceiveOnly Channel<Integer> in) {
    var out = Channel.<Integer>unbuffered();
    go(
        () -> {
          try {
            for (var n : in) {
              if (n % 2 != 0) {
                continue;
              }
              if (!Select.<Boolean>select()
                  .onDone(ctx, () -> false)
                  .onSend(out, n, () -> true)
                  .await()) {
                return;
              }
            }
          } finally {
            out.close();
          }
        });
    return out;
  }

  static void main(String[] args) {
    try (CancellableContext ctx = Context.background().withCancel()) {
      var filtered = filterEven(ctx, doubleNumbers(ctx, generate(ctx)));
      for (int i = 0; i < 10; i++) {
        System.out.println(filtered.receive());
      }
    }
  }

  /** The same, cancelling explicitly as Go's defer cancel() does. */
  static void explicitCancel() {
    CancellableContext ctx = Context.background().withCancel();
    try {
      System.out.println(generate(ctx).receive());
    } finally {
      ctx.cancel();
    }
  }
}
