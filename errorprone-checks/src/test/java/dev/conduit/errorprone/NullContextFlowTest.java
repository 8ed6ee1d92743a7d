package dev.conduit.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.context.NullContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Null reaching a Context through a conditional, a local, or a functional interface. */
class NullContextFlowTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(NullContext.class, getClass());

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  @Test
  void conditionalsAndLocals() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import dev.conduit.Context;
            class Test {
              static void fetch(Context ctx, String url) {}
              static void f(Context ctx, boolean flag) {
                // BUG: Diagnostic contains: a branch of the conditional is null
                fetch(flag ? ctx : null, "u");
                // BUG: Diagnostic contains: a branch of the conditional is null
                fetch(flag ? null : (ctx), "u");
                // BUG: Diagnostic contains: a branch of the conditional is null
                fetch(flag ? ctx : (flag ? ctx : (Context) null), "u");
                Context c = null;
                // BUG: Diagnostic contains: the local 'c' is still null here
                fetch(c, "u");
                Context later = null;
                if (flag) {
                  later = ctx;
                } else {
                  later = Context.todo();
                }
                fetch(later, "u"); // assigned on every path
                Context once = null;
                once = ctx;
                fetch(once, "u");
                Context none = null;
                if (flag) {
                  none = null;
                }
                // BUG: Diagnostic contains: the local 'none' is still null here
                fetch(none, "u");
                Context captured = null;
                // BUG: Diagnostic contains: the local 'captured' is still null here
                Runnable r = () -> fetch(captured, "u");
                Context checked = flag ? ctx : null;
                if (checked != null) {
                  fetch(checked, "u"); // the check rules null out
                }
                fetch(flag ? ctx : Context.todo(), "u");
              }
            }
            """)
        .doTest();
  }

  @Test
  void functionalInterfacesOfContext() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import dev.conduit.Context;
            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;
            import java.util.concurrent.atomic.AtomicReference;
            import java.util.function.BiConsumer;
            import java.util.function.Consumer;
            import java.util.function.Function;
            class Test {
              interface Handler extends Consumer<Context> {}
              static void f(Consumer<Context> k, Function<Context, String> g,
                  BiConsumer<Context, String> both, BiConsumer<String, Context> swapped,
                  Handler h, Consumer<String> strings) {
                // BUG: Diagnostic contains: null is passed as a Context
                k.accept(null);
                // BUG: Diagnostic contains: null is passed as a Context
                g.apply(null);
                // BUG: Diagnostic contains: null is passed as a Context
                both.accept(null, "x");
                both.accept(Context.todo(), null); // the String is null, not the Context
                // BUG: Diagnostic contains: null is passed as a Context
                swapped.accept("x", null);
                // BUG: Diagnostic contains: null is passed as a Context
                h.accept(null);
                strings.accept(null);
              }
              // Clearing a slot that holds a context is not passing null as a context.
              static void containers(Map<String, Context> byName, AtomicReference<Context> ref,
                  List<Context> list) {
                byName.put("a", null);
                byName.getOrDefault("a", null);
                ref.set(null);
                ref.compareAndSet(Context.todo(), null);
                list.add(null);
                new HashMap<String, Context>().put("b", null);
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixReplacesTheNullBranch() {
    BugCheckerRefactoringTestHelper.newInstance(NullContext.class, getClass())
        .addInputLines(
            "Test.java",
            """
            import dev.conduit.Context;
            class Test {
              static void fetch(Context ctx) {}
              static void f(Context ctx, boolean flag) {
                fetch(flag ? ctx : null);
              }
            }
            """)
        .addOutputLines(
            "Test.java",
            """
            import dev.conduit.Context;
            class Test {
              static void fetch(Context ctx) {}
              static void f(Context ctx, boolean flag) {
                fetch(flag ? ctx : Context.todo());
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }
}
