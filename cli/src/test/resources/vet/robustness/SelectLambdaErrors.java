import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.ErrGroup;
import dev.conduit.Go;
import dev.conduit.Select;
import java.time.Duration;

class SelectLambdaErrors {
  String pick(Context ctx, Channel<String> a, Channel<Integer> b) {
    return Select.<String>select()
        .onReceive(a, v -> v.lengthh())
        .onReceive(b, v -> { undefinedCall(v); return v; })
        .onSend(a, 42, () -> "sent")
        .onReceive(ctx.done(), () -> missing)
        .onTimeout(Duration.ofSeconds(1), () -> { ctx.withCancel(); })
        .orElse(() -> a.receive(ctx, 3))
        .await();
  }

  void raw(Context ctx) {
    Channel ch = Channel.buffered("x");
    ch.send(null);
    Go.go(ch);
    ErrGroup g = ErrGroup.withContext(null, 1);
    g.go(() -> { return; });
    ctx.withCancel().close(ctx);
    ch.close(1);
  }
}
