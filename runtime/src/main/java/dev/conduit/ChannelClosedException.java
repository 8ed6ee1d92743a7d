package dev.conduit;

/**
 * A channel operation that Go would answer with a panic or with {@code ok == false}: a send to a
 * closed channel, a second close, or a {@link Channel#receive() receive} from a channel that is
 * closed and has no values left.
 */
public class ChannelClosedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public ChannelClosedException(String message) {
    super(message);
  }
}
