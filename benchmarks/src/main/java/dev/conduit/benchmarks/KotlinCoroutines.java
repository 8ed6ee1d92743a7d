package dev.conduit.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import kotlin.ResultKt;
import kotlin.Unit;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.CoroutineContext;
import kotlin.coroutines.intrinsics.IntrinsicsKt;
import kotlin.coroutines.jvm.internal.ContinuationImpl;
import kotlinx.coroutines.Dispatchers;

/**
 * Kotlin coroutines written in Java, so that Kotlin's channels are measured the way Kotlin code
 * uses them (suspending coroutines on {@code Dispatchers.Default}) without a Kotlin compiler in the
 * build.
 *
 * <p>A {@link Coroutine} is the state machine kotlinc would generate for a suspend lambda: it
 * extends the same {@link ContinuationImpl}, so Kotlin's channels intercept and dispatch its
 * resumptions exactly as for compiled Kotlin. {@link Group} launches a batch of them on {@code
 * Dispatchers.Default} and waits for all to finish, like {@code runBlocking { repeat(n) { launch {
 * ... } } }} minus the Job tree.
 */
final class KotlinCoroutines {
  /** What a suspend function returns when it suspended; the resumption comes later. */
  static final Object SUSPENDED = IntrinsicsKt.getCOROUTINE_SUSPENDED();

  /** Dispatchers.Default is itself a coroutine context holding only the dispatcher. */
  static final CoroutineContext CONTEXT = Dispatchers.getDefault();

  private KotlinCoroutines() {}

  /** One hand-written coroutine; subclasses implement {@link #resume(Object)}. */
  abstract static class Coroutine extends ContinuationImpl {
    Coroutine(Group group) {
      super(group, CONTEXT);
    }

    @Override
    protected final Object invokeSuspend(Object result) {
      ResultKt.throwOnFailure(result);
      return resume(result);
    }

    /**
     * Runs until the coroutine suspends ({@link #SUSPENDED}) or ends (anything else).
     *
     * @param resumed what the call that suspended last produced, or {@link Unit} at the start
     */
    abstract Object resume(Object resumed);
  }

  /** The completion of a batch of coroutines: counts them down and keeps the first failure. */
  static final class Group implements Continuation<Object> {
    private final CountDownLatch remaining;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Group(int coroutines) {
      remaining = new CountDownLatch(coroutines);
    }

    /** Starts {@code coroutine} on a Default worker, as {@code launch} does. */
    void launch(Coroutine coroutine) {
      Dispatchers.getDefault().dispatch(CONTEXT, () -> coroutine.resumeWith(Unit.INSTANCE));
    }

    @Override
    public CoroutineContext getContext() {
      return CONTEXT;
    }

    @Override
    public void resumeWith(Object result) {
      try {
        ResultKt.throwOnFailure(result);
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
      remaining.countDown();
    }

    /** Waits for every coroutine of the batch; rethrows the first failure. */
    void join() throws InterruptedException {
      join(120, TimeUnit.SECONDS);
    }

    /** As {@link #join()}, failing if the batch is not done within the given time. */
    void join(long timeout, TimeUnit unit) throws InterruptedException {
      if (!remaining.await(timeout, unit)) {
        throw new IllegalStateException(
            "coroutines still running after " + timeout + " " + unit + ": deadlock");
      }
      Throwable t = failure.get();
      if (t != null) {
        throw new IllegalStateException("a coroutine failed", t);
      }
    }
  }
}
