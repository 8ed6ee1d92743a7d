package dev.conduit.test;

import dev.conduit.debug.Goroutines;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link VerifyNoGoroutineLeaks}: a goroutine snapshot before each
 * test, a leak check after it (after its {@code @AfterEach} methods), and an optional timeout that
 * dumps every goroutine when a test hangs.
 *
 * <p>Use it through the annotation, through {@code @ExtendWith(GoroutineLeakExtension.class)}
 * (default options), or with options built in code:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final GoroutineLeakExtension leaks =
 *     GoroutineLeakExtension.with(LeakOptions.defaults().ignoreName("metrics-.*"));
 * }</pre>
 */
public final class GoroutineLeakExtension
    implements BeforeEachCallback, AfterEachCallback, InvocationInterceptor {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(GoroutineLeakExtension.class);

  private final @Nullable LeakOptions configured;

  /** Options from {@link VerifyNoGoroutineLeaks} on the test method or class, else defaults. */
  public GoroutineLeakExtension() {
    this.configured = null;
  }

  private GoroutineLeakExtension(LeakOptions options) {
    this.configured = options;
  }

  /** An extension with {@code options}, for {@code @RegisterExtension}. */
  public static GoroutineLeakExtension with(LeakOptions options) {
    return new GoroutineLeakExtension(options);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NAMESPACE).put(GoroutineLeaks.Snapshot.class, GoroutineLeaks.snapshot());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    GoroutineLeaks.Snapshot before =
        context
            .getStore(NAMESPACE)
            .get(GoroutineLeaks.Snapshot.class, GoroutineLeaks.Snapshot.class);
    if (before != null) {
      GoroutineLeaks.verifyNone(before, options(context));
    }
  }

  @Override
  public void interceptTestMethod(
      Invocation<@Nullable Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    Duration timeout = options(context).timeout();
    if (timeout == null) {
      invocation.proceed();
      return;
    }
    Thread test = Thread.currentThread();
    CountDownLatch finished = new CountDownLatch(1);
    AtomicReference<@Nullable String> dumpAtTimeout = new AtomicReference<>();
    Thread watchdog =
        Thread.ofPlatform()
            .daemon()
            .name("conduit-test-timeout")
            .start(() -> {
              try {
                if (finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                  return;
                }
              } catch (InterruptedException stopped) {
                return;
              }
              String dump = hangReport(test, timeout);
              dumpAtTimeout.set(dump);
              System.err.println(dump);
              test.interrupt();
            });
    Throwable failure = null;
    try {
      invocation.proceed();
    } catch (Throwable t) {
      failure = t;
    } finally {
      finished.countDown();
      watchdog.join();
    }
    String dump = dumpAtTimeout.get();
    if (dump != null) {
      Thread.interrupted(); // the interrupt was ours; do not leak it into the next test
      AssertionError timedOut = new AssertionError(dump);
      if (failure != null) {
        timedOut.initCause(failure);
      }
      throw timedOut;
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static String hangReport(Thread test, Duration timeout) {
    StringBuilder out = new StringBuilder();
    out.append("test timed out after ")
        .append(timeout.toMillis())
        .append(" ms; its thread \"")
        .append(test.getName())
        .append("\" was at:\n");
    for (StackTraceElement frame : test.getStackTrace()) {
      if (frame.getClassName().startsWith("org.junit.")) {
        break; // the test framework from here down
      }
      out.append("\tat ").append(frame).append('\n');
    }
    String goroutines = Goroutines.dump();
    out.append('\n').append(goroutines.isEmpty() ? "no goroutines alive\n" : goroutines);
    return out.toString();
  }

  private LeakOptions options(ExtensionContext context) {
    if (configured != null) {
      return configured;
    }
    Optional<VerifyNoGoroutineLeaks> annotation =
        find(context.getTestMethod().orElse(null))
            .or(() -> find(context.getTestClass().orElse(null)));
    if (annotation.isEmpty()) {
      return LeakOptions.defaults();
    }
    VerifyNoGoroutineLeaks settings = annotation.get();
    LeakOptions options =
        LeakOptions.defaults().gracePeriod(Duration.ofMillis(settings.graceMillis()));
    for (String name : settings.ignoreNames()) {
      options = options.ignoreName(name);
    }
    for (String function : settings.ignoreTopFunctions()) {
      options = options.ignoreTopFunction(function);
    }
    if (settings.timeoutMillis() > 0) {
      options = options.timeout(Duration.ofMillis(settings.timeoutMillis()));
    }
    return options;
  }

  private static Optional<VerifyNoGoroutineLeaks> find(@Nullable AnnotatedElement element) {
    return AnnotationSupport.findAnnotation(element, VerifyNoGoroutineLeaks.class);
  }
}
