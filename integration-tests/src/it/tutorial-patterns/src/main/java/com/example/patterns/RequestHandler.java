package com.example.patterns;

import dev.conduit.CancellableContext;
import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.Go;
import dev.conduit.Select;
import java.time.Duration;

/** A request with a timeout: select on the query's result or the context's end. */
public final class RequestHandler {
  private RequestHandler() {}

  static String slowDatabaseQuery(Context ctx, Duration latency) {
    Work.sleep(ctx, latency);
    return "42 rows";
  }

  public static String handle(Context request, Duration queryLatency, Duration timeout) {
    try (CancellableContext ctx = request.withTimeout(timeout)) {
      // Capacity 1: the query can always deliver, even after the handler stopped waiting.
      Channel<String> resultCh = Channel.buffered(1);
      Go.go(
          () -> {
            try {
              resultCh.send(slowDatabaseQuery(ctx, queryLatency));
            } catch (RuntimeException e) {
              resultCh.send("");
            }
          });
      return Select.<String>select()
          .onReceive(resultCh, result -> "200 " + result)
          .onDone(ctx, () -> "504 Request timeout")
          .await();
    }
  }
}
