package com.example.broken;

import dev.conduit.Channel;
import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.annotations.SendOnly;

/** A channel cannot be send-only and receive-only at once. */
public interface Both {
  void relay(@SendOnly @ReceiveOnly Channel<String> ch);
}
