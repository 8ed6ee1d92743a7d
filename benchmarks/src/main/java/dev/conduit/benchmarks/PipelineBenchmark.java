package dev.conduit.benchmarks;

import dev.conduit.benchmarks.KotlinCoroutines.Group;
import dev.conduit.benchmarks.KotlinShapes.Receiver;
import dev.conduit.benchmarks.KotlinShapes.Relay;
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
 * Go's daisy chain: {@code stages} goroutines, each receiving from the unbuffered channel before it
 * and sending to the one after, fed by one goroutine and drained by another. One operation is one
 * message through the whole pipeline ({@code stages + 1} hand-offs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class PipelineBenchmark {
  static final int MESSAGES = 1_000;

  @Param({
    Impl.CONDUIT,
    Impl.JOX,
    Impl.KOTLIN,
    Impl.SYNCHRONOUS_QUEUE,
    Impl.LINKED_TRANSFER_QUEUE,
    Impl.EXCHANGER
  })
  public String impl;

  @Param({"1000"})
  public int stages;

  private Pipe[] pipes;
  private kotlinx.coroutines.channels.Channel<Object>[] kotlinChannels;

  @Setup
  @SuppressWarnings("unchecked")
  public void setup() {
    if (impl.equals(Impl.KOTLIN)) {
      kotlinChannels = new kotlinx.coroutines.channels.Channel[stages + 1];
      for (int i = 0; i <= stages; i++) {
        kotlinChannels[i] = KotlinShapes.channel(0);
      }
    } else {
      pipes = new Pipe[stages + 1];
      for (int i = 0; i <= stages; i++) {
        pipes[i] = Pipe.create(impl, 0);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void pipeline() throws InterruptedException {
    if (kotlinChannels != null) {
      Group group = new Group(stages + 2);
      for (int i = 0; i < stages; i++) {
        group.launch(new Relay(group, kotlinChannels[i], kotlinChannels[i + 1], MESSAGES));
      }
      group.launch(new Receiver(group, kotlinChannels[stages], MESSAGES));
      group.launch(new Sender(group, kotlinChannels[0], MESSAGES));
      group.join();
      return;
    }
    Goroutines goroutines = new Goroutines(stages + 2);
    for (int i = 0; i < stages; i++) {
      Pipe input = pipes[i];
      Pipe output = pipes[i + 1];
      goroutines.go(() -> {
        for (int m = 0; m < MESSAGES; m++) {
          output.send(input.receive());
        }
      });
    }
    Pipe last = pipes[stages];
    goroutines.go(() -> {
      for (int m = 0; m < MESSAGES; m++) {
        last.receive();
      }
    });
    Pipe first = pipes[0];
    goroutines.go(() -> {
      for (int m = 0; m < MESSAGES; m++) {
        first.send(Message.VALUE);
      }
    });
    goroutines.join();
  }
}
