package com.example.broken;

import dev.conduit.Channel;
import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.annotations.SendOnly;

/** A pipeline stage with two declaration mistakes the processor reports. */
public interface Stage {
  void consume(@ReceiveOnly Channel<String> in, @SendOnly String label);

  /** Drops the direction its callers rely on. */
  abstract class Impl implements Stage {
    @Override
    public void consume(Channel<String> in, String label) {}
  }
}
