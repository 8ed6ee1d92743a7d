package com.example.gooriginals;

import dev.conduit.CancellableContext;
import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.ContextKey;
import dev.conduit.Go;
import dev.conduit.Select;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Go blog's "Go Concurrency Patterns: Context": the search server's handler with a timeout,
 * the userip package's context key, and google.Search over httpDo, which runs the request in a
 * goroutine and gives up when the context is done. The web backend is a fake with a latency.
 */
public final class ContextSearch {
  private ContextSearch() {}

  /** What the fake backend returns for a query. */
  public record Results(List<String> titles) {}

  /** Go's {@code (Results, error)}. */
  public record Response(Optional<Results> results, Optional<Exception> err) {}

  /** http.DefaultClient.Do for one fake backend: it answers after its latency. */
  public interface Backend {
    Results fetch(Context ctx, String query, String userIp) throws Exception;
  }

  // ---- package userip ----

  private static final ContextKey<String> USER_IP_KEY = ContextKey.named("userIP");

  /** userip.NewContext: a new context carrying the user's IP address. */
  static Context newContext(Context ctx, String userIp) {
    return ctx.withValue(USER_IP_KEY, userIp);
  }

  /** userip.FromContext. */
  static Optional<String> fromContext(Context ctx) {
    return Optional.ofNullable(ctx.value(USER_IP_KEY));
  }

  // ---- package google ----

  /** Go's {@code func(*http.Response, error) error}. */
  interface ResponseFunc {
    Optional<Exception> apply(Optional<Results> response, Optional<Exception> err);
  }

  /** google.Search: sends the query to the backend and returns the results. */
  static Response search(Context ctx, Backend backend, String query) {
    String userIp = fromContext(ctx).orElse("");
    Results[] results = {null};
    Optional<Exception> err =
        httpDo(
            ctx,
            backend,
            query,
            userIp,
            (response, failure) -> {
              if (failure.isPresent()) {
                return failure;
              }
              results[0] = response.get();
              return Optional.empty();
            });
    return new Response(Optional.ofNullable(results[0]), err);
  }

  /**
   * httpDo issues the request and calls f with the response. If ctx is done before the request
   * completes, httpDo waits for f to return, then returns ctx's error; otherwise it returns f's.
   */
  static Optional<Exception> httpDo(
      Context ctx, Backend backend, String query, String userIp, ResponseFunc f) {
    // Run the request in a goroutine and pass the response to f.
    Channel<Optional<Exception>> c = Channel.buffered(1);
    Go.go(
        () -> {
          Optional<Results> response;
          Optional<Exception> err;
          try {
            response = Optional.of(backend.fetch(ctx, query, userIp));
            err = Optional.empty();
          } catch (Exception e) {
            response = Optional.empty();
            err = Optional.of(e);
          }
          c.send(f.apply(response, err));
        });
    return Select.<Optional<Exception>>select()
        .onDone(
            ctx,
            () -> {
              c.receive(); // Wait for f to return.
              return Optional.of(ctx.err());
            })
        .onReceive(c, err -> err)
        .await();
  }

  // ---- the server ----

  /**
   * handleSearch: a request with an optional timeout. The handler's context is cancelled when it
   * returns ({@code defer cancel()}), which cancels the search still in flight.
   */
  public static String handleSearch(
      Backend backend, String query, Optional<Duration> timeout, String remoteAddr) {
    Context background = Context.background();
    try (CancellableContext ctx =
        timeout.isPresent() ? background.withTimeout(timeout.get()) : background.withCancel()) {
      if (query.isEmpty()) {
        return "400 no query";
      }
      // Store the user IP in ctx for use by code in other packages.
      Context withIp = newContext(ctx, remoteAddr);
      long start = System.nanoTime();
      Response response = search(withIp, backend, query);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (response.err().isPresent()) {
        return "500 " + response.err().get().getClass().getSimpleName();
      }
      return "200 " + response.results().get().titles() + " in " + elapsed.toMillis() + "ms";
    }
  }

  /** A fake backend whose request takes {@code latency} and gives up when ctx is done. */
  public static Backend fakeBackend(Duration latency) {
    return (ctx, query, userIp) -> {
      boolean answered =
          Select.<Boolean>select()
              .onTimeout(latency, () -> true)
              .onDone(ctx, () -> false)
              .await();
      if (!answered) {
        throw ctx.err().copy();
      }
      return new Results(List.of(query + " for " + userIp, query + " tutorial"));
    };
  }
}
