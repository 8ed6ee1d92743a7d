package dev.conduit;

/**
 * Work for {@link ErrGroup#go(ThrowingRunnable)} that may throw any exception, checked ones
 * included, the way a Go function returns an {@code error}.
 */
@FunctionalInterface
public interface ThrowingRunnable {
  /** Does the work; throwing reports its failure to the group. */
  void run() throws Exception;
}
