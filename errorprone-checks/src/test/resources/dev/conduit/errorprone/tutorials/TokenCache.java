package tutorials;

import static dev.conduit.Go.go;

import dev.conduit.CancellableContext;
import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.Select;

/**
 * The token cache server of the Go tutorials: a long-running goroutine owns the token; callers
 * send it a request message that carries their context and a reply channel.
 */
final class TokenCache implements AutoCloseable {
  /** A message, so it may carry the caller's context (Go's documented exception). */
  record TokenRequest(Context ctx, Channel<String> reply) {}

  private final Channel<TokenRequest> requests = Channel.unbuffered();
  /** The server's own lifetime: created here, cancelled in close(). */
  private final CancellableContext lifetime;
  private String token = "";

  TokenCache(Context parent) {
    lifetime = parent.withCancel();
    go(this::serve);
  }

  String getToken(Context ctx) {
    Channel<String> reply = Channel.buffered(1);
    requests.send(ctx, new TokenRequest(ctx, reply));
    return reply.receive(ctx);
  }

  private void serve() {
    boolean running = true;
    while (running) {
      running = Select.<Boolean>select()
          .onDone(lifetime, () -> false)
          .onReceive(requests, request -> {
            answer(request);
            return true;
          })
          .await();
    }
  }

  private void answer(TokenRequest request) {
    if (token.isEmpty()) {
      token = refresh(request.ctx());
    }
    request.reply().send(request.ctx(), token);
  }

  private static String refresh(Context ctx) {
    return ctx.isDone() ? "" : "token";
  }

  @Override
  public void close() {
    lifetime.cancel();
  }
}
