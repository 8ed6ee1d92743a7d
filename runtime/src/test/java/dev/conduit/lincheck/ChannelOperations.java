package dev.conduit.lincheck;

import dev.conduit.Channel;
import dev.conduit.ChannelClosedException;
import dev.conduit.RawChannel;
import dev.conduit.Select;
import java.lang.reflect.InvocationTargetException;
import java.util.OptionalLong;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The operations Lincheck runs against two channels {@code a} and {@code b} of one capacity: the
 * whole {@link Channel} vocabulary on each, and two-clause selects over both. Each test class fixes
 * the capacity and the kind of channel: {@link Channel}, or {@link RawChannel} (the engine of the
 * generated primitive channels), which has no select, so its scenarios leave selects out. Lincheck
 * makes a fresh instance, so fresh channels, for every run.
 *
 * <p>Every operation returns a string and catches {@link ChannelClosedException}, returning {@code
 * "closed"}: a closed channel is an outcome {@link ChannelModel} predicts, not an error. Any other
 * exception fails the check. A receive returns the value as text, a select names the clause that
 * fired ({@code "a=3"}, {@code "b=closed"}, {@code "b=sent"}, {@code "default"}).
 */
public abstract class ChannelOperations {
  private final Channel<Integer> a = Channel.buffered(capacity());
  private final Channel<Integer> b = Channel.buffered(capacity());
  private final RawChannel rawA = RawChannel.create(capacity());
  private final RawChannel rawB = RawChannel.create(capacity());

  /** The capacity of both channels; 0 is unbuffered. Must not depend on instance state. */
  protected abstract int capacity();

  /**
   * Whether the operations run on {@link RawChannel}s rather than {@link Channel}s. Must not depend
   * on instance state.
   */
  protected boolean raw() {
    return false;
  }

  static int capacityOf(Class<?> testClass) {
    return instance(testClass).capacity();
  }

  static boolean rawOf(Class<?> testClass) {
    return instance(testClass).raw();
  }

  private static ChannelOperations instance(Class<?> testClass) {
    try {
      return (ChannelOperations) testClass.getDeclaredConstructor().newInstance();
    } catch (InstantiationException
        | IllegalAccessException
        | InvocationTargetException
        | NoSuchMethodException e) {
      throw new IllegalStateException("cannot create " + testClass, e);
    }
  }

  @Operation(blocking = true)
  public String sendA(int value) {
    return raw() ? send(rawA, value) : send(a, value);
  }

  @Operation(blocking = true)
  public String sendB(int value) {
    return raw() ? send(rawB, value) : send(b, value);
  }

  @Operation
  public String trySendA(int value) {
    return raw() ? trySend(rawA, value) : trySend(a, value);
  }

  @Operation
  public String trySendB(int value) {
    return raw() ? trySend(rawB, value) : trySend(b, value);
  }

  @Operation(blocking = true)
  public String receiveA() {
    return raw() ? receive(rawA) : receive(a);
  }

  @Operation(blocking = true)
  public String receiveB() {
    return raw() ? receive(rawB) : receive(b);
  }

  @Operation
  public String tryReceiveA() {
    return raw() ? tryReceive(rawA) : String.valueOf(a.tryReceive());
  }

  @Operation
  public String tryReceiveB() {
    return raw() ? tryReceive(rawB) : String.valueOf(b.tryReceive());
  }

  @Operation
  public String closeA() {
    return raw() ? close(rawA) : close(a);
  }

  @Operation
  public String closeB() {
    return raw() ? close(rawB) : close(b);
  }

  /** {@code select { case v := <-a: ... case v := <-b: ... }} */
  @Operation(blocking = true)
  public String selectReceive() {
    return receiveBoth().await();
  }

  /** {@code select { case v := <-a: ... case v := <-b: ... default: ... }} */
  @Operation
  public String selectReceiveOrElse() {
    return receiveBoth().orElse(() -> "default").await();
  }

  /** {@code select { case v := <-a: ... case b <- value: ... }} */
  @Operation(blocking = true)
  public String selectReceiveASendB(int value) {
    try {
      return receiveAOrSendB(value).await();
    } catch (ChannelClosedException e) {
      return "b=closed";
    }
  }

  /** {@code select { case v := <-a: ... case b <- value: ... default: ... }} */
  @Operation
  public String selectReceiveASendBOrElse(int value) {
    try {
      return receiveAOrSendB(value).orElse(() -> "default").await();
    } catch (ChannelClosedException e) {
      return "b=closed";
    }
  }

  private Select<String> receiveBoth() {
    return Select.<String>select()
        .onReceive(a, v -> "a=" + (v == null ? "closed" : v))
        .onReceive(b, v -> "b=" + (v == null ? "closed" : v));
  }

  private Select<String> receiveAOrSendB(int value) {
    return Select.<String>select()
        .onReceive(a, v -> "a=" + (v == null ? "closed" : v))
        .onSend(b, value, () -> "b=sent");
  }

  private static String send(Channel<Integer> channel, int value) {
    try {
      channel.send(value);
      return "ok";
    } catch (ChannelClosedException e) {
      return "closed";
    }
  }

  private static String trySend(Channel<Integer> channel, int value) {
    try {
      return String.valueOf(channel.trySend(value));
    } catch (ChannelClosedException e) {
      return "closed";
    }
  }

  private static String receive(Channel<Integer> channel) {
    try {
      return String.valueOf(channel.receive());
    } catch (ChannelClosedException e) {
      return "closed";
    }
  }

  private static String send(RawChannel channel, int value) {
    try {
      channel.send(value);
      return "ok";
    } catch (ChannelClosedException e) {
      return "closed";
    }
  }

  private static String trySend(RawChannel channel, int value) {
    try {
      return String.valueOf(channel.trySend(value));
    } catch (ChannelClosedException e) {
      return "closed";
    }
  }

  private static String receive(RawChannel channel) {
    try {
      return String.valueOf((int) channel.receive());
    } catch (ChannelClosedException e) {
      return "closed";
    }
  }

  /** The same text as {@code String.valueOf(channel.tryReceive())} on a {@code Channel}. */
  private static String tryReceive(RawChannel channel) {
    OptionalLong v = channel.tryReceive();
    return v.isPresent() ? String.valueOf((int) v.getAsLong()) : "null";
  }

  private static String close(RawChannel channel) {
    try {
      channel.close();
      return "ok";
    } catch (ChannelClosedException e) {
      return "closed";
    }
  }

  private static String close(Channel<Integer> channel) {
    try {
      channel.close();
      return "ok";
    } catch (ChannelClosedException e) {
      return "closed";
    }
  }
}
