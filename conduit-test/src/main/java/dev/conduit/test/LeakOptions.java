package dev.conduit.test;

import dev.conduit.debug.GoroutineInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a leak check treats the goroutines it finds: which to ignore, how long to wait for the rest
 * to end, and (for the JUnit extension) how long a test may run. Immutable; every method returns a
 * new instance.
 */
public final class LeakOptions {
  /** How long a check waits for goroutines to end when nothing else is said, as goleak does. */
  public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(1);

  private final List<Pattern> ignoredNames;
  private final List<String> ignoredTopFunctions;
  private final List<String> ignoredAnyFunctions;
  private final Duration gracePeriod;
  private final @Nullable Duration timeout;

  private LeakOptions(
      List<Pattern> ignoredNames,
      List<String> ignoredTopFunctions,
      List<String> ignoredAnyFunctions,
      Duration gracePeriod,
      @Nullable Duration timeout) {
    this.ignoredNames = List.copyOf(ignoredNames);
    this.ignoredTopFunctions = List.copyOf(ignoredTopFunctions);
    this.ignoredAnyFunctions = List.copyOf(ignoredAnyFunctions);
    this.gracePeriod = gracePeriod;
    this.timeout = timeout;
  }

  /** Ignores nothing, waits {@link #DEFAULT_GRACE_PERIOD}, no timeout. */
  public static LeakOptions defaults() {
    return new LeakOptions(List.of(), List.of(), List.of(), DEFAULT_GRACE_PERIOD, null);
  }

  /** Also ignores goroutines whose whole name matches the regular expression {@code regex}. */
  public LeakOptions ignoreName(String regex) {
    List<Pattern> names = new ArrayList<>(ignoredNames);
    names.add(Pattern.compile(regex));
    return new LeakOptions(names, ignoredTopFunctions, ignoredAnyFunctions, gracePeriod, timeout);
  }

  /**
   * Also ignores goroutines whose topmost user frame is {@code function}, written {@code
   * com.example.Poller.run} (class and method; goleak's {@code IgnoreTopFunction}).
   */
  public LeakOptions ignoreTopFunction(String function) {
    List<String> top = new ArrayList<>(ignoredTopFunctions);
    top.add(Objects.requireNonNull(function, "function"));
    return new LeakOptions(ignoredNames, top, ignoredAnyFunctions, gracePeriod, timeout);
  }

  /** Also ignores goroutines with {@code function} (class and method) anywhere on their stack. */
  public LeakOptions ignoreAnyFunction(String function) {
    List<String> any = new ArrayList<>(ignoredAnyFunctions);
    any.add(Objects.requireNonNull(function, "function"));
    return new LeakOptions(ignoredNames, ignoredTopFunctions, any, gracePeriod, timeout);
  }

  /** How long to wait for goroutines to end before calling them leaked (zero: check once). */
  public LeakOptions gracePeriod(Duration period) {
    if (period.isNegative()) {
      throw new IllegalArgumentException("negative grace period: " + period);
    }
    return new LeakOptions(ignoredNames, ignoredTopFunctions, ignoredAnyFunctions, period, timeout);
  }

  /**
   * For the JUnit extension: fails a test that runs longer than {@code limit}, interrupting it and
   * printing the goroutine dump taken at that moment.
   */
  public LeakOptions timeout(Duration limit) {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + limit);
    }
    return new LeakOptions(
        ignoredNames, ignoredTopFunctions, ignoredAnyFunctions, gracePeriod, limit);
  }

  public Duration gracePeriod() {
    return gracePeriod;
  }

  public @Nullable Duration timeout() {
    return timeout;
  }

  /** Whether {@code goroutine} is one of the ignored ones. */
  public boolean ignores(GoroutineInfo goroutine) {
    for (Pattern name : ignoredNames) {
      if (name.matcher(goroutine.name()).matches()) {
        return true;
      }
    }
    String top = goroutine.topFunction();
    if (top != null && ignoredTopFunctions.contains(top)) {
      return true;
    }
    if (!ignoredAnyFunctions.isEmpty()) {
      for (StackTraceElement frame : goroutine.stack()) {
        if (ignoredAnyFunctions.contains(frame.getClassName() + "." + frame.getMethodName())) {
          return true;
        }
      }
    }
    return false;
  }
}
