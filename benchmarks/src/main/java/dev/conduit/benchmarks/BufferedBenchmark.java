package dev.conduit.benchmarks;

import dev.conduit.benchmarks.KotlinCoroutines.Group;
import dev.conduit.benchmarks.KotlinShapes.Receiver;
import dev.conduit.benchmarks.KotlinShapes.Sender;
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
 * Throughput of one buffered channel: one producer and one consumer, or four of each sharing the
 * channel. One operation is one message sent and received.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class BufferedBenchmark {
  static final int MESSAGES = 100_000;
  private static final int SIDES = 4;

  @Param({
    Impl.CONDUIT,
    Impl.CONDUIT_INTEGER,
    Impl.CONDUIT_INT,
    Impl.JOX,
    Impl.KOTLIN,
    Impl.ARRAY_BLOCKING_QUEUE
  })
  public String impl;

  @Param({"16", "100"})
  public int capacity;

  private Pipe pipe;
  private IntPipe intPipe;
  private kotlinx.coroutines.channels.Channel<Object> kotlinChannel;

  @Setup
  public void setup() {
    if (impl.equals(Impl.KOTLIN)) {
      kotlinChannel = KotlinShapes.channel(capacity);
    } else if (IntPipe.handles(impl)) {
      intPipe = IntPipe.create(impl, capacity);
    } else {
      pipe = Pipe.create(impl, capacity);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void oneToOne() throws InterruptedException {
    run(1);
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void fourToFour() throws InterruptedException {
    run(SIDES);
  }

  private void run(int sides) throws InterruptedException {
    int each = MESSAGES / sides;
    if (kotlinChannel != null) {
      Group group = new Group(2 * sides);
      for (int i = 0; i < sides; i++) {
        group.launch(new Sender(group, kotlinChannel, each));
        group.launch(new Receiver(group, kotlinChannel, each));
      }
      group.join();
      return;
    }
    if (intPipe != null) {
      runInts(intPipe, sides, each);
      return;
    }
    Pipe pipe = this.pipe;
    Goroutines goroutines = new Goroutines(2 * sides);
    for (int i = 0; i < sides; i++) {
      goroutines.go(() -> {
        for (int m = 0; m < each; m++) {
          pipe.send(Message.VALUE);
        }
      });
      goroutines.go(() -> {
        for (int m = 0; m < each; m++) {
          pipe.receive();
        }
      });
    }
    goroutines.join();
  }

  /** The same shape carrying distinct {@code int}s (boxed on a {@code Channel<Integer>}). */
  private static void runInts(IntPipe pipe, int sides, int each) throws InterruptedException {
    Goroutines goroutines = new Goroutines(2 * sides);
    for (int i = 0; i < sides; i++) {
      int base = i * each;
      goroutines.go(() -> {
        for (int m = 0; m < each; m++) {
          pipe.send(base + m);
        }
      });
      goroutines.go(() -> {
        long sum = 0;
        for (int m = 0; m < each; m++) {
          sum += pipe.receive();
        }
        if (sum < 0) {
          throw new IllegalStateException("impossible sum");
        }
      });
    }
    goroutines.join();
  }
}
