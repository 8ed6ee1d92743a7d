package tutorials;

import static dev.conduit.Go.go;

import dev.conduit.CancellableContext;
import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.ErrGroup;
import dev.conduit.Select;
import dev.conduit.Ticker;
import java.time.Duration;

/** A request with a timeout, a select over the result and ctx.done(), and a dashboard fan-out. */
class RequestWithTimeout {
  static String handleRequest(Context parent) {
    try (var ctx = parent.withTimeout(Duration.ofSeconds(2))) {
      Channel<String> resultCh = Channel.buffered(1);
      go(() -> resultCh.send(slowOperation(ctx)));
      return Select.<String>select()
          .onReceive(resultCh, result -> "result: " + result)
          .onReceive(ctx.done(), () -> "timed out: " + ctx.err())
          .await();
    }
  }

  static String firstOf(Channel<String> ch1, Channel<String> ch2) {
    return Select.<String>select()
        .onReceive(ch1, msg -> "from 1: " + msg)
        .onReceive(ch2, msg -> "from 2: " + msg)
        .onTimeout(Duration.ofSeconds(1), () -> "timeout")
        .await();
  }

  static String nonBlocking(Channel<String> ch) {
    return Select.<String>select().onReceive(ch, msg -> msg).orElse(() -> "nothing").await();
  }

  static String dashboard(Context parent) {
    CancellableContext ctx = parent.withTimeout(Duration.ofMillis(500));
    try {
      Channel<String> userCh = Channel.buffered(1);
      Channel<String> ordersCh = Channel.buffered(1);
      go(() -> userCh.send(slowOperation(ctx)));
      go(() -> ordersCh.send(slowOperation(ctx)));
      return userCh.receive() + ordersCh.receive();
    } finally {
      ctx.cancel();
    }
  }

  static void group(Context parent) {
    ErrGroup group = ErrGroup.withContext(parent);
    group.go(() -> slowOperation(group.context()));
    group.await();
  }

  static void report(Context ctx) {
    try (Ticker ticker = Ticker.every(Duration.ofSeconds(1))) {
      while (true) {
        boolean more =
            Select.<Boolean>select()
                .onReceive(ticker.channel(), () -> true)
                .onDone(ctx, () -> false)
                .await();
        if (!more) {
          break;
        }
      }
    }
  }

  /** Returning the handle moves the duty to cancel to the caller. */
  static CancellableContext withRequestTimeout(Context parent) {
    return parent.withTimeout(Duration.ofSeconds(5));
  }

  static String slowOperation(Context ctx) {
    return ctx.isDone() ? "" : "done";
  }
}
