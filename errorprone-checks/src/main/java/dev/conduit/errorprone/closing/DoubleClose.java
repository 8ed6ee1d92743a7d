package dev.conduit.errorprone.closing;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MethodTree;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.common.Declarations;
import dev.conduit.errorprone.common.Docs;
import dev.conduit.errorprone.common.Presence;

/**
 * Closing a closed channel throws, as it panics in Go: the same channel closed twice on one path,
 * closed in a loop, or closed by more than one goroutine, without being reassigned in between.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A channel may be closed twice; closing a closed channel throws.",
    severity = ERROR,
    linkType = CUSTOM,
    link = Docs.PAGES + "DoubleClose.md")
public final class DoubleClose extends ConduitChecker implements MethodTreeMatcher {

  public DoubleClose() {
    super(Presence.CHANNEL);
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    return analyse(tree, state, () -> match(tree, state));
  }

  private Description match(MethodTree tree, VisitorState state) {
    if (tree.getBody() == null) {
      return Description.NO_MATCH;
    }
    for (DoubleCloses.Report report : DoubleCloses.find(state.getPath(), state)) {
      report(state, describe(report, state));
    }
    return Description.NO_MATCH;
  }

  private Description describe(DoubleCloses.Report report, VisitorState state) {
    String when =
        report.earlier() == report.at()
            ? "again on every later round of the loop around it (or by every goroutine the loop"
                + " starts)"
            : "although it may already be closed at line "
                + Declarations.line(report.earlier(), state);
    return buildDescription(report.at())
        .setMessage(
            message(
                String.format("channel '%s' is closed %s", report.channel(), when),
                "closing a closed channel throws",
                "close it once, in the one place that owns it, or reassign it before closing"
                    + " again"))
        .build();
  }
}
