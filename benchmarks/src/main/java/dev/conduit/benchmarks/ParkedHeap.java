package dev.conduit.benchmarks;

import static dev.conduit.benchmarks.KotlinCoroutines.SUSPENDED;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import kotlin.ResultKt;
import kotlin.Unit;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.EmptyCoroutineContext;
import kotlin.coroutines.jvm.internal.ContinuationImpl;
import kotlin.jvm.functions.Function2;
import kotlinx.coroutines.BuildersKt;
import kotlinx.coroutines.CoroutineScope;
import kotlinx.coroutines.CoroutineScopeKt;
import kotlinx.coroutines.CoroutineStart;
import kotlinx.coroutines.Dispatchers;
import kotlinx.coroutines.Job;

/**
 * Heap per goroutine parked in {@code receive}: starts {@code count} goroutines that all wait on
 * one empty channel, and divides the growth of the heap (used bytes right after a full GC, before
 * and after) by {@code count}. This is a memory figure, not a time, so it is a plain program rather
 * than a JMH benchmark.
 *
 * <p>Virtual threads keep their stacks in the heap while parked, so the figure covers the thread,
 * its stack and the channel's record of the waiter. Kotlin's coroutines are started with {@code
 * launch} on {@code Dispatchers.Default} and so include their Job. Exchanger is absent: it pairs
 * waiting threads with each other instead of leaving them parked.
 *
 * <p>Usage: {@code ParkedHeap count impl...}; prints one line {@code impl bytesPerGoroutine} per
 * implementation. Run each implementation in a fresh JVM for the cleanest figure.
 */
public final class ParkedHeap {
  static final String[] IMPLS = {
    Impl.CONDUIT,
    Impl.JOX,
    Impl.KOTLIN,
    Impl.SYNCHRONOUS_QUEUE,
    Impl.ARRAY_BLOCKING_QUEUE,
    Impl.LINKED_TRANSFER_QUEUE
  };

  private ParkedHeap() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ParkedHeap count impl...");
      System.exit(2);
    }
    int count = Integer.parseInt(args[0]);
    for (int i = 1; i < args.length; i++) {
      double bytes = bytesPerParked(args[i], count);
      System.out.println(args[i] + " " + String.format(Locale.ROOT, "%.1f", bytes));
    }
  }

  /** Heap bytes per goroutine while {@code count} goroutines of {@code impl} wait in receive. */
  static double bytesPerParked(String impl, int count) throws Exception {
    return bytesPerParked(impl, count, WARM_UP_ROUNDS);
  }

  /**
   * As {@link #bytesPerParked(String, int)}, after {@code warmUpRounds} rounds of parking and
   * releasing a smaller batch. Warming up matters: a parked virtual thread keeps its frames, and
   * interpreted frames are far larger than compiled ones (10,000 cold goroutines measure about
   * three times what a million warm ones do).
   */
  static double bytesPerParked(String impl, int count, int warmUpRounds) throws Exception {
    for (int round = 0; round < warmUpRounds; round++) {
      parkAndMeasure(impl, WARM_UP_GOROUTINES);
    }
    return parkAndMeasure(impl, count);
  }

  private static final int WARM_UP_ROUNDS = 3;
  private static final int WARM_UP_GOROUTINES = 20_000;

  private static double parkAndMeasure(String impl, int count) throws Exception {
    return impl.equals(Impl.KOTLIN) ? kotlin(count) : threads(impl, count);
  }

  private static double threads(String impl, int count) throws Exception {
    // Every receiver waits whatever the capacity, as nothing is sent until they all do; the
    // queue with a buffer gets 16 slots, which lets the release below run ahead of the wake-ups.
    Pipe pipe = Pipe.create(impl, impl.equals(Impl.ARRAY_BLOCKING_QUEUE) ? 16 : 0);
    Runnable receiver =
        () -> {
          try {
            pipe.receive();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    Thread[] threads = new Thread[count];
    Thread.Builder builder = Thread.ofVirtual();
    long before = usedAfterGc();
    for (int i = 0; i < count; i++) {
      threads[i] = builder.start(receiver);
    }
    for (Thread thread : threads) {
      while (thread.getState() != Thread.State.WAITING) {
        Thread.sleep(1);
      }
    }
    long after = usedAfterGc();
    // Released by values, in FIFO order: interrupting a million waiters would make the JDK's
    // queues unlink each from the middle of a long list, which takes hours.
    for (int i = 0; i < count; i++) {
      pipe.send(Message.VALUE);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return (after - before) / (double) count;
  }

  private static double kotlin(int count) throws Exception {
    kotlinx.coroutines.channels.Channel<Object> channel = KotlinShapes.channel(0);
    AtomicInteger parked = new AtomicInteger();
    CoroutineScope scope = CoroutineScopeKt.CoroutineScope(Dispatchers.getDefault());
    Function2<CoroutineScope, Continuation<? super Unit>, Object> body =
        (launched, continuation) -> new ParkedReceiver(continuation, channel, parked).start();
    Job[] jobs = new Job[count];
    long before = usedAfterGc();
    for (int i = 0; i < count; i++) {
      jobs[i] =
          BuildersKt.launch(scope, EmptyCoroutineContext.INSTANCE, CoroutineStart.DEFAULT, body);
    }
    while (parked.get() < count) {
      Thread.sleep(1);
    }
    long after = usedAfterGc();
    CoroutineScopeKt.cancel(scope, null);
    awaitCompleted(List.of(jobs));
    return (after - before) / (double) count;
  }

  private static void awaitCompleted(List<Job> jobs) throws InterruptedException {
    for (Job job : jobs) {
      while (!job.isCompleted()) {
        Thread.sleep(1);
      }
    }
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    List<Long> samples = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      memory.gc();
      samples.add(memory.getHeapMemoryUsage().getUsed());
    }
    return samples.stream().mapToLong(Long::longValue).min().orElseThrow();
  }

  /** {@code launch { channel.receive() }}: the body's state machine, counting its suspension. */
  private static final class ParkedReceiver extends ContinuationImpl {
    private final kotlinx.coroutines.channels.Channel<Object> channel;
    private final AtomicInteger parked;

    @SuppressWarnings("unchecked")
    ParkedReceiver(
        Continuation<?> completion,
        kotlinx.coroutines.channels.Channel<Object> channel,
        AtomicInteger parked) {
      super((Continuation<Object>) completion);
      this.channel = channel;
      this.parked = parked;
    }

    Object start() {
      Object received = channel.receive(this);
      if (received == SUSPENDED) {
        parked.incrementAndGet();
      }
      return received;
    }

    @Override
    protected Object invokeSuspend(Object result) {
      ResultKt.throwOnFailure(result); // the scope's cancellation ends the coroutine
      return Unit.INSTANCE;
    }
  }
}
