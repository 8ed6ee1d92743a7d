package com.example.gooriginals;

import dev.conduit.Channel;
import dev.conduit.Go;
import dev.conduit.Select;
import dev.conduit.Timers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The talk's Google Search 3.0: each kind of search asks two replicas and takes the first answer,
 * and the whole search gives up after a timeout.
 *
 * <p>The talk's slides make both channels unbuffered, so a replica that loses the race (in
 * {@code first}) and a search that finishes after the timeout (in {@code google}) stay blocked
 * forever: a goroutine leak. This port uses the fix Go programmers apply, a buffer with a slot for
 * every sender, so that every goroutine can finish.
 */
public final class GoogleSearch {
  private GoogleSearch() {}

  /** Go's {@code type Search func(query string) Result}. */
  public interface Search {
    String search(String query);
  }

  /** A fake search that answers after a random latency up to {@code maxLatency}. */
  public static Search fakeSearch(String kind, Duration maxLatency) {
    return query -> {
      long millis = java.util.concurrent.ThreadLocalRandom.current().nextLong(maxLatency.toMillis());
      TalkPatterns.sleep(Duration.ofMillis(millis));
      return kind + " result for \"" + query + "\"";
    };
  }

  /** Sends the query to every replica and returns the first answer. */
  public static String first(String query, List<Search> replicas) {
    Channel<String> c = Channel.buffered(replicas.size());
    for (Search replica : replicas) {
      Go.go(() -> c.send(replica.search(query)));
    }
    return c.receive();
  }

  /** Google Search 3.0: replicated, with a timeout. */
  public static List<String> google(
      String query, List<Search> web, List<Search> image, List<Search> video, Duration timeout) {
    List<String> results = new ArrayList<>();
    Channel<String> c = Channel.buffered(3);
    Go.go(() -> c.send(first(query, web)));
    Go.go(() -> c.send(first(query, image)));
    Go.go(() -> c.send(first(query, video)));
    var timer = Timers.after(timeout);
    for (int i = 0; i < 3; i++) {
      boolean timedOut =
          Select.<Boolean>select()
              .onReceive(
                  c,
                  result -> {
                    results.add(result);
                    return false;
                  })
              .onReceive(timer, () -> true)
              .await();
      if (timedOut) {
        results.add("timed out");
        return results;
      }
    }
    return results;
  }
}
