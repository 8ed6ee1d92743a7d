import dev.conduit.CancellableContext;
import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.ErrGroup;
import dev.conduit.Go;
import dev.conduit.WaitGroup;
import java.time.Duration;

class HalfWritten {
  String take(Context ctx, Channel<String> ch) {
    try (CancellableContext c = ctx.withTimeout(Duration.ofSeconds(1))) {
      String v = ch.
    }
  }

  int count(WaitGroup wg) {
    wg.go(() -> );
  }

  void spin(Channel<Integer> ch) {
    Go.go(() -> { ch.send( });
  }

  void group(Context ctx) {
    ErrGroup g = ErrGroup.withContext(ctx);
    g.go(() -> { return 1 });
    g.await(
  }

  CancellableContext leak(Context ctx) {
    CancellableContext c = ctx.withCancel()
    c.
  }
}
