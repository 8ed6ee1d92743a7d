package dev.conduit.benchmarks;

import dev.conduit.Select;
import dev.conduit.benchmarks.KotlinCoroutines.Group;
import dev.conduit.benchmarks.KotlinShapes.Selector;
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
 * A select over {@code channels} unbuffered channels, each fed by its own producer goroutine; one
 * consumer goroutine selects a receive from all of them until every message is in. One operation is
 * one select (one message). Only channel libraries have a select, so the JDK's queues are absent
 * here. Each library is used as its documentation shows: a fresh select per message ({@code
 * Select.select()...await()}, jox's {@code Select.select(clauses)}, Kotlin's inline {@code select {
 * }}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class SelectBenchmark {
  static final int MESSAGES = 100_000;

  @Param({Impl.CONDUIT, Impl.JOX, Impl.KOTLIN})
  public String impl;

  @Param({"1", "2", "4"})
  public int channels;

  private dev.conduit.Channel<Object>[] conduit;
  private com.softwaremill.jox.Channel<Object>[] jox;
  private kotlinx.coroutines.channels.Channel<Object>[] kotlin;

  @Setup
  @SuppressWarnings("unchecked")
  public void setup() {
    if (MESSAGES % channels != 0) {
      throw new IllegalArgumentException("channels must divide " + MESSAGES);
    }
    switch (impl) {
      case Impl.CONDUIT -> {
        conduit = new dev.conduit.Channel[channels];
        for (int i = 0; i < channels; i++) {
          conduit[i] = dev.conduit.Channel.unbuffered();
        }
      }
      case Impl.JOX -> {
        jox = new com.softwaremill.jox.Channel[channels];
        for (int i = 0; i < channels; i++) {
          jox[i] = com.softwaremill.jox.Channel.newRendezvousChannel();
        }
      }
      case Impl.KOTLIN -> {
        kotlin = new kotlinx.coroutines.channels.Channel[channels];
        for (int i = 0; i < channels; i++) {
          kotlin[i] = KotlinShapes.channel(0);
        }
      }
      default -> throw new IllegalArgumentException("no select in " + impl);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void select() throws InterruptedException {
    int each = MESSAGES / channels;
    if (kotlin != null) {
      Group group = new Group(channels + 1);
      for (kotlinx.coroutines.channels.Channel<Object> channel : kotlin) {
        group.launch(new Sender(group, channel, each));
      }
      group.launch(new Selector(group, kotlin, MESSAGES));
      group.join();
      return;
    }
    Goroutines goroutines = new Goroutines(channels + 1);
    if (conduit != null) {
      for (dev.conduit.Channel<Object> channel : conduit) {
        goroutines.go(() -> {
          for (int m = 0; m < each; m++) {
            channel.send(Message.VALUE);
          }
        });
      }
      goroutines.go(() -> conduitSelects(conduit));
    } else {
      for (com.softwaremill.jox.Channel<Object> channel : jox) {
        goroutines.go(() -> {
          for (int m = 0; m < each; m++) {
            channel.send(Message.VALUE);
          }
        });
      }
      goroutines.go(() -> joxSelects(jox));
    }
    goroutines.join();
  }

  private static void conduitSelects(dev.conduit.Channel<Object>[] channels) {
    for (int m = 0; m < MESSAGES; m++) {
      Select<Object> select = Select.select();
      for (dev.conduit.Channel<Object> channel : channels) {
        select.onReceive(channel, (Object value) -> value);
      }
      select.await();
    }
  }

  @SuppressWarnings("unchecked")
  private static void joxSelects(com.softwaremill.jox.Channel<Object>[] channels)
      throws InterruptedException {
    com.softwaremill.jox.SelectClause<Object>[] clauses =
        new com.softwaremill.jox.SelectClause[channels.length];
    for (int m = 0; m < MESSAGES; m++) {
      for (int i = 0; i < channels.length; i++) {
        clauses[i] = channels[i].receiveClause();
      }
      com.softwaremill.jox.Select.select(clauses);
    }
  }
}
