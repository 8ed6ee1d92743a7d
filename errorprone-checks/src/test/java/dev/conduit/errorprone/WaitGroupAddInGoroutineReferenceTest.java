package dev.conduit.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.waitgroup.WaitGroupAddInGoroutine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Goroutines whose body is a method of the same class, started through a method reference. */
class WaitGroupAddInGoroutineReferenceTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(WaitGroupAddInGoroutine.class, getClass());

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @Test
  void methodReferenceBodies() {
    helper
        .addSourceLines(
            "Crawler.java",
            """
            import static dev.conduit.Go.go;
            import dev.conduit.WaitGroup;
            import java.util.concurrent.ExecutorService;
            class Crawler {
              private final WaitGroup wg = new WaitGroup();
              private static final WaitGroup ALL = new WaitGroup();
              void start(int n) {
                for (int i = 0; i < n; i++) {
                  go(this::worker);
                }
                wg.await();
              }
              void worker() {
                // BUG: Diagnostic contains: started as go(this::worker) at line 9
                wg.add(1);
                try {
                  crawl();
                } finally {
                  wg.done();
                }
              }
              static void startAll(ExecutorService pool) {
                pool.execute(Crawler::staticWorker);
                ALL.await();
              }
              static void staticWorker() {
                // BUG: Diagnostic contains: ALL.add() runs inside the goroutine it counts
                ALL.add(1);
                ALL.done();
              }
              // Counted by wg.go before it starts: fine.
              void counted() {
                wg.go(this::countedWorker);
              }
              void countedWorker() {
                wg.add(1);
                go(() -> {
                  try {
                    crawl();
                  } finally {
                    wg.done();
                  }
                });
              }
              // Started by wg.go of the same group: the counter is above zero while it runs.
              void grouped() {
                wg.go(this::extra);
              }
              void extra() {
                wg.add(1);
                wg.done();
              }
              // A spawner: the add is for the goroutine it starts next, which calls done().
              void spawn() {
                go(this::spawner);
              }
              void spawner() {
                wg.add(1);
                go(() -> {
                  try {
                    crawl();
                  } finally {
                    wg.done();
                  }
                });
              }
              // Called directly, not as a goroutine: the add happens before the goroutine starts.
              void direct() {
                launcher();
              }
              void launcher() {
                wg.add(1);
                go(() -> wg.done());
              }
              // Referenced, but not started as a goroutine.
              void notStarted(java.util.List<Runnable> tasks) {
                tasks.add(this::plain);
              }
              void plain() {
                wg.add(1);
                wg.done();
              }
              void crawl() {}
            }
            """)
        .doTest();
  }
}
