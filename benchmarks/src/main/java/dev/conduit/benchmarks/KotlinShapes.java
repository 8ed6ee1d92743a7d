package dev.conduit.benchmarks;

import static dev.conduit.benchmarks.KotlinCoroutines.SUSPENDED;

import dev.conduit.benchmarks.KotlinCoroutines.Coroutine;
import dev.conduit.benchmarks.KotlinCoroutines.Group;
import kotlin.Unit;
import kotlin.coroutines.Continuation;
import kotlin.jvm.functions.Function2;
import kotlinx.coroutines.channels.BufferOverflow;
import kotlinx.coroutines.channels.Channel;
import kotlinx.coroutines.channels.ChannelKt;
import kotlinx.coroutines.selects.SelectImplementation;

/**
 * The coroutine bodies the benchmarks need, each the state machine of a small Kotlin loop (quoted
 * in its Javadoc). A field {@code state} records which suspend call is outstanding, as kotlinc's
 * {@code label} does, and like kotlinc's code every field is written before the suspending call:
 * once a call has returned {@link KotlinCoroutines#SUSPENDED}, the resumption may already be
 * running on another thread, so the suspended invocation touches nothing more.
 */
final class KotlinShapes {
  private static final int RUNNING = 0; // not yet suspended
  private static final int IN_SEND = 1;
  private static final int IN_RECEIVE = 2;

  private KotlinShapes() {}

  /** {@code Channel<Any>(capacity)}; capacity 0 is Kotlin's RENDEZVOUS. */
  static Channel<Object> channel(int capacity) {
    return ChannelKt.Channel(capacity, BufferOverflow.SUSPEND, null);
  }

  /** {@code repeat(count) { channel.send(value) }} */
  static final class Sender extends Coroutine {
    private final Channel<Object> channel;
    private final int count;
    private int sent;

    Sender(Group group, Channel<Object> channel, int count) {
      super(group);
      this.channel = channel;
      this.count = count;
    }

    @Override
    Object resume(Object resumed) {
      while (sent < count) {
        // Counted before the call: a suspended send has completed once this coroutine resumes.
        sent++;
        if (channel.send(Message.VALUE, this) == SUSPENDED) {
          return SUSPENDED;
        }
      }
      return Unit.INSTANCE;
    }
  }

  /** {@code repeat(count) { channel.receive() }} */
  static final class Receiver extends Coroutine {
    private final Channel<Object> channel;
    private final int count;
    private int received;

    Receiver(Group group, Channel<Object> channel, int count) {
      super(group);
      this.channel = channel;
      this.count = count;
    }

    @Override
    Object resume(Object resumed) {
      while (received < count) {
        received++;
        if (channel.receive(this) == SUSPENDED) {
          return SUSPENDED;
        }
      }
      return Unit.INSTANCE;
    }
  }

  /** {@code repeat(count) { output.send(input.receive()) }}: a pipeline stage or an echo. */
  static final class Relay extends Coroutine {
    private final Channel<Object> input;
    private final Channel<Object> output;
    private final int count;
    private int relayed;
    private int state = RUNNING;

    Relay(Group group, Channel<Object> input, Channel<Object> output, int count) {
      super(group);
      this.input = input;
      this.output = output;
      this.count = count;
    }

    @Override
    Object resume(Object resumed) {
      // A resumed send needs nothing: it was counted before the call.
      Object value = state == IN_RECEIVE ? resumed : null;
      while (true) {
        if (value == null) {
          if (relayed == count) {
            return Unit.INSTANCE;
          }
          state = IN_RECEIVE;
          value = input.receive(this);
          if (value == SUSPENDED) {
            return SUSPENDED;
          }
        }
        relayed++;
        state = IN_SEND;
        Object sent = output.send(value, this);
        value = null;
        if (sent == SUSPENDED) {
          return SUSPENDED;
        }
      }
    }
  }

  /** {@code repeat(count) { output.send(value); input.receive() }}: one side of a ping-pong. */
  static final class RoundTrip extends Coroutine {
    private final Channel<Object> output;
    private final Channel<Object> input;
    private final int count;
    private int trips;
    private int state = RUNNING;

    RoundTrip(Group group, Channel<Object> output, Channel<Object> input, int count) {
      super(group);
      this.output = output;
      this.input = input;
      this.count = count;
    }

    @Override
    Object resume(Object resumed) {
      // A resumed receive needs nothing: the trip was counted before the call.
      boolean sent = state == IN_SEND;
      while (true) {
        if (!sent) {
          if (trips == count) {
            return Unit.INSTANCE;
          }
          state = IN_SEND;
          if (output.send(Message.VALUE, this) == SUSPENDED) {
            return SUSPENDED;
          }
        }
        sent = false;
        trips++;
        state = IN_RECEIVE;
        if (input.receive(this) == SUSPENDED) {
          return SUSPENDED;
        }
      }
    }
  }

  /**
   * {@code repeat(count) { select { for (c in channels) c.onReceive { it } } }}: what Kotlin's
   * inline {@code select} expands to, a fresh {@code SelectImplementation} per select.
   */
  static final class Selector extends Coroutine {
    private static final Function2<Object, Continuation<? super Object>, Object> IDENTITY =
        (value, continuation) -> value;

    private final Channel<Object>[] channels;
    private final int count;
    private int selected;

    Selector(Group group, Channel<Object>[] channels, int count) {
      super(group);
      this.channels = channels;
      this.count = count;
    }

    @Override
    Object resume(Object resumed) {
      while (selected < count) {
        selected++;
        SelectImplementation<Object> select = new SelectImplementation<>(getContext());
        for (Channel<Object> channel : channels) {
          select.invoke(channel.getOnReceive(), IDENTITY);
        }
        if (select.doSelect(this) == SUSPENDED) {
          return SUSPENDED;
        }
      }
      return Unit.INSTANCE;
    }
  }
}
