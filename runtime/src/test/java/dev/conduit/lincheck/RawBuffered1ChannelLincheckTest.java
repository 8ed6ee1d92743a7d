package dev.conduit.lincheck;

/** Model checking of send, receive, trySend, tryReceive and close on buffered(1) raw channels. */
public class RawBuffered1ChannelLincheckTest extends ChannelLincheckTestBase {
  @Override
  protected int capacity() {
    return 1;
  }

  @Override
  protected boolean raw() {
    return true;
  }
}
