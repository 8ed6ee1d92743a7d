package dev.conduit.internal;

import dev.conduit.Channel;

/**
 * The two done channels that every context may share instead of creating its own: one that is never
 * closed (for contexts that can never be done) and one that is already closed (for contexts
 * cancelled before anybody asked for their done channel). Both are handed out only as receive-only
 * views, so no user can close or send on them.
 */
final class DoneChannels {
  private static final ChannelImpl<Void> NEVER_CORE = new ChannelImpl<>(0);
  private static final ChannelImpl<Void> CLOSED_CORE = new ChannelImpl<>(0);

  static final Channel<Void> NEVER = NEVER_CORE.receiveOnly();
  static final Channel<Void> CLOSED;

  static {
    CLOSED_CORE.close();
    CLOSED = CLOSED_CORE.receiveOnly();
  }

  private DoneChannels() {}

  /** Whether {@code channel} is the shared never-closed done channel (or a view of it). */
  static boolean isNever(ChannelImpl<?> channel) {
    return channel == NEVER_CORE;
  }
}
