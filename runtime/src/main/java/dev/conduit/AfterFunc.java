package dev.conduit;

/**
 * The registration made by {@link Context#afterFunc(Runnable)}: Go's {@code stop} function returned
 * by {@code context.AfterFunc}.
 *
 * <pre>{@code
 * AfterFunc wakeOnCancel = ctx.afterFunc(() -> connection.abort());
 * try {
 *   connection.read(buffer); // a blocking call that knows nothing of contexts
 * } finally {
 *   wakeOnCancel.stop(); // unregisters it: otherwise it stays with ctx until ctx is done
 * }
 * }</pre>
 */
public interface AfterFunc {
  /**
   * Stops the function from being run. Returns {@code true} if this call stopped it, {@code false}
   * if it had already been started (the context is done) or stopped. It does not wait for a
   * function already started to finish.
   */
  boolean stop();
}
