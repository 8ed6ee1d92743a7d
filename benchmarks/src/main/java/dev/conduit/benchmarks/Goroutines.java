package dev.conduit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A batch of virtual threads started by one benchmark invocation and joined at its end, so an
 * invocation measures exactly the traffic it starts. Starting and joining a virtual thread costs
 * 1–3 µs on the 2-core machine the README's figures come from; most shapes move thousands of
 * messages per goroutine started, so that is under a percent of what they measure. The 10,000 pairs
 * move a thousand per goroutine, so there it is a few percent. Every thread-based competitor pays
 * it alike; Kotlin's coroutines start more cheaply.
 */
final class Goroutines {
  /** A goroutine's body; blocking calls of the JDK and jox throw {@link InterruptedException}. */
  interface Body {
    void run() throws Exception;
  }

  private static final long JOIN_LIMIT_SECONDS = 120;

  private final Thread.Builder builder;
  private final List<Thread> threads;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  Goroutines(int expected) {
    this(expected, false);
  }

  /** With {@code platform}, the "goroutines" are platform threads (for that one shape). */
  Goroutines(int expected, boolean platform) {
    builder = platform ? Thread.ofPlatform().daemon() : Thread.ofVirtual();
    threads = new ArrayList<>(expected);
  }

  void go(Body body) {
    threads.add(
        builder.start(() -> {
          try {
            body.run();
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
          }
        }));
  }

  /** Waits for every goroutine; rethrows the first failure so a broken shape never passes. */
  void join() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOIN_LIMIT_SECONDS);
    for (Thread thread : threads) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !thread.join(java.time.Duration.ofNanos(left))) {
        throw new IllegalStateException(
            "goroutines still running after " + JOIN_LIMIT_SECONDS + " s: the shape deadlocked");
      }
    }
    Throwable t = failure.get();
    if (t != null) {
      throw new IllegalStateException("a goroutine failed", t);
    }
  }
}
