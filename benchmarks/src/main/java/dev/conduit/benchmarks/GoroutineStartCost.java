package dev.conduit.benchmarks;

import dev.conduit.Go;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What goroutine tracking costs: starting (and finishing) a goroutine through {@code Go.go} with
 * tracking on (the default), with it off ({@code -Dconduit.goroutines.tracking=false}), and a bare
 * virtual thread for reference. Not named {@code ...Benchmark}, so the README's comparison runs
 * leave it out; run it with {@code java -jar benchmarks/target/benchmarks.jar} replaced by {@code
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main GoroutineStartCost}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GoroutineStartCost {
  static final int GOROUTINES = 1_000;

  @Benchmark
  @OperationsPerInvocation(GOROUTINES)
  public void tracked() throws InterruptedException {
    startThroughGo();
  }

  @Benchmark
  @OperationsPerInvocation(GOROUTINES)
  @Fork(value = 2, jvmArgsAppend = "-Dconduit.goroutines.tracking=false")
  public void untracked() throws InterruptedException {
    startThroughGo();
  }

  @Benchmark
  @OperationsPerInvocation(GOROUTINES)
  public void bareVirtualThread() throws InterruptedException {
    CountDownLatch finished = new CountDownLatch(GOROUTINES);
    for (int i = 0; i < GOROUTINES; i++) {
      Thread.ofVirtual().start(finished::countDown);
    }
    finished.await();
  }

  private static void startThroughGo() throws InterruptedException {
    CountDownLatch finished = new CountDownLatch(GOROUTINES);
    for (int i = 0; i < GOROUTINES; i++) {
      Go.go(finished::countDown);
    }
    finished.await();
  }
}
