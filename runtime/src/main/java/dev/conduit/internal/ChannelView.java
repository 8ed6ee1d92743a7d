package dev.conduit.internal;

import dev.conduit.Channel;
import dev.conduit.Context;
import java.util.Iterator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A one-direction view of a channel: operations of the other direction throw {@link
 * UnsupportedOperationException}. Views of views keep the narrower direction.
 */
final class ChannelView<T> implements Channel<T>, ChannelRef<T> {
  private final ChannelImpl<T> channel;
  private final boolean sendSide;

  ChannelView(ChannelImpl<T> channel, boolean sendSide) {
    this.channel = channel;
    this.sendSide = sendSide;
  }

  @Override
  public ChannelImpl<T> core() {
    return channel;
  }

  @Override
  public boolean canSend() {
    return sendSide;
  }

  @Override
  public boolean canReceive() {
    return !sendSide;
  }

  private void requireSend(String operation) {
    if (!sendSide) {
      throw new UnsupportedOperationException(operation + " on a receive-only channel");
    }
  }

  private void requireReceive(String operation) {
    if (sendSide) {
      throw new UnsupportedOperationException(operation + " on a send-only channel");
    }
  }

  @Override
  public void send(T value) {
    requireSend("send");
    channel.send(value);
  }

  @Override
  public boolean trySend(T value) {
    requireSend("trySend");
    return channel.trySend(value);
  }

  @Override
  public void close() {
    requireSend("close");
    channel.close();
  }

  @Override
  public T receive() {
    requireReceive("receive");
    return channel.receive();
  }

  @Override
  public Optional<T> receiveOptional() {
    requireReceive("receiveOptional");
    return channel.receiveOptional();
  }

  @Override
  public void awaitSignal() {
    requireReceive("awaitSignal");
    channel.awaitSignal();
  }

  @Override
  public @Nullable T tryReceive() {
    requireReceive("tryReceive");
    return channel.tryReceive();
  }

  @Override
  public Iterator<T> iterator() {
    requireReceive("iteration");
    return channel.iterator();
  }

  @Override
  public boolean isClosed() {
    return channel.isClosed();
  }

  @Override
  public int len() {
    return channel.len();
  }

  @Override
  public int cap() {
    return channel.cap();
  }

  @Override
  public Channel<T> receiveOnly() {
    requireReceive("receiveOnly");
    return this;
  }

  @Override
  public Channel<T> sendOnly() {
    requireSend("sendOnly");
    return this;
  }

  @Override
  public String toString() {
    return channel + (sendSide ? " (send-only view)" : " (receive-only view)");
  }

  @Override
  public void send(Context ctx, T value) {
    requireSend("send");
    channel.send(ctx, value);
  }

  @Override
  public T receive(Context ctx) {
    requireReceive("receive");
    return channel.receive(ctx);
  }

  @Override
  public Optional<T> receiveOptional(Context ctx) {
    requireReceive("receiveOptional");
    return channel.receiveOptional(ctx);
  }

  @Override
  public void awaitSignal(Context ctx) {
    requireReceive("awaitSignal");
    channel.awaitSignal(ctx);
  }
}
