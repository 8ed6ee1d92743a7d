package com.example.patterns;

import dev.conduit.Context;
import dev.conduit.ErrGroup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** errgroup: fetch every URL at once; the first failure cancels the others and is reported. */
public final class FetchAll {
  private FetchAll() {}

  /** Thrown by a fetch that fails; checked, as real I/O failures are. */
  public static final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;

    public FetchException(String message) {
      super(message);
    }
  }

  /** A fake remote: URLs containing "broken" fail fast, "slow" ones take a second. */
  static String fetch(Context ctx, String url, AtomicInteger cancelled) throws FetchException {
    if (url.contains("broken")) {
      Work.sleep(ctx, Duration.ofMillis(20));
      throw new FetchException("fetch " + url + ": 503 Service Unavailable");
    }
    try {
      Work.sleep(ctx, url.contains("slow") ? Duration.ofSeconds(1) : Duration.ofMillis(5));
    } catch (RuntimeException e) {
      cancelled.incrementAndGet();
      throw e;
    }
    return "<html>" + url + "</html>";
  }

  public static Map<String, String> fetchAll(
      Context ctx, List<String> urls, AtomicInteger cancelled) {
    ErrGroup group = ErrGroup.withContext(ctx);
    Map<String, String> pages = new ConcurrentHashMap<>();
    for (String url : urls) {
      group.go(() -> pages.put(url, fetch(group.context(), url, cancelled)));
    }
    group.await();
    return pages;
  }
}
