package dev.conduit.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.FixChoosers;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.direction.ChannelDirection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fix for a directional channel kept in a local declared without a direction: annotate the
 * declaration, or (second choice) let {@code var} take the direction; and no fix where either would
 * turn another use of the local into a finding.
 */
class ChannelDirectionFixTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ChannelDirection.class, getClass());

  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(ChannelDirection.class, getClass());

  @BeforeAll
  static void failLoudly() {
    System.setProperty(ConduitChecker.RETHROW_PROPERTY, "true");
  }

  /** A generator in its own file, so that the fixed file has to import the annotation. */
  private static final String[] GENERATORS = {
    "package shop;",
    "import dev.conduit.Channel;",
    "import dev.conduit.annotations.ReceiveOnly;",
    "import dev.conduit.annotations.SendOnly;",
    "public class Gen {",
    "  public static @ReceiveOnly Channel<Integer> gen(int n) { return Channel.buffered(n); }",
    "  public static @SendOnly Channel<Integer> sink() { return Channel.buffered(1); }",
    "  public static void drain(@ReceiveOnly Channel<Integer> in) {}",
    "}"
  };

  @Test
  void annotatesTheLocalAndImportsTheAnnotation() {
    refactoring
        .addInputLines("shop/Gen.java", GENERATORS)
        .expectUnchanged()
        .addInputLines(
            "shop/Pipeline.java",
            "package shop;",
            "import dev.conduit.Channel;",
            "import dev.conduit.Select;",
            "class Pipeline {",
            "  static int sum() {",
            "    Channel<Integer> src = Gen.gen(3);",
            "    final Channel<Integer> out = Gen.sink();",
            "    out.send(1);",
            "    out.close();",
            "    int sum = src.len();",
            "    for (int v : src) {",
            "      sum += v;",
            "    }",
            "    Gen.drain(src);",
            "    Select.<Integer>select().onReceive(src, v -> v).orElse(() -> 0).await();",
            "    Runnable later = () -> src.receive();",
            "    return src == null ? 0 : sum;",
            "  }",
            "}")
        .addOutputLines(
            "shop/Pipeline.java",
            "package shop;",
            "import dev.conduit.Channel;",
            "import dev.conduit.Select;",
            "import dev.conduit.annotations.ReceiveOnly;",
            "import dev.conduit.annotations.SendOnly;",
            "class Pipeline {",
            "  static int sum() {",
            "    @ReceiveOnly Channel<Integer> src = Gen.gen(3);",
            "    @SendOnly final Channel<Integer> out = Gen.sink();",
            "    out.send(1);",
            "    out.close();",
            "    int sum = src.len();",
            "    for (int v : src) {",
            "      sum += v;",
            "    }",
            "    Gen.drain(src);",
            "    Select.<Integer>select().onReceive(src, v -> v).orElse(() -> 0).await();",
            "    Runnable later = () -> src.receive();",
            "    return src == null ? 0 : sum;",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void secondFixIsVar() {
    refactoring
        .setFixChooser(FixChoosers.SECOND)
        .addInputLines("shop/Gen.java", GENERATORS)
        .expectUnchanged()
        .addInputLines(
            "shop/Pipeline.java",
            "package shop;",
            "import dev.conduit.Channel;",
            "class Pipeline {",
            "  static void f() {",
            "    Channel<Integer> src = Gen.gen(3);",
            "    src.receive();",
            "  }",
            "}")
        .addOutputLines(
            "shop/Pipeline.java",
            "package shop;",
            "import dev.conduit.Channel;",
            "class Pipeline {",
            "  static void f() {",
            "    var src = Gen.gen(3);",
            "    src.receive();",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void theMessageShowsBothFixes() {
    helper
        .addSourceLines("shop/Gen.java", GENERATORS)
        .addSourceLines(
            "shop/Pipeline.java",
            "package shop;",
            "import dev.conduit.Channel;",
            "import dev.conduit.annotations.ReceiveOnly;",
            "class Pipeline {",
            "  static void f() {",
            "    // BUG: Diagnostic contains: Did you mean '@ReceiveOnly Channel<Integer> src ="
                + " Gen.gen(3);' or 'var src = Gen.gen(3);'?",
            "    Channel<Integer> src = Gen.gen(3);",
            "  }",
            "  static void g(java.util.List<Integer> sizes) {",
            "    // A wildcard type is not the initializer's: var would change it, so one fix.",
            "    // BUG: Diagnostic matches: oneFix",
            "    Channel<? extends Number> src = Gen.gen(3);",
            "  }",
            "}")
        .expectErrorMessage(
            "oneFix",
            message ->
                message.contains("Did you mean '@ReceiveOnly Channel<? extends Number> src =")
                    && !message.contains("' or '"))
        .doTest();
  }

  @Test
  void laterAssignmentAnnotatesTheDeclaration() {
    refactoring
        .addInputLines("shop/Gen.java", GENERATORS)
        .expectUnchanged()
        .addInputLines(
            "shop/Pipeline.java",
            "package shop;",
            "import dev.conduit.Channel;",
            "class Pipeline {",
            "  static void f(boolean fresh) {",
            "    Channel<Integer> src = Channel.unbuffered();",
            "    if (!fresh) {",
            "      src = Gen.gen(3);",
            "    }",
            "    src.tryReceive();",
            "  }",
            "}")
        .addOutputLines(
            "shop/Pipeline.java",
            "package shop;",
            "import dev.conduit.Channel;",
            "import dev.conduit.annotations.ReceiveOnly;",
            "class Pipeline {",
            "  static void f(boolean fresh) {",
            "    @ReceiveOnly Channel<Integer> src = Channel.unbuffered();",
            "    if (!fresh) {",
            "      src = Gen.gen(3);",
            "    }",
            "    src.tryReceive();",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhereAnotherUseWouldBecomeAFinding() {
    refactoring
        .addInputLines("shop/Gen.java", GENERATORS)
        .expectUnchanged()
        .addInputLines(
            "shop/Pipeline.java",
            "package shop;",
            "import static dev.conduit.Go.go;",
            "import dev.conduit.Channel;",
            "import java.util.List;",
            "class Pipeline {",
            "  Channel<Integer> field = Gen.gen(1);", // a field is API: never changed
            "  static void both(Channel<Integer> ch) {}",
            "  static void sends() {",
            "    Channel<Integer> src = Gen.gen(3);",
            "    src.send(1);", // would send on a receive-only channel
            "  }",
            "  static void closesInAGoroutine() {",
            "    Channel<Integer> src = Gen.gen(3);",
            "    go(() -> src.close());",
            "  }",
            "  static void passedOnUndirected() {",
            "    Channel<Integer> src = Gen.gen(3);",
            "    both(src);", // the parameter declares no direction
            "  }",
            "  static Channel<Integer> returned() {",
            "    Channel<Integer> src = Gen.gen(3);",
            "    return src;",
            "  }",
            "  static void reassignedTheOtherWay() {",
            "    Channel<Integer> src = Gen.gen(3);",
            "    src = Gen.sink();",
            "  }",
            "  static void flowsIntoAVar() {",
            "    Channel<Integer> src = Gen.gen(3);",
            "    var alias = src;", // the var would inherit the direction: not followed
            "  }",
            "  static void twoInOneDeclaration() {",
            "    Channel<Integer> a = Gen.gen(1), b = Channel.unbuffered();",
            "    b.send(1);",
            "  }",
            "  static void sendOnlyAsAnIterable(List<Iterable<Integer>> all) {",
            "    Channel<Integer> out = Gen.sink();",
            "    all.add(out);",
            "  }",
            "}")
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
