package com.example.mistakes;

import dev.conduit.Channel;
import dev.conduit.annotations.SendOnly;

/** Reads from a channel it may only send on. */
final class ChannelDirectionMistake {
  private ChannelDirectionMistake() {}

  static int echo(@SendOnly Channel<Integer> out) {
    out.send(1);
    return out.receive();
  }
}
