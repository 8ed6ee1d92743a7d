package dev.conduit.errorprone.lostcancel;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.LambdaExpressionTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.util.JCDiagnostic.SimpleDiagnosticPosition;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.common.Declarations;
import dev.conduit.errorprone.common.Docs;
import dev.conduit.errorprone.lostcancel.HandleSites.Fate;
import dev.conduit.errorprone.lostcancel.HandleSites.Site;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;

/**
 * Go vet's lostcancel for Conduit: a cancellable context (or a ticker) must be released on every
 * path from its creation to the exit of the method or lambda that created it.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A cancellable context or ticker is not released on every path, so it leaks.",
    severity = ERROR,
    linkType = CUSTOM,
    link = Docs.PAGES + "LostCancel.md")
public final class LostCancel extends ConduitChecker
    implements MethodTreeMatcher, LambdaExpressionTreeMatcher {

  /** Flag: when true, every local handle must be released by try-with-resources. */
  public static final String REQUIRE_TRY_WITH_RESOURCES_FLAG = "LostCancel:RequireTryWithResources";

  private final CancelHandles handles;
  private final boolean requireTryWithResources;

  /** For ServiceLoader, which Error Prone uses to find plugin checks: the default settings. */
  public LostCancel() {
    this(ErrorProneFlags.empty());
  }

  /**
   * For Error Prone, which passes the {@code -XepOpt} flags.
   *
   * @throws IllegalArgumentException if {@code -XepOpt:LostCancel:ExtraHandles} is malformed
   */
  @Inject
  public LostCancel(ErrorProneFlags flags) {
    this(CancelHandles.withExtras(flags.getListOrEmpty(CancelHandles.EXTRA_HANDLES_FLAG)), flags);
  }

  /** Nothing to do where no class that creates a handle exists. */
  private LostCancel(CancelHandles handles, ErrorProneFlags flags) {
    super(handles.owners());
    this.handles = handles;
    requireTryWithResources = flags.getBoolean(REQUIRE_TRY_WITH_RESOURCES_FLAG).orElse(false);
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    if (tree.getBody() == null) {
      return Description.NO_MATCH;
    }
    return analyse(tree, state, () -> check(tree, state));
  }

  @Override
  public Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    return analyse(tree, state, () -> check(tree, state));
  }

  private Description check(Tree owner, VisitorState state) {
    if (!mayCreateInUnit(state)) {
      return Description.NO_MATCH; // the cheapest test: no call in the file has a factory's name
    }
    List<Site> sites = HandleSites.find(state.getPath(), handles, state);
    if (sites.isEmpty()) {
      return Description.NO_MATCH; // the cheap syntactic match: nothing is created here
    }
    Map<Tree, CancelHandles.Kind> tracked = new LinkedHashMap<>();
    for (Site site : sites) {
      if (site.fate() == Fate.DISCARDED) {
        report(
            state,
            buildDescription(site.creation())
                .setMessage(
                    message(
                        String.format(
                            "The handle returned by %s must be released (%s it), not discarded: %s",
                            callName(site.creation(), state),
                            site.kind().verb(),
                            site.discardReason()),
                        "nothing can release it now, so it leaks",
                        "keep it in a local and release it on every path"))
                .build());
      } else if (site.fate() == Fate.TRACKED) {
        tracked.put(site.creation(), site.kind());
      }
    }
    if (tracked.isEmpty()) {
      return Description.NO_MATCH;
    }
    Set<Tree> fixed = new HashSet<>();
    CancelFlow.Result result = CancelFlow.analyze(state.getPath(), tracked, state);
    for (CancelFlow.Leak leak : result.leaks()) {
      report(owner, leak, tracked.get(leak.site()), fixed, state);
    }
    if (requireTryWithResources) {
      for (Tree site : tracked.keySet()) {
        // Handles returned, stored or handed over are someone else's to release.
        if (!fixed.contains(site)
            && !result.handedOver().contains(site)
            && !isTryResource(site, state)) {
          Description.Builder description =
              buildDescription(site)
                  .setMessage(
                      message(
                          String.format(
                              "The handle returned by %s is not created in a try-with-resources,"
                                  + " which %s asks for",
                              callName(site, state), REQUIRE_TRY_WITH_RESOURCES_FLAG),
                          "an exception thrown before it is released leaks it",
                          "create it in a try-with-resources, which releases it on every path"));
          TryWithResourcesFix.forCreation(site, state).ifPresent(description::addFix);
          report(state, description.build());
        }
      }
    }
    return Description.NO_MATCH;
  }

  private void report(
      Tree owner,
      CancelFlow.Leak leak,
      CancelHandles.Kind kind,
      Set<Tree> fixed,
      VisitorState state) {
    String created =
        String.format(
            "the handle created on line %d by %s",
            Declarations.line(leak.site(), state), callName(leak.site(), state));
    Description.Builder description;
    if (leak.overwritten()) {
      description =
          buildDescription(leak.at())
              .setMessage(
                  message(
                      String.format(
                          "This assignment overwrites %s before %s it", created, kind.verb()),
                      "that handle can no longer be released, so it leaks",
                      release(kind)));
    } else if (leak.at() != null) {
      description =
          buildDescription(leak.at())
              .setMessage(
                  message(
                      String.format(
                          "This return may be reached without %s %s", kind.verb(), created),
                      LEAKS,
                      release(kind)));
    } else {
      Tree body =
          owner instanceof MethodTree method
              ? method.getBody()
              : ((LambdaExpressionTree) owner).getBody();
      description =
          buildDescription(new SimpleDiagnosticPosition(state.getEndPosition(body) - 1))
              .setMessage(
                  message(
                      String.format(
                          "The end of this %s may be reached without %s %s",
                          owner instanceof MethodTree ? "method" : "lambda", kind.verb(), created),
                      LEAKS,
                      release(kind)));
    }
    if (!leak.overwritten() && fixed.add(leak.site())) {
      Optional<SuggestedFix> fix = TryWithResourcesFix.forCreation(leak.site(), state);
      fix.ifPresent(description::addFix);
    }
    report(state, description.build());
  }

  /**
   * Whether the current file has a call written with a factory's name, scanned once per file: one
   * walk instead of one per method and one more per lambda (lambdas nest).
   */
  private boolean mayCreateInUnit(VisitorState state) {
    return perUnit(state, handles::mayCreateIn);
  }

  private static final String LEAKS =
      "on that path the handle is never released, so it leaks (with its timer and its place in"
          + " its parent, if it has them)";

  private static String release(CancelHandles.Kind kind) {
    return "release it on every path, most simply by creating it in a try-with-resources ("
        + kind.verb()
        + " it in a finally block works too)";
  }

  private static boolean isTryResource(Tree site, VisitorState state) {
    TreePath path = TreePath.getPath(state.getPath().getCompilationUnit(), site);
    return path != null
        && path.getParentPath().getParentPath().getLeaf() instanceof TryTree tryTree
        && tryTree.getResources().contains(path.getParentPath().getLeaf());
  }

  private static String callName(Tree creation, VisitorState state) {
    Symbol symbol = ASTHelpers.getSymbol(creation);
    if (symbol == null) {
      return "this call";
    }
    String method = symbol.isConstructor() ? "new" : symbol.getSimpleName().toString();
    return symbol.owner.getSimpleName() + "." + method + "()";
  }
}
