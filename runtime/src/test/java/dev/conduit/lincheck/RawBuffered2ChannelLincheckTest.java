package dev.conduit.lincheck;

/** Model checking of send, receive, trySend, tryReceive and close on buffered(2) raw channels. */
public class RawBuffered2ChannelLincheckTest extends ChannelLincheckTestBase {
  @Override
  protected int capacity() {
    return 2;
  }

  @Override
  protected boolean raw() {
    return true;
  }
}
