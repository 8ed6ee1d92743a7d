package dev.conduit.internal;

import dev.conduit.Context;
import dev.conduit.ContextDoneException;
import java.util.Objects;

/**
 * {@code Channel.send(ctx, value)}, {@code Channel.receive(ctx)} and the receives built on it
 * ({@code receiveOptional(ctx)}, {@code awaitSignal(ctx)}).
 *
 * <p>Three steps, each keeping "exactly one outcome": (1) if the context is already done, give up
 * without touching the channel; (2) try the operation under the channel's own lock only, so a ready
 * channel costs no more than a plain send or receive and never touches the done channel's lock,
 * which every goroutine of a request shares; (3) otherwise run a two-clause select of the operation
 * and the done channel on {@link SelectCore}, whose shared waiter lets exactly one clause fire. A
 * context that can never be done skips straight to the plain blocking operation.
 */
final class ContextChannelOps {
  private ContextChannelOps() {}

  static <T> void send(ChannelImpl<T> channel, Context ctx, T value) {
    Objects.requireNonNull(value, "a channel cannot carry null");
    if (!Contexts.canBeDone(ctx)) {
      channel.send(value);
      return;
    }
    throwIfDone(ctx);
    Object outcome;
    Thread wakeUp = null;
    channel.lock.lock();
    try {
      outcome = channel.sendLocked(value, 0);
      if (outcome != ChannelImpl.NOT_READY) {
        wakeUp = channel.takeWake();
      }
    } finally {
      channel.lock.unlock();
    }
    if (outcome != ChannelImpl.NOT_READY) {
      Waiter.wake(wakeUp);
      return;
    }
    // Only now that it must wait does it need the done channel (created on first use).
    SelectCore select = new SelectCore();
    select.addSend(channel, value);
    select.addReceive(doneCore(ctx));
    if (select.run(false, Long.MAX_VALUE) != 0) {
      throw doneError(ctx);
    }
  }

  /**
   * A receive that gives up when {@code ctx} is done; {@link ChannelImpl#CLOSED} once closed and
   * drained: the one path under {@code receive(ctx)}, {@code receiveOptional(ctx)} and {@code
   * awaitSignal(ctx)}.
   */
  static Object receiveOrClosed(ChannelImpl<?> channel, Context ctx) {
    if (!Contexts.canBeDone(ctx)) {
      return channel.receiveOrClosed();
    }
    throwIfDone(ctx);
    Object outcome;
    Thread wakeUp = null;
    channel.lock.lock();
    try {
      outcome = channel.receiveLocked();
      if (outcome != ChannelImpl.NOT_READY) {
        wakeUp = channel.takeWake();
      }
    } finally {
      channel.lock.unlock();
    }
    if (outcome != ChannelImpl.NOT_READY) {
      Waiter.wake(wakeUp);
      return outcome;
    }
    SelectCore select = new SelectCore();
    select.addReceive(channel);
    select.addReceive(doneCore(ctx));
    if (select.run(false, Long.MAX_VALUE) != 0) {
      throw doneError(ctx);
    }
    Object received = select.received();
    return received == null ? ChannelImpl.CLOSED : received;
  }

  private static ChannelImpl<?> doneCore(Context ctx) {
    if (ctx.done() instanceof ChannelRef<?> ref) {
      return ref.core();
    }
    throw new IllegalArgumentException(
        "a context whose done() is not a Conduit channel: " + ctx.getClass().getName());
  }

  private static void throwIfDone(Context ctx) {
    ContextDoneException err = ctx.err();
    if (err != null) {
      throw err.copy();
    }
  }

  /** The done clause fired: the context is done, so err() is set (it is set before the close). */
  private static ContextDoneException doneError(Context ctx) {
    return Objects.requireNonNull(ctx.err(), "done channel closed but err() is null").copy();
  }
}
