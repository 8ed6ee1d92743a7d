import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.Select;

class SyntaxErrors {
  String pick(Context ctx, Channel<String> ch) {
    return Select.<String>select().onReceive(ch, v -> { return v + ; }).await()
    ch.send("a"
  }

  void other( {
    try (var c = ctx.withCancel() {
      ch.close();
  }
