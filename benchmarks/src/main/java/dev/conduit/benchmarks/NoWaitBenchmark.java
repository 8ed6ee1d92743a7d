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
 * A buffered channel that never makes anyone wait: one thread sends a message and receives it back,
 * over and over. One operation is one send and one receive. This is what a channel costs by itself,
 * without any park or wake-up, and its allocation per operation is what the channel allocates per
 * message: the figure the primitive channel exists to bring to zero.
 *
 * <p>Kotlin is left out: its channels' non-suspending calls are a different API from the suspending
 * ones every other shape measures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class NoWaitBenchmark {
  static final int MESSAGES = 100_000;

  @Param({
    Impl.CONDUIT,
    Impl.CONDUIT_INTEGER,
    Impl.CONDUIT_INT,
    Impl.JOX,
    Impl.ARRAY_BLOCKING_QUEUE
  })
  public String impl;

  private Pipe pipe;
  private IntPipe intPipe;

  @Setup
  public void setup() {
    if (IntPipe.handles(impl)) {
      intPipe = IntPipe.create(impl, 16);
    } else {
      pipe = Pipe.create(impl, 16);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public long sendThenReceive() throws InterruptedException {
    long sum = 0;
    if (intPipe != null) {
      IntPipe pipe = intPipe;
      for (int m = 0; m < MESSAGES; m++) {
        pipe.send(m); // distinct values, beyond Integer's cache of small boxes
        sum += pipe.receive();
      }
      return sum;
    }
    Pipe pipe = this.pipe;
    for (int m = 0; m < MESSAGES; m++) {
      pipe.send(Message.VALUE);
      sum += pipe.receive() == Message.VALUE ? 1 : 0;
    }
    return sum;
  }
}
