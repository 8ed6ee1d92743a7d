package dev.conduit.lincheck;

/**
 * Model checking of send, receive, trySend, tryReceive, close and select on channels of capacity 1.
 */
public class Buffered1ChannelLincheckTest extends ChannelLincheckTestBase {
  @Override
  protected int capacity() {
    return 1;
  }
}
