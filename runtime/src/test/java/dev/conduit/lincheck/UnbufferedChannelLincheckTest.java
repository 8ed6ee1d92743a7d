package dev.conduit.lincheck;

/**
 * Model checking of send, receive, trySend, tryReceive, close and select on unbuffered channels.
 */
public class UnbufferedChannelLincheckTest extends ChannelLincheckTestBase {
  @Override
  protected int capacity() {
    return 0;
  }
}
