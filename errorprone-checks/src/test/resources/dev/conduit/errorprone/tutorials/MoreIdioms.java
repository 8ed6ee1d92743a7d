package tutorials;

import static dev.conduit.Go.go;

import dev.conduit.CancellableContext;
import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.ContextKey;
import dev.conduit.ErrGroup;
import dev.conduit.Select;
import dev.conduit.Ticker;
import dev.conduit.WaitGroup;
import java.time.Duration;
import java.util.List;

/** More idioms from the Go tutorials, written the way Conduit's docs teach them. */
class MoreIdioms {
  private static final ContextKey<String> REQUEST_ID = ContextKey.named("requestId");

  /** The semaphore: acquire with the context, release in a finally whatever happens. */
  static void processUrls(Context ctx, List<String> urls) {
    Channel<Boolean> sem = Channel.buffered(10);
    WaitGroup wg = new WaitGroup();
    for (String url : urls) {
      sem.send(ctx, true);
      wg.go(() -> {
        try {
          fetch(ctx, url);
        } finally {
          sem.receive();
        }
      });
    }
    wg.await(ctx);
  }

  /** A future: one send on a buffered(1) channel the caller receives from. */
  static Channel<String> fetchAsync(Context ctx, String url) {
    Channel<String> result = Channel.buffered(1);
    go(() -> result.send(fetch(ctx, url)));
    return result;
  }

  /** A done signal by close, from the goroutine the method waits for. */
  static void runAndWait(Context ctx) {
    Channel<Void> done = Channel.unbuffered();
    go(() -> {
      try {
        fetch(ctx, "work");
      } finally {
        done.close();
      }
    });
    done.awaitSignal(); // <-done
  }

  /** A ticker loop that stops with the context. */
  static void poll(Context ctx) {
    try (Ticker ticker = Ticker.every(Duration.ofSeconds(1))) {
      while (Select.<Boolean>select()
          .onReceive(ticker.channel(), () -> true)
          .onDone(ctx, () -> false)
          .await()) {
        fetch(ctx, "refresh");
      }
    }
  }

  /** errgroup with a limit. */
  static void bounded(Context ctx, List<String> items) {
    ErrGroup group = ErrGroup.withContext(ctx);
    group.setLimit(4);
    for (String item : items) {
      group.go(() -> fetch(group.context(), item));
    }
    group.await();
  }

  /** Request-scoped values ride on a derived context. */
  static String handle(Context ctx, String id) {
    Context withId = ctx.withValue(REQUEST_ID, id);
    return fetch(withId, id);
  }

  /** A request timeout, cancelled in a finally as Go's defer cancel() is. */
  static String timed(Context parent) {
    CancellableContext ctx = parent.withTimeout(Duration.ofSeconds(1));
    try {
      return fetch(ctx, "slow");
    } finally {
      ctx.cancel();
    }
  }

  /** Waiting for cancellation itself. */
  static void awaitShutdown(Context ctx) {
    Select.<Void>select().onDone(ctx, () -> null).await();
  }

  static String fetch(Context ctx, String url) {
    return ctx.isDone() ? "" : url;
  }
}
