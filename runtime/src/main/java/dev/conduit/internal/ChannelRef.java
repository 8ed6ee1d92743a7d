package dev.conduit.internal;

/** What {@link dev.conduit.Select} needs of a channel: the implementation and its direction. */
public interface ChannelRef<T> {
  ChannelImpl<T> core();

  boolean canSend();

  boolean canReceive();
}
