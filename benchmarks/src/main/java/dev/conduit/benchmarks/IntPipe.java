package dev.conduit.benchmarks;

import dev.conduit.Channel;
import dev.conduit.RawChannel;

/**
 * A blocking hand-off of {@code int} values, for comparing Conduit's {@code Channel<Integer>} with
 * its primitive channel. The primitive side calls {@link RawChannel} the way the {@code IntChannel}
 * that Conduit's annotation processor generates does (a final wrapper whose methods are one cast
 * and one call, inlined by the JIT); generating it here would put the processor, with its checks,
 * into this module's build for no difference in the code that runs.
 */
interface IntPipe {
  void send(int value);

  int receive();

  static boolean handles(String impl) {
    return impl.equals(Impl.CONDUIT_INTEGER) || impl.equals(Impl.CONDUIT_INT);
  }

  static IntPipe create(String impl, int capacity) {
    if (impl.equals(Impl.CONDUIT_INT)) {
      RawChannel channel = RawChannel.create(capacity);
      return new IntPipe() {
        @Override
        public void send(int value) {
          channel.send((long) value);
        }

        @Override
        public int receive() {
          return (int) channel.receive();
        }
      };
    }
    if (impl.equals(Impl.CONDUIT_INTEGER)) {
      Channel<Integer> channel = Channel.buffered(capacity);
      return new IntPipe() {
        @Override
        public void send(int value) {
          channel.send(value);
        }

        @Override
        public int receive() {
          return channel.receive();
        }
      };
    }
    throw new IllegalArgumentException("no int pipe for " + impl);
  }
}
