package com.example.patterns;

import dev.conduit.CancellableContext;
import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.Go;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The dashboard handler: three backend calls fanned out at once under one timeout. Each result
 * channel has room for its one value, so no call ever waits for the handler, and every call
 * respects the context, so the handler never waits longer than the timeout.
 */
public final class Dashboard {
  private Dashboard() {}

  public record Page(String user, List<String> orders, List<String> recommendations) {}

  /** Go's {@code result{data, err}}: what a backend call produced, or how it failed. */
  record Result<T>(T value, RuntimeException error) {
    static <T> Result<T> of(Supplier<T> call) {
      try {
        return new Result<>(call.get(), null);
      } catch (RuntimeException e) {
        return new Result<>(null, e);
      }
    }

    T get() {
      if (error != null) {
        throw error;
      }
      return value;
    }
  }

  /** Backend latencies, so tests can make one of them slow. */
  public record Latencies(Duration user, Duration orders, Duration recommendations) {}

  static String fetchUser(Context ctx, Duration latency) {
    Work.sleep(ctx, latency);
    return "gopher";
  }

  static List<String> fetchOrders(Context ctx, Duration latency) {
    Work.sleep(ctx, latency);
    return List.of("order-1", "order-2");
  }

  static List<String> fetchRecommendations(Context ctx, Duration latency) {
    Work.sleep(ctx, latency);
    return List.of("channels", "select");
  }

  public static Page handle(Context request, Latencies latencies, Duration timeout) {
    try (CancellableContext ctx = request.withTimeout(timeout)) {
      Channel<Result<String>> userCh = Channel.buffered(1);
      Channel<Result<List<String>>> orderCh = Channel.buffered(1);
      Channel<Result<List<String>>> recoCh = Channel.buffered(1);
      Go.go(() -> userCh.send(Result.of(() -> fetchUser(ctx, latencies.user()))));
      Go.go(() -> orderCh.send(Result.of(() -> fetchOrders(ctx, latencies.orders()))));
      Go.go(
          () ->
              recoCh.send(
                  Result.of(() -> fetchRecommendations(ctx, latencies.recommendations()))));
      // All three run in parallel; a call that outlives the deadline fails with the context's
      // error, which is what the handler rethrows.
      return new Page(userCh.receive().get(), orderCh.receive().get(), recoCh.receive().get());
    }
  }
}
