package com.example.broken;

import dev.conduit.annotations.SendOnly;

/** A receive end marked send-only: the annotation contradicts what the type can do. */
public interface Shop {
  void publish(@SendOnly OrderChannel.ReceiveEnd orders);
}
