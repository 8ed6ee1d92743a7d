package dev.conduit.benchmarks;

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
 * {@link PingPongBenchmark}'s round trip between two platform threads: how a channel waits when its
 * threads are not virtual (a spin there delays no other task of theirs, a park costs an OS context
 * switch). Kotlin's channels suspend coroutines rather than block threads, so they have no such
 * shape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class PlatformPingPongBenchmark {
  @Param({
    Impl.CONDUIT,
    Impl.JOX,
    Impl.SYNCHRONOUS_QUEUE,
    Impl.LINKED_TRANSFER_QUEUE,
    Impl.EXCHANGER
  })
  public String impl;

  private Pipe ping;
  private Pipe pong;

  @Setup
  public void setup() {
    ping = Pipe.create(impl, 0);
    pong = Pipe.create(impl, 0);
  }

  @Benchmark
  @OperationsPerInvocation(PingPongBenchmark.ROUND_TRIPS)
  public void roundTrip() throws InterruptedException {
    Pipe ping = this.ping;
    Pipe pong = this.pong;
    Goroutines threads = new Goroutines(2, true);
    threads.go(() -> {
      for (int i = 0; i < PingPongBenchmark.ROUND_TRIPS; i++) {
        ping.send(Message.VALUE);
        pong.receive();
      }
    });
    threads.go(() -> {
      for (int i = 0; i < PingPongBenchmark.ROUND_TRIPS; i++) {
        pong.send(ping.receive());
      }
    });
    threads.join();
  }
}
