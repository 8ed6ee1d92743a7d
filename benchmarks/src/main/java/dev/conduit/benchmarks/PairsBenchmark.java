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
 * Many independent producer/consumer pairs at once, each on its own channel of capacity 16: 10,000
 * pairs are 20,000 goroutines for the scheduler. One operation is one message; each pair moves
 * {@value #MESSAGES_PER_PAIR} per invocation, so starting the goroutines stays a few percent of the
 * time measured (see {@link Goroutines}).
 *
 * <p>The operation count assumes the default {@code pairs}; the smoke test shrinks {@code pairs} to
 * check that the shape runs, and its ns/op figures mean nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class PairsBenchmark {
  static final int DEFAULT_PAIRS = 10_000;
  static final int MESSAGES_PER_PAIR = 1_000;
  static final int CAPACITY = 16;

  @Param({Impl.CONDUIT, Impl.JOX, Impl.KOTLIN, Impl.ARRAY_BLOCKING_QUEUE})
  public String impl;

  @Param({"" + DEFAULT_PAIRS})
  public int pairs;

  private Pipe[] pipes;
  private kotlinx.coroutines.channels.Channel<Object>[] kotlinChannels;

  @Setup
  @SuppressWarnings("unchecked")
  public void setup() {
    if (impl.equals(Impl.KOTLIN)) {
      kotlinChannels = new kotlinx.coroutines.channels.Channel[pairs];
      for (int i = 0; i < pairs; i++) {
        kotlinChannels[i] = KotlinShapes.channel(CAPACITY);
      }
    } else {
      pipes = new Pipe[pairs];
      for (int i = 0; i < pairs; i++) {
        pipes[i] = Pipe.create(impl, CAPACITY);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(DEFAULT_PAIRS * MESSAGES_PER_PAIR)
  public void pairs() throws InterruptedException {
    if (kotlinChannels != null) {
      Group group = new Group(2 * pairs);
      for (kotlinx.coroutines.channels.Channel<Object> channel : kotlinChannels) {
        group.launch(new Sender(group, channel, MESSAGES_PER_PAIR));
        group.launch(new Receiver(group, channel, MESSAGES_PER_PAIR));
      }
      group.join();
      return;
    }
    Goroutines goroutines = new Goroutines(2 * pairs);
    for (Pipe pipe : pipes) {
      goroutines.go(() -> {
        for (int m = 0; m < MESSAGES_PER_PAIR; m++) {
          pipe.send(Message.VALUE);
        }
      });
      goroutines.go(() -> {
        for (int m = 0; m < MESSAGES_PER_PAIR; m++) {
          pipe.receive();
        }
      });
    }
    goroutines.join();
  }
}
