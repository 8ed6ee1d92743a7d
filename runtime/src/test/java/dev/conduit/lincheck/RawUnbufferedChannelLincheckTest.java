package dev.conduit.lincheck;

/** Model checking of send, receive, trySend, tryReceive and close on unbuffered raw channels. */
public class RawUnbufferedChannelLincheckTest extends ChannelLincheckTestBase {
  @Override
  protected int capacity() {
    return 0;
  }

  @Override
  protected boolean raw() {
    return true;
  }
}
