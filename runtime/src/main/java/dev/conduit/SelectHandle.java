package dev.conduit;

import java.util.Objects;

/**
 * One direction of a Conduit channel, as {@link Select} needs it, and nothing else: a handle has no
 * public operation, so holding one gives no way to send, receive or close, nor to reach the channel
 * it stands for.
 *
 * <p>Handles exist so that channel types Conduit does not define, above all the typed channels its
 * annotation processor generates and their send and receive ends, can take part in a select through
 * {@link ReceiveSelectable} and {@link SendSelectable} without exposing the full channel. A handle
 * holds the channel's run-time direction view ({@link Channel#receiveOnly()} or {@link
 * Channel#sendOnly()}), so even reflective access stays on its side.
 *
 * @param <T> the type of the values of the channel
 */
public final class SelectHandle<T> {
  private final Channel<T> view;

  private SelectHandle(Channel<T> view) {
    this.view = view;
  }

  /** A handle that lets a select receive from {@code channel}, and do nothing else with it. */
  public static <T> SelectHandle<T> forReceiving(Channel<T> channel) {
    return new SelectHandle<>(Objects.requireNonNull(channel, "channel").receiveOnly());
  }

  /** A handle that lets a select send to {@code channel}, and do nothing else with it. */
  public static <T> SelectHandle<T> forSending(Channel<T> channel) {
    return new SelectHandle<>(Objects.requireNonNull(channel, "channel").sendOnly());
  }

  /** The direction view, for {@link Select} only. */
  Channel<T> view() {
    return view;
  }

  @Override
  public String toString() {
    return "SelectHandle[" + view + "]";
  }
}
