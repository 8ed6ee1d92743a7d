package com.example.mistakes;

import dev.conduit.Channel;
import dev.conduit.annotations.SendOnly;

/** The ChannelDirection mistake again, suppressed on purpose: it must not be reported. */
final class Suppressed {
  private Suppressed() {}

  @SuppressWarnings("ChannelDirection") // a test double that peeks at what it was sent
  static int echo(@SendOnly Channel<Integer> out) {
    out.send(1);
    return out.receive();
  }
}
