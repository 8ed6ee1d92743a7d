package dev.conduit.benchmarks;

import dev.conduit.benchmarks.KotlinCoroutines.Group;
import dev.conduit.benchmarks.KotlinShapes.Relay;
import dev.conduit.benchmarks.KotlinShapes.RoundTrip;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendezvous ping-pong: one goroutine sends on {@code ping} and waits on {@code pong}, the other
 * echoes. One operation is one round trip, that is two rendezvous hand-offs and two wake-ups.
 * Exchanger does each hand-off as one exchange.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class PingPongBenchmark {
  static final int ROUND_TRIPS = 10_000;

  @Param({
    Impl.CONDUIT,
    Impl.CONDUIT_INTEGER,
    Impl.CONDUIT_INT,
    Impl.JOX,
    Impl.KOTLIN,
    Impl.SYNCHRONOUS_QUEUE,
    Impl.LINKED_TRANSFER_QUEUE,
    Impl.EXCHANGER
  })
  public String impl;

  private Pipe ping;
  private Pipe pong;
  private IntPipe intPing;
  private IntPipe intPong;
  private kotlinx.coroutines.channels.Channel<Object> kotlinPing;
  private kotlinx.coroutines.channels.Channel<Object> kotlinPong;

  @Setup
  public void setup() {
    if (impl.equals(Impl.KOTLIN)) {
      kotlinPing = KotlinShapes.channel(0);
      kotlinPong = KotlinShapes.channel(0);
    } else if (IntPipe.handles(impl)) {
      intPing = IntPipe.create(impl, 0);
      intPong = IntPipe.create(impl, 0);
    } else {
      ping = Pipe.create(impl, 0);
      pong = Pipe.create(impl, 0);
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROUND_TRIPS)
  public void roundTrip() throws InterruptedException {
    if (kotlinPing != null) {
      Group group = new Group(2);
      group.launch(new RoundTrip(group, kotlinPing, kotlinPong, ROUND_TRIPS));
      group.launch(new Relay(group, kotlinPing, kotlinPong, ROUND_TRIPS));
      group.join();
      return;
    }
    if (intPing != null) {
      roundTripInts(intPing, intPong);
      return;
    }
    Pipe ping = this.ping;
    Pipe pong = this.pong;
    Goroutines goroutines = new Goroutines(2);
    goroutines.go(() -> {
      for (int i = 0; i < ROUND_TRIPS; i++) {
        ping.send(Message.VALUE);
        pong.receive();
      }
    });
    goroutines.go(() -> {
      for (int i = 0; i < ROUND_TRIPS; i++) {
        pong.send(ping.receive());
      }
    });
    goroutines.join();
  }

  /** The same shape carrying distinct {@code int}s (boxed on a {@code Channel<Integer>}). */
  private static void roundTripInts(IntPipe ping, IntPipe pong) throws InterruptedException {
    Goroutines goroutines = new Goroutines(2);
    goroutines.go(() -> {
      for (int i = 0; i < ROUND_TRIPS; i++) {
        ping.send(i);
        if (pong.receive() != i) {
          throw new IllegalStateException("ping-pong lost a value");
        }
      }
    });
    goroutines.go(() -> {
      for (int i = 0; i < ROUND_TRIPS; i++) {
        pong.send(ping.receive());
      }
    });
    goroutines.join();
  }
}
