package ticks;

import dev.conduit.RawChannel;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.PrimitiveIterator;
import java.util.function.IntConsumer;
import javax.annotation.processing.Generated;

/**
 * A channel of {@code int} values that never boxes them: Go's {@code chan int}, generated for {@code @GenerateChannel(primitives = int.class)} on {@code Tick}.
 *
 * <p>It behaves like {@link dev.conduit.Channel} (blocking, closing, iteration), except that it cannot take part in a {@link dev.conduit.Select} and {@link #tryReceive()} returns an {@link OptionalInt}. Sends into a buffer with room and receives of buffered values allocate nothing. Pass {@link #sendEnd()} or {@link #receiveEnd()} where Go passes {@code chan<- int} or {@code <-chan int}.
 */
@Generated("dev.conduit.processor.ConduitProcessor")
public final class IntChannel {
  private final RawChannel channel;

  private final SendEnd sendEnd;

  private final ReceiveEnd receiveEnd;

  private IntChannel(RawChannel channel) {
    this.channel = channel;
    this.sendEnd = new SendEnd(channel);
    this.receiveEnd = new ReceiveEnd(channel);
  }

  /**
   * A channel without a buffer: each send waits for a receiver.
   */
  public static IntChannel unbuffered() {
    return new IntChannel(RawChannel.create(0));
  }

  /**
   * A channel that holds up to {@code capacity} values nobody has received yet.
   *
   * @throws IllegalArgumentException if {@code capacity} is negative
   */
  public static IntChannel buffered(int capacity) {
    return new IntChannel(RawChannel.create(capacity));
  }

  /**
   * Sends {@code value}, blocking until a receiver takes it or the buffer has room: Go's {@code ch <- value}.
   */
  public void send(int value) {
    channel.send((long) value);
  }

  /**
   * Sends {@code value} only if that needs no waiting; returns whether it was sent.
   */
  public boolean trySend(int value) {
    return channel.trySend((long) value);
  }

  /**
   * Closes the channel: no more values may be sent.
   */
  public void close() {
    channel.close();
  }

  /**
   * Receives the next value, blocking until one is sent: Go's {@code v := <-ch}.
   *
   * @throws dev.conduit.ChannelClosedException if the channel is closed and drained
   */
  public int receive() {
    return (int) channel.receive();
  }

  /**
   * Receives the next value, blocking until one is sent; empty once the channel is closed and drained: Go's {@code v, ok := <-ch}.
   */
  public OptionalInt receiveOptional() {
    OptionalLong bits = channel.receiveOptional();
    return bits.isPresent() ? OptionalInt.of((int) bits.getAsLong()) : OptionalInt.empty();
  }

  /**
   * Receives a value only if one is available now; empty otherwise, including once the channel is closed and drained.
   */
  public OptionalInt tryReceive() {
    OptionalLong bits = channel.tryReceive();
    return bits.isPresent() ? OptionalInt.of((int) bits.getAsLong()) : OptionalInt.empty();
  }

  /**
   * Receives values until the channel is closed and drained: Go's {@code for v := range ch}. {@code nextInt()} does not box.
   */
  public PrimitiveIterator.OfInt iterator() {
    return new PrimitiveIterator.OfInt() {
      private final PrimitiveIterator.OfLong bits;

      {
        bits = channel.iterator();
      }

      @Override
      public boolean hasNext() {
        return bits.hasNext();
      }

      @Override
      public int nextInt() {
        return (int) bits.nextLong();
      }
    };
  }

  /**
   * Receives values until the channel is closed and drained, passing each to {@code action}: Go's {@code for v := range ch}, without boxing.
   */
  public void forEach(IntConsumer action) {
    for (PrimitiveIterator.OfInt values = iterator(); values.hasNext(); ) {
      action.accept(values.nextInt());
    }
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
   * The send end of this channel (Go's {@code chan<- int}).
   */
  public SendEnd sendEnd() {
    return sendEnd;
  }

  /**
   * The receive end of this channel (Go's {@code <-chan int}).
   */
  public ReceiveEnd receiveEnd() {
    return receiveEnd;
  }

  @Override
  public String toString() {
    return "IntChannel " + channel;
  }

  /**
   * The send end of an {@link IntChannel}: Go's {@code chan<- int}. It can send and close, and has no operation that receives nor any way to reach the channel itself.
   */
  public static final class SendEnd {
    private final RawChannel channel;

    private SendEnd(RawChannel channel) {
      this.channel = channel;
    }

    /**
     * Sends {@code value}, blocking until a receiver takes it or the buffer has room: Go's {@code ch <- value}.
     */
    public void send(int value) {
      channel.send((long) value);
    }

    /**
     * Sends {@code value} only if that needs no waiting; returns whether it was sent.
     */
    public boolean trySend(int value) {
      return channel.trySend((long) value);
    }

    /**
     * Closes the channel: no more values may be sent.
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
    public String toString() {
      return "IntChannel.SendEnd " + channel;
    }
  }

  /**
   * The receive end of an {@link IntChannel}: Go's {@code <-chan int}. It can receive, and has no operation that sends or closes nor any way to reach the channel itself.
   */
  public static final class ReceiveEnd {
    private final RawChannel channel;

    private ReceiveEnd(RawChannel channel) {
      this.channel = channel;
    }

    /**
     * Receives the next value, blocking until one is sent: Go's {@code v := <-ch}.
     *
     * @throws dev.conduit.ChannelClosedException if the channel is closed and drained
     */
    public int receive() {
      return (int) channel.receive();
    }

    /**
     * Receives the next value, blocking until one is sent; empty once the channel is closed and drained: Go's {@code v, ok := <-ch}.
     */
    public OptionalInt receiveOptional() {
      OptionalLong bits = channel.receiveOptional();
      return bits.isPresent() ? OptionalInt.of((int) bits.getAsLong()) : OptionalInt.empty();
    }

    /**
     * Receives a value only if one is available now; empty otherwise, including once the channel is closed and drained.
     */
    public OptionalInt tryReceive() {
      OptionalLong bits = channel.tryReceive();
      return bits.isPresent() ? OptionalInt.of((int) bits.getAsLong()) : OptionalInt.empty();
    }

    /**
     * Receives values until the channel is closed and drained: Go's {@code for v := range ch}. {@code nextInt()} does not box.
     */
    public PrimitiveIterator.OfInt iterator() {
      return new PrimitiveIterator.OfInt() {
        private final PrimitiveIterator.OfLong bits;

        {
          bits = channel.iterator();
        }

        @Override
        public boolean hasNext() {
          return bits.hasNext();
        }

        @Override
        public int nextInt() {
          return (int) bits.nextLong();
        }
      };
    }

    /**
     * Receives values until the channel is closed and drained, passing each to {@code action}: Go's {@code for v := range ch}, without boxing.
     */
    public void forEach(IntConsumer action) {
      for (PrimitiveIterator.OfInt values = iterator(); values.hasNext(); ) {
        action.accept(values.nextInt());
      }
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
    public String toString() {
      return "IntChannel.ReceiveEnd " + channel;
    }
  }
}
