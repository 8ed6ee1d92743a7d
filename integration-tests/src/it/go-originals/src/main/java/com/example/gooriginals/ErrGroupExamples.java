package com.example.gooriginals;

import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.ErrGroup;
import dev.conduit.Go;
import dev.conduit.Select;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The examples of golang.org/x/sync/errgroup, with fakes for the network. */
public final class ErrGroupExamples {
  private ErrGroupExamples() {}

  /** A fetcher that fails for some URLs: http.Get. */
  public interface Fetcher {
    void get(String url) throws IOException;
  }

  /** ExampleGroup_justErrors: fetch URLs in parallel, report the first error. */
  public static String justErrors(Fetcher http, List<String> urls) {
    ErrGroup g = ErrGroup.create();
    for (String url : urls) {
      // Launch a goroutine to fetch the URL.
      g.go(() -> http.get(url));
    }
    // Wait for all HTTP fetches to complete.
    try {
      g.await();
      return "Successfully fetched all URLs.";
    } catch (RuntimeException err) {
      return "failed: " + err.getMessage();
    }
  }

  /** A search kind of the parallel example: Web, Image or Video. */
  public interface Search {
    String search(Context ctx, String query) throws Exception;
  }

  static Search fakeSearch(String kind) {
    return (ctx, query) -> kind + " result for \"" + query + "\"";
  }

  /** ExampleGroup_parallel: a simplified Google search, results in order. */
  public static List<String> google(Context ctx, String query) {
    ErrGroup g = ErrGroup.withContext(ctx);
    Context groupCtx = g.context();
    List<Search> searches =
        List.of(fakeSearch("web"), fakeSearch("image"), fakeSearch("video"));
    String[] results = new String[searches.size()];
    for (int i = 0; i < searches.size(); i++) {
      int index = i;
      Search search = searches.get(i);
      g.go(() -> results[index] = search.search(groupCtx, query));
    }
    g.await();
    return List.of(results);
  }

  record Digest(Path path, String sum) {}

  /** ExampleGroup_pipeline: MD5All with a group whose first failure cancels the others. */
  public static Map<Path, String> md5All(Context parent, Path root) {
    ErrGroup g = ErrGroup.withContext(parent);
    Context ctx = g.context();
    Channel<Path> paths = Channel.unbuffered();
    g.go(
        () -> {
          try { // defer close(paths)
            Md5Files.walk(
                    root,
                    path -> {
                      boolean sent =
                          Select.<Boolean>select()
                              .onSend(paths, path, () -> true)
                              .onDone(ctx, () -> false)
                              .await();
                      if (!sent) {
                        throw ctx.err().copy();
                      }
                    })
                .ifPresent(
                    err -> {
                      throw new IllegalStateException(err);
                    });
          } finally {
            paths.close();
          }
        });
    // Start a fixed number of goroutines to read and digest files.
    Channel<Digest> c = Channel.unbuffered();
    final int numDigesters = 20;
    for (int i = 0; i < numDigesters; i++) {
      g.go(
          () -> {
            for (Path path : paths) {
              Digest digest = new Digest(path, Md5Files.md5(Files.readAllBytes(path)));
              boolean sent =
                  Select.<Boolean>select()
                      .onSend(c, digest, () -> true)
                      .onDone(ctx, () -> false)
                      .await();
              if (!sent) {
                throw ctx.err().copy();
              }
            }
          });
    }
    Go.go(
        () -> {
          try {
            g.await();
          } catch (RuntimeException ignored) {
            // Go's `g.Wait(); close(c)`: the error is returned by the Wait below.
          } finally {
            c.close();
          }
        });
    Map<Path, String> m = new TreeMap<>();
    for (Digest r : c) {
      m.put(r.path(), r.sum());
    }
    // Check whether any of the goroutines failed. Since g is accumulating the errors, we don't
    // need to send them (or check for them) in the individual results sent on the channel.
    g.await();
    return m;
  }

  /** SetLimit: at most {@code limit} fetches run at once; returns the most seen running. */
  public static int limited(Fetcher http, List<String> urls, int limit) {
    ErrGroup g = ErrGroup.create();
    g.setLimit(limit);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<String> fetched = new ArrayList<>();
    for (String url : urls) {
      g.go(
          () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
              http.get(url);
              synchronized (fetched) {
                fetched.add(url);
              }
            } finally {
              running.decrementAndGet();
            }
          });
    }
    g.await();
    return most.get();
  }
}
