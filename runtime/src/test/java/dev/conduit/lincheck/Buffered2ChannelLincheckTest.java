package dev.conduit.lincheck;

/**
 * Model checking of send, receive, trySend, tryReceive, close and select on channels of capacity 2.
 */
public class Buffered2ChannelLincheckTest extends ChannelLincheckTestBase {
  @Override
  protected int capacity() {
    return 2;
  }
}
