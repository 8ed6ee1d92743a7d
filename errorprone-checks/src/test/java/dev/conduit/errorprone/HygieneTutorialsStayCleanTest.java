package dev.conduit.errorprone;

import dev.conduit.errorprone.abandoned.AbandonedSender;
import dev.conduit.errorprone.closing.DoubleClose;
import dev.conduit.errorprone.context.ContextFirst;
import dev.conduit.errorprone.context.ContextInField;
import dev.conduit.errorprone.context.ContextPropagation;
import dev.conduit.errorprone.context.NullContext;
import dev.conduit.errorprone.context.UncancellableBlockingCall;
import dev.conduit.errorprone.direction.ChannelDirection;
import dev.conduit.errorprone.lostcancel.LostCancel;
import dev.conduit.errorprone.waitgroup.WaitGroupAddInGoroutine;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import dev.conduit.errorprone.common.ConduitChecker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Go tutorials' patterns, ported to Conduit, compile without a single finding from any of
 * Conduit's ten checks at once: the worker pool, the pipeline with a context and select, fan-in,
 * the request with a timeout and a buffered(1) result channel, errgroup's fetch-all, the fan-out
 * with a context, the dashboard, and the token cache server whose request messages carry a context.
 */
class HygieneTutorialsStayCleanTest {

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @Test
  void noFindingsFromAnyCheck() {
    CompilationTestHelper.newInstance(
            ScannerSupplier.fromBugCheckerClasses(
                ChannelDirection.class,
                LostCancel.class,
                ContextFirst.class,
                NullContext.class,
                ContextInField.class,
                ContextPropagation.class,
                UncancellableBlockingCall.class,
                WaitGroupAddInGoroutine.class,
                AbandonedSender.class,
                DoubleClose.class),
            getClass())
        .addSourceFile("tutorials/WorkerPool.java")
        .addSourceFile("tutorials/Pipeline.java")
        .addSourceFile("tutorials/FanIn.java")
        .addSourceFile("tutorials/RequestWithTimeout.java")
        .addSourceFile("tutorials/ErrGroupFetchAll.java")
        .addSourceFile("tutorials/TokenCache.java")
        .addSourceFile("tutorials/MoreIdioms.java")
        .expectNoDiagnostics()
        .doTest();
  }
}
