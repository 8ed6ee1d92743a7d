package dev.conduit.errorprone.flow;

import static com.google.errorprone.matchers.method.MethodMatchers.constructor;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.Matchers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.conduit.vocabulary.ConduitTypes;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Recognises code that runs in a goroutine of its own: a lambda or anonymous class handed to {@code
 * Go.go}, {@code WaitGroup.go}, {@code ErrGroup.go}, a {@code Thread} or an executor.
 */
public final class Goroutines {

  /** Calls that run their lambda argument once, concurrently with the caller. */
  private static final Matcher<ExpressionTree> LAUNCH =
      Matchers.anyOf(
          staticMethod().onClass(ConduitTypes.GO).named("go"),
          instanceMethod().onExactClass(ConduitTypes.WAIT_GROUP).named("go"),
          instanceMethod().onExactClass(ConduitTypes.ERR_GROUP).namedAnyOf("go", "tryGo"),
          staticMethod().onClass("java.lang.Thread").named("startVirtualThread"),
          instanceMethod()
              .onDescendantOf("java.lang.Thread.Builder")
              .namedAnyOf("start", "unstarted"),
          instanceMethod().onDescendantOf("java.util.concurrent.Executor").named("execute"),
          instanceMethod().onDescendantOf("java.util.concurrent.ExecutorService").named("submit"),
          staticMethod()
              .onClass("java.util.concurrent.CompletableFuture")
              .namedAnyOf("runAsync", "supplyAsync"),
          constructor().forClass("java.lang.Thread"));

  private Goroutines() {}

  /** Whether {@code tree} is a call or {@code new Thread(...)} that starts a goroutine. */
  public static boolean isLaunch(Tree tree, VisitorState state) {
    return (tree instanceof MethodInvocationTree || tree instanceof NewClassTree)
        && LAUNCH.matches((ExpressionTree) tree, state);
  }

  /** The lambdas and anonymous classes among the arguments of a launch, each one goroutine. */
  public static List<Tree> launchedBodies(Tree launch) {
    List<? extends ExpressionTree> arguments =
        switch (launch) {
          case MethodInvocationTree call -> call.getArguments();
          case NewClassTree newClass -> newClass.getArguments();
          default -> List.of();
        };
    return arguments.stream().filter(Goroutines::isBody).map(Tree.class::cast).toList();
  }

  /**
   * The path to the innermost lambda or anonymous class enclosing {@code path} that is launched as
   * a goroutine, or null when the code runs in the goroutine of its method.
   */
  public static @Nullable TreePath enclosing(TreePath path, VisitorState state) {
    for (TreePath current = path;
        current.getParentPath() != null;
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      Tree parent = current.getParentPath().getLeaf();
      if (leaf instanceof ClassTree && parent instanceof NewClassTree) {
        continue; // The anonymous class is judged as its NewClassTree, one step up.
      }
      if (isBody(leaf) && isLaunch(parent, state)) {
        return current;
      }
      if (leaf instanceof com.sun.source.tree.MethodTree
          && !(parent instanceof ClassTree && isAnonymous(current.getParentPath()))) {
        return null;
      }
    }
    return null;
  }

  private static boolean isAnonymous(TreePath classPath) {
    TreePath up = classPath.getParentPath();
    return up != null && up.getLeaf() instanceof NewClassTree;
  }

  private static boolean isBody(Tree tree) {
    return tree instanceof LambdaExpressionTree
        || (tree instanceof NewClassTree newClass && newClass.getClassBody() != null);
  }
}
