package com.example.patterns;

import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.Select;
import dev.conduit.Ticker;
import dev.conduit.annotations.SendOnly;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server-level process: one goroutine owns the token, refreshes it on a ticker and answers
 * requests that arrive as messages on a channel, until its context is cancelled. A request
 * message carries the caller's context, the one place a Context belongs in a data type.
 */
public final class TokenCache {
  /** A request for the current token, answered on {@code reply}. */
  public record TokenRequest(Context ctx, @SendOnly Channel<String> reply) {}

  private final Channel<TokenRequest> requests = Channel.unbuffered();
  private final AtomicInteger refreshes = new AtomicInteger();

  /** Runs the cache until {@code ctx} is done; call it on its own goroutine. */
  public void serve(Context ctx, Duration refreshEvery) {
    String token = refresh(ctx);
    try (Ticker ticker = Ticker.every(refreshEvery)) {
      while (true) {
        String current = token;
        String next =
            Select.<String>select()
                .onDone(ctx, () -> null)
                .onReceive(ticker.channel(), tick -> refresh(ctx))
                .onReceive(requests, request -> answer(request, current))
                .await();
        if (next == null) {
          return;
        }
        token = next;
      }
    }
  }

  private static String answer(TokenRequest request, String token) {
    // The reply channel has room for the answer: the server never waits on a slow caller.
    request.reply().trySend(token);
    return token;
  }

  private String refresh(Context ctx) {
    return "token-" + refreshes.incrementAndGet() + (ctx.isDone() ? "-late" : "");
  }

  /** Asks the server for the token; gives up when {@code ctx} is done. */
  public String getToken(Context ctx) {
    Channel<String> reply = Channel.buffered(1);
    requests.send(ctx, new TokenRequest(ctx, reply));
    return reply.receive(ctx);
  }

  public int refreshes() {
    return refreshes.get();
  }
}
