package com.example.shop;

import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.ReceiveSelectable;
import dev.conduit.SelectHandle;
import dev.conduit.SendSelectable;
import java.util.Iterator;
import java.util.Optional;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.Nullable;

/**
 * A channel of {@link Warehouse.Parcel} values: Go's {@code chan Warehouse.Parcel}, generated for {@code @GenerateChannel} on {@code Warehouse.Parcel}.
 *
 * <p>It behaves like {@link Channel}{@code <Warehouse.Parcel>}, which describes blocking, closing and iteration, and it works in {@link dev.conduit.Select}. Where Go passes {@code chan<- Warehouse.Parcel} or {@code <-chan Warehouse.Parcel}, pass {@link #sendEnd()} or {@link #receiveEnd()}: each has only its own direction's operations and no way back to this channel.
 */
@Generated("dev.conduit.processor.ConduitProcessor")
final class WarehouseParcelChannel implements Iterable<Warehouse.Parcel>, SendSelectable<Warehouse.Parcel>, ReceiveSelectable<Warehouse.Parcel> {
  private final Channel<Warehouse.Parcel> channel;

  private final SendEnd sendEnd;

  private final ReceiveEnd receiveEnd;

  private WarehouseParcelChannel(Channel<Warehouse.Parcel> channel) {
    this.channel = channel;
    this.sendEnd = new SendEnd(channel.sendOnly());
    this.receiveEnd = new ReceiveEnd(channel.receiveOnly());
  }

  /**
   * A channel without a buffer: each send waits for a receiver (Go's {@code make(chan Warehouse.Parcel)}).
   */
  public static WarehouseParcelChannel unbuffered() {
    return new WarehouseParcelChannel(Channel.unbuffered());
  }

  /**
   * A channel that holds up to {@code capacity} values nobody has received yet (Go's {@code make(chan Warehouse.Parcel, capacity)}).
   *
   * @throws IllegalArgumentException if {@code capacity} is negative
   */
  public static WarehouseParcelChannel buffered(int capacity) {
    return new WarehouseParcelChannel(Channel.buffered(capacity));
  }

  /**
   * Sends {@code value}, blocking until a receiver takes it or the buffer has room: Go's {@code ch <- value}. See {@link Channel#send(Object)}.
   */
  public void send(Warehouse.Parcel value) {
    channel.send(value);
  }

  /**
   * Sends {@code value}, giving up when {@code ctx} is done. See {@link Channel#send(Context, Object)}.
   */
  public void send(Context ctx, Warehouse.Parcel value) {
    channel.send(ctx, value);
  }

  /**
   * Sends {@code value} only if that needs no waiting; returns whether it was sent. See {@link Channel#trySend(Object)}.
   */
  public boolean trySend(Warehouse.Parcel value) {
    return channel.trySend(value);
  }

  /**
   * Closes the channel: no more {@code Warehouse.Parcel} values may be sent. See {@link Channel#close()}.
   */
  public void close() {
    channel.close();
  }

  /**
   * Receives the next value, blocking until one is sent: Go's {@code v := <-ch}. See {@link Channel#receive()}.
   */
  public Warehouse.Parcel receive() {
    return channel.receive();
  }

  /**
   * Receives the next value, giving up when {@code ctx} is done. See {@link Channel#receive(Context)}.
   */
  public Warehouse.Parcel receive(Context ctx) {
    return channel.receive(ctx);
  }

  /**
   * Receives the next value, or empty once the channel is closed and drained: Go's {@code v, ok := <-ch}. See {@link Channel#receiveOptional()}.
   */
  public Optional<Warehouse.Parcel> receiveOptional() {
    return channel.receiveOptional();
  }

  /**
   * Receives like {@link #receiveOptional()}, giving up when {@code ctx} is done. See {@link Channel#receiveOptional(Context)}.
   */
  public Optional<Warehouse.Parcel> receiveOptional(Context ctx) {
    return channel.receiveOptional(ctx);
  }

  /**
   * Receives a value only if one is available now, else returns {@code null}. See {@link Channel#tryReceive()}.
   */
  public Warehouse. @Nullable Parcel tryReceive() {
    return channel.tryReceive();
  }

  /**
   * Receives values until the channel is closed and drained: Go's {@code for v := range ch}. See {@link Channel#iterator()}.
   */
  @Override
  public Iterator<Warehouse.Parcel> iterator() {
    return channel.iterator();
  }

  /**
   * Whether the channel has been closed; values may still wait.
   */
  public boolean isClosed() {
    return channel.isClosed();
  }

  /**
   * How many values wait in the buffer now: Go's {@code len(ch)}.
   */
  public int len() {
    return channel.len();
  }

  /**
   * The buffer's capacity, 0 when unbuffered: Go's {@code cap(ch)}.
   */
  public int cap() {
    return channel.cap();
  }

  /**
   * The send end of this channel (Go's {@code chan<- Warehouse.Parcel}), for code that only sends and closes.
   */
  public SendEnd sendEnd() {
    return sendEnd;
  }

  /**
   * The receive end of this channel (Go's {@code <-chan Warehouse.Parcel}), for code that only receives.
   */
  public ReceiveEnd receiveEnd() {
    return receiveEnd;
  }

  /**
   * This channel as a plain {@link Channel}, for code written against {@code Channel<Warehouse.Parcel>}.
   */
  public Channel<Warehouse.Parcel> asChannel() {
    return channel;
  }

  @Override
  public SelectHandle<Warehouse.Parcel> sendHandle() {
    return sendEnd.sendHandle();
  }

  @Override
  public SelectHandle<Warehouse.Parcel> receiveHandle() {
    return receiveEnd.receiveHandle();
  }

  @Override
  public String toString() {
    return "WarehouseParcelChannel " + channel;
  }

  /**
   * The send end of a {@link WarehouseParcelChannel}: Go's {@code chan<- Warehouse.Parcel}. It can send and close, and has no operation that receives nor any way to reach the channel itself.
   */
  public static final class SendEnd implements SendSelectable<Warehouse.Parcel> {
    /**
     * The run-time send-only view, so that not even reflection reaches the other direction.
     */
    private final Channel<Warehouse.Parcel> channel;

    private final SelectHandle<Warehouse.Parcel> handle;

    private SendEnd(Channel<Warehouse.Parcel> channel) {
      this.channel = channel;
      this.handle = SelectHandle.forSending(channel);
    }

    /**
     * Sends {@code value}, blocking until a receiver takes it or the buffer has room: Go's {@code ch <- value}. See {@link Channel#send(Object)}.
     */
    public void send(Warehouse.Parcel value) {
      channel.send(value);
    }

    /**
     * Sends {@code value}, giving up when {@code ctx} is done. See {@link Channel#send(Context, Object)}.
     */
    public void send(Context ctx, Warehouse.Parcel value) {
      channel.send(ctx, value);
    }

    /**
     * Sends {@code value} only if that needs no waiting; returns whether it was sent. See {@link Channel#trySend(Object)}.
     */
    public boolean trySend(Warehouse.Parcel value) {
      return channel.trySend(value);
    }

    /**
     * Closes the channel: no more {@code Warehouse.Parcel} values may be sent. See {@link Channel#close()}.
     */
    public void close() {
      channel.close();
    }

    /**
     * Whether the channel has been closed; values may still wait.
     */
    public boolean isClosed() {
      return channel.isClosed();
    }

    /**
     * How many values wait in the buffer now: Go's {@code len(ch)}.
     */
    public int len() {
      return channel.len();
    }

    /**
     * The buffer's capacity, 0 when unbuffered: Go's {@code cap(ch)}.
     */
    public int cap() {
      return channel.cap();
    }

    @Override
    public SelectHandle<Warehouse.Parcel> sendHandle() {
      return handle;
    }

    @Override
    public String toString() {
      return "WarehouseParcelChannel.SendEnd " + channel;
    }
  }

  /**
   * The receive end of a {@link WarehouseParcelChannel}: Go's {@code <-chan Warehouse.Parcel}. It can receive and be iterated over, and has no operation that sends or closes nor any way to reach the channel itself.
   */
  public static final class ReceiveEnd implements Iterable<Warehouse.Parcel>, ReceiveSelectable<Warehouse.Parcel> {
    /**
     * The run-time receive-only view, so that not even reflection reaches the other direction.
     */
    private final Channel<Warehouse.Parcel> channel;

    private final SelectHandle<Warehouse.Parcel> handle;

    private ReceiveEnd(Channel<Warehouse.Parcel> channel) {
      this.channel = channel;
      this.handle = SelectHandle.forReceiving(channel);
    }

    /**
     * Receives the next value, blocking until one is sent: Go's {@code v := <-ch}. See {@link Channel#receive()}.
     */
    public Warehouse.Parcel receive() {
      return channel.receive();
    }

    /**
     * Receives the next value, giving up when {@code ctx} is done. See {@link Channel#receive(Context)}.
     */
    public Warehouse.Parcel receive(Context ctx) {
      return channel.receive(ctx);
    }

    /**
     * Receives the next value, or empty once the channel is closed and drained: Go's {@code v, ok := <-ch}. See {@link Channel#receiveOptional()}.
     */
    public Optional<Warehouse.Parcel> receiveOptional() {
      return channel.receiveOptional();
    }

    /**
     * Receives like {@link #receiveOptional()}, giving up when {@code ctx} is done. See {@link Channel#receiveOptional(Context)}.
     */
    public Optional<Warehouse.Parcel> receiveOptional(Context ctx) {
      return channel.receiveOptional(ctx);
    }

    /**
     * Receives a value only if one is available now, else returns {@code null}. See {@link Channel#tryReceive()}.
     */
    public Warehouse. @Nullable Parcel tryReceive() {
      return channel.tryReceive();
    }

    /**
     * Receives values until the channel is closed and drained: Go's {@code for v := range ch}. See {@link Channel#iterator()}.
     */
    @Override
    public Iterator<Warehouse.Parcel> iterator() {
      return channel.iterator();
    }

    /**
     * Whether the channel has been closed; values may still wait.
     */
    public boolean isClosed() {
      return channel.isClosed();
    }

    /**
     * How many values wait in the buffer now: Go's {@code len(ch)}.
     */
    public int len() {
      return channel.len();
    }

    /**
     * The buffer's capacity, 0 when unbuffered: Go's {@code cap(ch)}.
     */
    public int cap() {
      return channel.cap();
    }

    @Override
    public SelectHandle<Warehouse.Parcel> receiveHandle() {
      return handle;
    }

    @Override
    public String toString() {
      return "WarehouseParcelChannel.ReceiveEnd " + channel;
    }
  }
}
