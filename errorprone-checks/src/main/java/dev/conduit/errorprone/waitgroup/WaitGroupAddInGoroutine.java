package dev.conduit.errorprone.waitgroup;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.tree.JCTree;
import dev.conduit.errorprone.common.ConduitApi;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.common.Declarations;
import dev.conduit.errorprone.common.Docs;
import dev.conduit.errorprone.common.Presence;
import dev.conduit.errorprone.flow.Goroutines;
import org.jspecify.annotations.Nullable;

/**
 * Go's staticcheck SA2000: {@code WaitGroup.add} called inside the goroutine it counts races with
 * {@code await()}, which may see a zero counter and return before the goroutine has even started.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "WaitGroup.add is called inside the goroutine it counts; call it before starting it.",
    severity = ERROR,
    linkType = CUSTOM,
    link = Docs.PAGES + "WaitGroupAddInGoroutine.md")
public final class WaitGroupAddInGoroutine extends ConduitChecker
    implements MethodInvocationTreeMatcher {

  private static final Matcher<ExpressionTree> ADD =
      instanceMethod().onExactClass(ConduitApi.WAIT_GROUP).named("add");

  private static final Matcher<ExpressionTree> DONE =
      instanceMethod().onExactClass(ConduitApi.WAIT_GROUP).namedAnyOf("done", "go");

  public WaitGroupAddInGoroutine() {
    super(Presence.WAIT_GROUP);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return analyse(tree, state, () -> match(tree, state));
  }

  private Description match(MethodInvocationTree tree, VisitorState state) {
    if (!ConduitApi.writtenName(tree).equals("add") || !ADD.matches(tree, state)) {
      return Description.NO_MATCH;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(tree);
    Symbol group = receiver == null ? null : ASTHelpers.getSymbol(receiver);
    TreePath goroutine = Goroutines.enclosing(state.getPath(), state);
    if (group != null && goroutine == null) {
      String launch = launchedByReference(tree, group, state);
      return launch == null
          ? Description.NO_MATCH
          : describe(tree, group, " (started as " + launch + ")");
    }
    if (group == null
        || goroutine == null
        || declaredInside(group, goroutine.getLeaf(), state)
        // wg.go(...) counted this goroutine before starting it: the counter cannot be zero here.
        || launchedBySameGroup(goroutine, group)
        // The add is for a goroutine this one starts afterwards, which calls done().
        || countsNestedGoroutine(tree, goroutine.getLeaf(), group, state)) {
      return Description.NO_MATCH;
    }
    return describe(tree, group, "");
  }

  private Description describe(MethodInvocationTree add, Symbol group, String launch) {
    String name = group.getSimpleName().toString();
    return buildDescription(add)
        .setMessage(
            message(
                String.format("%s.add() runs inside the goroutine it counts%s", name, launch),
                String.format(
                    "%s.await() may see a zero counter and return before this goroutine has"
                        + " started",
                    name),
                String.format(
                    "call %s.add() before starting the goroutine, or start it with %s.go(...)",
                    name, name)))
        .build();
  }

  private static boolean declaredInside(Symbol symbol, Tree goroutine, VisitorState state) {
    if (!(symbol instanceof Symbol.VarSymbol var) || var.owner instanceof Symbol.ClassSymbol) {
      return false; // A field lives outside every goroutine.
    }
    Tree declaration = Declarations.find(symbol, state);
    return declaration != null
        && ((JCTree) declaration).getStartPosition() >= ((JCTree) goroutine).getStartPosition()
        && state.getEndPosition(declaration) <= state.getEndPosition(goroutine);
  }

  private static boolean launchedBySameGroup(TreePath goroutine, Symbol group) {
    return goroutine.getParentPath().getLeaf() instanceof MethodInvocationTree launch
        && ConduitApi.methodName(launch).equals("go")
        && ASTHelpers.getReceiver(launch) instanceof ExpressionTree launcher
        && ASTHelpers.getSymbol(launcher) == group;
  }

  private static boolean countsNestedGoroutine(
      MethodInvocationTree add, Tree goroutine, Symbol group, VisitorState state) {
    int addEnd = state.getEndPosition(add);
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        checkLaunch(call);
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(com.sun.source.tree.NewClassTree newClass, Void unused) {
        checkLaunch(newClass);
        return super.visitNewClass(newClass, null);
      }

      private void checkLaunch(Tree call) {
        if (((JCTree) call).getStartPosition() > addEnd && Goroutines.isLaunch(call, state)) {
          for (Tree body : Goroutines.launchedBodies(call)) {
            found[0] |= signalsDone(body, group, state);
          }
        }
      }
    }.scan(
        goroutine instanceof com.sun.source.tree.LambdaExpressionTree lambda
            ? lambda.getBody()
            : goroutine,
        null);
    return found[0];
  }

  private static boolean signalsDone(Tree body, Symbol group, VisitorState state) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        found[0] |=
            DONE.matches(call, state)
                && ASTHelpers.getReceiver(call) instanceof ExpressionTree receiver
                && ASTHelpers.getSymbol(receiver) == group;
        return super.visitMethodInvocation(call, null);
      }
    }.scan(body, null);
    return found[0];
  }

  /**
   * {@code go(this::worker)} with the {@code add} in {@code worker}: the goroutine's body is a
   * method of this file, started through a method reference. Returns how it is started ({@code
   * "go(this::worker) at line 12"}), or null when no such launch counts the add racily: the group
   * must be a field (a method reference passes no arguments), and neither {@code group.go(...)} nor
   * a nested goroutine that calls {@code group.done()} explains the add.
   */
  private static @Nullable String launchedByReference(
      MethodInvocationTree add, Symbol group, VisitorState state) {
    MethodTree body = state.findEnclosing(MethodTree.class);
    if (body == null
        || !(group instanceof Symbol.VarSymbol field)
        || !(field.owner instanceof Symbol.ClassSymbol)
        || !body.getParameters().isEmpty()
        || countsNestedGoroutine(add, body.getBody(), group, state)) {
      return null;
    }
    Symbol method = ASTHelpers.getSymbol(body);
    String[] found = {null};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
        Tree parent = getCurrentPath().getParentPath().getLeaf();
        if (found[0] == null
            && ASTHelpers.getSymbol(reference) == method
            && Goroutines.isLaunch(parent, state)
            && !(parent instanceof MethodInvocationTree launch
                && ConduitApi.methodName(launch).equals("go")
                && ASTHelpers.getReceiver(launch) instanceof ExpressionTree launcher
                && ASTHelpers.getSymbol(launcher) == group)) {
          found[0] =
              state.getSourceForNode(parent) + " at line " + Declarations.line(parent, state);
        }
        return super.visitMemberReference(reference, null);
      }
    }.scan(state.getPath().getCompilationUnit(), null);
    return found[0];
  }
}
