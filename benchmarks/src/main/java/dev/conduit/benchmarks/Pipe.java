package dev.conduit.benchmarks;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Exchanger;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;

/**
 * One blocking channel-like hand-off, seen the same way for every competitor that blocks a thread
 * (all but Kotlin, whose channels suspend coroutines; see {@link KotlinCoroutines}).
 *
 * <p>Each benchmark JVM runs one implementation only (JMH forks per parameter set), so the call
 * through this interface is monomorphic and inlined; it costs every competitor the same.
 */
interface Pipe {
  /** Blocks until the value is handed over or buffered. */
  void send(Object value) throws InterruptedException;

  /** Blocks until a value arrives. */
  Object receive() throws InterruptedException;

  /**
   * A pipe of the named implementation.
   *
   * @param capacity 0 for a rendezvous; implementations that cannot honour the capacity refuse
   */
  static Pipe create(String impl, int capacity) {
    return switch (impl) {
      case Impl.CONDUIT -> conduit(capacity);
      case Impl.JOX -> jox(capacity);
      case Impl.SYNCHRONOUS_QUEUE -> {
        requireCapacity(impl, capacity, 0);
        yield putAndTake(new SynchronousQueue<>());
      }
      case Impl.LINKED_TRANSFER_QUEUE -> {
        // transfer() waits for a taker: LinkedTransferQueue used as a rendezvous.
        requireCapacity(impl, capacity, 0);
        LinkedTransferQueue<Object> queue = new LinkedTransferQueue<>();
        yield new Pipe() {
          @Override
          public void send(Object value) throws InterruptedException {
            queue.transfer(value);
          }

          @Override
          public Object receive() throws InterruptedException {
            return queue.take();
          }
        };
      }
      case Impl.EXCHANGER -> {
        // Valid only between exactly one sender and one receiver, which is how it is used.
        requireCapacity(impl, capacity, 0);
        Exchanger<Object> exchanger = new Exchanger<>();
        yield new Pipe() {
          @Override
          public void send(Object value) throws InterruptedException {
            exchanger.exchange(value);
          }

          @Override
          public Object receive() throws InterruptedException {
            return exchanger.exchange(Boolean.TRUE);
          }
        };
      }
      case Impl.ARRAY_BLOCKING_QUEUE -> {
        if (capacity == 0) {
          throw new IllegalArgumentException(impl + " has no rendezvous form");
        }
        yield putAndTake(new ArrayBlockingQueue<>(capacity));
      }
      default -> throw new IllegalArgumentException("no blocking pipe for " + impl);
    };
  }

  /** A JDK queue driven by its blocking {@code put} and {@code take}. */
  private static Pipe putAndTake(BlockingQueue<Object> queue) {
    return new Pipe() {
      @Override
      public void send(Object value) throws InterruptedException {
        queue.put(value);
      }

      @Override
      public Object receive() throws InterruptedException {
        return queue.take();
      }
    };
  }

  private static Pipe conduit(int capacity) {
    dev.conduit.Channel<Object> channel =
        capacity == 0 ? dev.conduit.Channel.unbuffered() : dev.conduit.Channel.buffered(capacity);
    return new Pipe() {
      @Override
      public void send(Object value) {
        channel.send(value);
      }

      @Override
      public Object receive() {
        return channel.receive();
      }
    };
  }

  private static Pipe jox(int capacity) {
    com.softwaremill.jox.Channel<Object> channel =
        capacity == 0
            ? com.softwaremill.jox.Channel.newRendezvousChannel()
            : com.softwaremill.jox.Channel.newBufferedChannel(capacity);
    return new Pipe() {
      @Override
      public void send(Object value) throws InterruptedException {
        channel.send(value);
      }

      @Override
      public Object receive() throws InterruptedException {
        return channel.receive();
      }
    };
  }

  private static void requireCapacity(String impl, int capacity, int only) {
    if (capacity != only) {
      throw new IllegalArgumentException(impl + " supports capacity " + only + " only");
    }
  }
}
