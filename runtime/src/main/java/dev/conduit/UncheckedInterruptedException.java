package dev.conduit;

/**
 * A blocking Conduit operation was interrupted. The thread's interrupt status is still set when
 * this is thrown, so code further up that checks for interruption still sees it. The cause is the
 * {@link InterruptedException} that the JDK would have thrown.
 */
public class UncheckedInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UncheckedInterruptedException() {
    super("interrupted while blocked", new InterruptedException());
  }
}
