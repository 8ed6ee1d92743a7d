package dev.conduit.test;

import dev.conduit.debug.GoroutineInfo;
import dev.conduit.debug.Goroutines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Leak checks for any test framework, Conduit's answer to goleak's {@code VerifyNone}: take a
 * {@link #snapshot()} before the code under test, then {@link #verifyNone(Snapshot)} after it.
 *
 * <pre>{@code
 * GoroutineLeaks.Snapshot before = GoroutineLeaks.snapshot();
 * runTheCodeUnderTest();
 * GoroutineLeaks.verifyNone(before); // throws AssertionError with the dump of each leaked one
 * }</pre>
 *
 * <p>Only goroutines started through Conduit ({@code Go.go}, {@code WaitGroup.go}, {@code
 * ErrGroup.go}) are seen. Goroutines started by other tests running at the same time count as this
 * test's: check leaks in tests that run one at a time.
 */
public final class GoroutineLeaks {
  private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private GoroutineLeaks() {}

  /** The goroutines alive at one moment, by id. */
  public record Snapshot(Set<Long> ids) {
    public Snapshot {
      ids = Set.copyOf(ids);
    }

    /** Whether {@code goroutine} was already alive when the snapshot was taken. */
    public boolean contains(GoroutineInfo goroutine) {
      return ids.contains(goroutine.id());
    }
  }

  /** The goroutines alive now. */
  public static Snapshot snapshot() {
    Set<Long> ids = new HashSet<>();
    for (GoroutineInfo goroutine : Goroutines.snapshot()) {
      ids.add(goroutine.id());
    }
    return new Snapshot(ids);
  }

  /**
   * The goroutines started after {@code before} that are alive and not ignored, waiting up to the
   * options' grace period for them to end; empty if none is left.
   */
  public static List<GoroutineInfo> leaked(Snapshot before, LeakOptions options) {
    long deadline = System.nanoTime() + options.gracePeriod().toNanos();
    long pause = FIRST_PAUSE_NANOS;
    while (true) {
      List<GoroutineInfo> left = new ArrayList<>();
      for (GoroutineInfo goroutine : Goroutines.snapshot()) {
        if (!before.contains(goroutine) && !options.ignores(goroutine)) {
          left.add(goroutine);
        }
      }
      long remaining = deadline - System.nanoTime();
      if (left.isEmpty() || remaining <= 0) {
        return left;
      }
      try {
        TimeUnit.NANOSECONDS.sleep(Math.min(pause, remaining));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return left;
      }
      pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
    }
  }

  /** {@link #verifyNone(Snapshot, LeakOptions)} with {@link LeakOptions#defaults()}. */
  public static void verifyNone(Snapshot before) {
    verifyNone(before, LeakOptions.defaults());
  }

  /**
   * Fails if goroutines started after {@code before} are still alive once the grace period is over.
   *
   * @throws AssertionError naming how many leaked, with the goroutine dump of exactly those
   */
  public static void verifyNone(Snapshot before, LeakOptions options) {
    List<GoroutineInfo> left = leaked(before, options);
    if (!left.isEmpty()) {
      throw new AssertionError(report(left, options.gracePeriod()));
    }
  }

  /** The failure message of a leak check that found {@code left}. */
  static String report(List<GoroutineInfo> left, Duration gracePeriod) {
    return (left.size() == 1
            ? "1 goroutine started during the test is"
            : left.size() + " goroutines started during the test are")
        + " still running "
        + gracePeriod.toMillis()
        + " ms after it ended:\n\n"
        + Goroutines.format(left);
  }
}
