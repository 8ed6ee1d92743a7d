package dev.conduit.errorprone.util;

import com.google.errorprone.matchers.Description;
import java.util.function.Supplier;

/**
 * Keeps an unexpected failure inside a check from failing the user's build: an exception that
 * escapes a matcher stops javac, so a check that meets code it did not foresee reports nothing
 * instead.
 *
 * <p>Conduit's own tests set the system property {@value #RETHROW_PROPERTY} so that such a failure
 * fails the test rather than hiding a bug.
 */
public final class Guard {

  /** When {@code true}, failures are rethrown; only Conduit's tests set it. */
  public static final String RETHROW_PROPERTY = "conduit.errorprone.rethrow";

  private Guard() {}

  /** Runs {@code matcher}; an unexpected failure becomes {@link Description#NO_MATCH}. */
  public static Description run(Supplier<Description> matcher) {
    try {
      return matcher.get();
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      // LinkageError: a newer Error Prone or javac may have changed an API the check uses.
      if (Boolean.getBoolean(RETHROW_PROPERTY)) {
        throw e;
      }
      return Description.NO_MATCH;
    }
  }
}
