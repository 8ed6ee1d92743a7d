package dev.conduit.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import dev.conduit.errorprone.util.ChannelCloses;
import dev.conduit.errorprone.util.ConduitApi;
import dev.conduit.errorprone.util.Declarations;
import dev.conduit.errorprone.util.Docs;
import dev.conduit.errorprone.util.Guard;
import dev.conduit.errorprone.util.Presence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;

/**
 * Closing a closed channel throws, as it panics in Go: the same channel closed twice on one path,
 * closed in a loop, or closed by more than one goroutine, without being reassigned in between.
 */
@BugPattern(
    summary = "A channel may be closed twice; closing a closed channel throws.",
    severity = ERROR,
    linkType = CUSTOM,
    link = Docs.PAGES + "DoubleClose.md")
public final class DoubleClose extends BugChecker implements MethodTreeMatcher {

  /** Nothing to do where Conduit is absent: it looks only at closes of Conduit channels. */
  private static final Supplier<Boolean> PRESENT = Presence.anyOf(Presence.CHANNEL);

  /** For ServiceLoader, which Error Prone uses to find plugin checks. */
  public DoubleClose() {}

  /** For Error Prone, which injects the {@code -XepOpt} flags; this check has none. */
  @Inject
  public DoubleClose(ErrorProneFlags flags) {}

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    if (!PRESENT.get(state)) {
      return Description.NO_MATCH;
    }
    return Guard.run(() -> match(tree, state));
  }

  private Description match(MethodTree tree, VisitorState state) {
    if (tree.getBody() == null) {
      return Description.NO_MATCH;
    }
    // Cheap first: the flow walk runs only for methods that close some channel.
    List<Tree> bodies = new ArrayList<>();
    bodies.add(tree.getBody());
    int[] closes = {0};
    int[] classDepth = {0};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (call.getArguments().isEmpty()
            && call.getMethodSelect() instanceof MemberSelectTree select
            && select.getIdentifier().contentEquals("close")
            && ConduitApi.isChannel(ASTHelpers.getType(select.getExpression()), state)) {
          closes[0]++;
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        if (classDepth[0] == 0) {
          bodies.add(lambda.getBody());
        }
        return super.visitLambdaExpression(lambda, null);
      }

      @Override
      public Void visitClass(ClassTree local, Void unused) {
        // Methods of local and anonymous classes are matched as methods of their own; their
        // closes still count here, since a goroutine this body starts may be one.
        classDepth[0]++;
        try {
          return super.visitClass(local, null);
        } finally {
          classDepth[0]--;
        }
      }
    }.scan(tree.getBody(), null);
    if (closes[0] == 0) {
      return Description.NO_MATCH;
    }
    Set<Tree> reported = new HashSet<>();
    for (Tree body : bodies) {
      new ChannelCloses(
              state,
              (call, earlier) -> {
                if (reported.add(call)) {
                  state.reportMatch(describe(call, earlier, state));
                }
              })
          .walk(body);
    }
    return Description.NO_MATCH;
  }

  private Description describe(
      MethodInvocationTree call, MethodInvocationTree earlier, VisitorState state) {
    String name = state.getSourceForNode(ASTHelpers.getReceiver(call));
    String when =
        earlier == call
            ? "again on every later round of the loop around it (or by every goroutine the loop"
                + " starts)"
            : "although it may already be closed at line " + Declarations.line(earlier, state);
    return buildDescription(call)
        .setMessage(
            String.format(
                "channel '%s' is closed %s, and closing a closed channel throws; close it once, in"
                    + " the one place that owns it, or reassign it before closing again",
                name, when))
        .build();
  }
}
