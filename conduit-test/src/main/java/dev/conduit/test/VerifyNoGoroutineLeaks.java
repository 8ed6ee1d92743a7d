package dev.conduit.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails each test (of the class, or the method annotated) that leaves goroutines it started still
 * running once it ended, after waiting {@link #graceMillis()} for them; the failure carries the
 * goroutine dump of exactly those goroutines. Conduit's goleak for JUnit 5.
 *
 * <pre>{@code
 * @VerifyNoGoroutineLeaks(timeoutMillis = 10_000)
 * class FetcherTest {
 *   @Test
 *   void fetchesAll() { ... }
 * }
 * }</pre>
 *
 * <p>For options built in code, register {@link GoroutineLeakExtension#with(LeakOptions)} with
 * {@code @RegisterExtension} instead.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(GoroutineLeakExtension.class)
public @interface VerifyNoGoroutineLeaks {
  /** Regular expressions; goroutines whose whole name matches one are not leaks. */
  String[] ignoreNames() default {};

  /**
   * Functions ({@code com.example.Poller.run}: class and method); goroutines whose topmost user
   * frame is one of them are not leaks.
   */
  String[] ignoreTopFunctions() default {};

  /** How long to wait for the test's goroutines to end before calling them leaked. */
  long graceMillis() default 1_000;

  /**
   * When positive, a test that runs longer fails: it is interrupted and the goroutine dump taken at
   * that moment is printed and becomes the failure's message.
   */
  long timeoutMillis() default 0;
}
