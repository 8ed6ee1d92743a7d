package dev.conduit.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ForkJoinWorkerThread;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a thread about to wait on a channel may spin first.
 *
 * <p>A spin pays only when the counterpart is running on another core and arrives within a few
 * microseconds, and it hurts whenever the spinner's own core has other work queued: a virtual
 * thread that spins keeps its carrier busy, and the counterpart it waits for may be queued on that
 * very carrier (an unparked virtual thread is submitted to its waker's carrier). The JDK's own
 * rendezvous queues spin only while the carrier has no queued work, a test the JDK keeps
 * package-private ({@code ForkJoinWorkerThread.hasKnownQueuedWork()}).
 *
 * <p>Conduit uses that test when the JVM lets it, which takes {@code --add-opens
 * java.base/java.util.concurrent=ALL-UNNAMED} (or {@code =dev.conduit.runtime} on the module path);
 * it is looked up once, at class initialization. Without it, virtual threads and fork-join workers
 * park at once, as they always did, and platform threads still spin: their core runs no other task
 * of theirs that the spin could delay. No spin on one CPU.
 */
final class SpinGate {
  /** Spins before parking: about 3 µs of {@link Thread#onSpinWait()} on current x86 cores. */
  static final int SPINS = 128;

  /** {@code -Dconduit.spin=off} turns spinning off everywhere (for measuring what it buys). */
  private static final boolean ENABLED =
      Runtime.getRuntime().availableProcessors() > 1
          && !"off".equals(System.getProperty("conduit.spin"));

  /** {@code ForkJoinWorkerThread.hasKnownQueuedWork()}, or null if the JVM does not open it. */
  private static final @Nullable MethodHandle QUEUED_WORK = findQueuedWork();

  private SpinGate() {}

  /** Whether the carrier's queued work is visible, i.e. virtual threads may spin. */
  static boolean gated() {
    return QUEUED_WORK != null;
  }

  static boolean shouldSpin() {
    if (!ENABLED) {
      return false;
    }
    MethodHandle queuedWork = QUEUED_WORK;
    if (queuedWork == null) {
      Thread t = Thread.currentThread();
      return !t.isVirtual() && !(t instanceof ForkJoinWorkerThread);
    }
    try {
      return !(boolean) queuedWork.invokeExact();
    } catch (Throwable unexpected) {
      return false;
    }
  }

  private static @Nullable MethodHandle findQueuedWork() {
    Module base = Object.class.getModule();
    if (!base.isOpen("java.util.concurrent", SpinGate.class.getModule())) {
      return null;
    }
    try {
      return MethodHandles.privateLookupIn(ForkJoinWorkerThread.class, MethodHandles.lookup())
          .findStatic(
              ForkJoinWorkerThread.class,
              "hasKnownQueuedWork",
              MethodType.methodType(boolean.class));
    } catch (ReflectiveOperationException | RuntimeException notThere) {
      return null; // another JDK: keep parking at once
    }
  }
}
