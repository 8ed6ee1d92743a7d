package dev.conduit.errorprone.context;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.conduit.errorprone.common.ConduitApi;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.common.Docs;
import dev.conduit.errorprone.common.Presence;
import java.util.List;
import javax.inject.Inject;

/**
 * Go's convention, checked by revive's context-as-argument: a {@code Context} parameter comes
 * first, so every call site reads the same way and the context is never lost among the others.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A Context parameter should be the first parameter of its method or constructor.",
    severity = WARNING,
    linkType = CUSTOM,
    link = Docs.PAGES + "ContextFirst.md")
public final class ContextFirst extends ConduitChecker implements MethodTreeMatcher {

  /** Fully-qualified types that may stand before the context, comma-separated. */
  public static final String ALLOW_TYPES_BEFORE = "ContextFirst:AllowTypesBefore";

  private final ImmutableSet<String> allowedBefore;

  /** For ServiceLoader, which Error Prone uses to find plugin checks. */
  public ContextFirst() {
    this(ErrorProneFlags.empty());
  }

  /** For Error Prone, which injects {@code -XepOpt:ContextFirst:AllowTypesBefore=a.B,c.D}. */
  @Inject
  public ContextFirst(ErrorProneFlags flags) {
    super(Presence.CONTEXT);
    allowedBefore = flags.getSetOrEmpty(ALLOW_TYPES_BEFORE);
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    return analyse(tree, state, () -> match(tree, state));
  }

  private Description match(MethodTree tree, VisitorState state) {
    List<? extends VariableTree> parameters = tree.getParameters();
    int misplaced = misplacedContext(parameters, state);
    if (misplaced < 0) {
      return Description.NO_MATCH;
    }
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    // The supertype dictates an override's signature: the finding belongs there, not here.
    if (method == null
        || !ASTHelpers.findSuperMethods(method, state.getTypes()).isEmpty()
        || isCanonicalRecordConstructor(method)) {
      return Description.NO_MATCH;
    }
    VariableTree context = parameters.get(misplaced);
    return buildDescription(context)
        .setMessage(
            message(
                String.format(
                    "Context parameter '%s' is parameter %d of %d",
                    context.getName(), misplaced + 1, parameters.size()),
                "calls then pass their context in different places, unlike Go code",
                "put it first, so that every call passes its context in the same place"))
        .build();
  }

  /** The index of the first context that follows a parameter it may not follow, or -1. */
  private int misplacedContext(List<? extends VariableTree> parameters, VisitorState state) {
    boolean pastLeadingContexts = false;
    for (int i = 0; i < parameters.size(); i++) {
      Type type = ASTHelpers.getType(parameters.get(i));
      if (ConduitApi.isContext(type, state)) {
        if (pastLeadingContexts) {
          return i;
        }
      } else if (!isAllowedBefore(type, state)) {
        pastLeadingContexts = true;
      }
    }
    return -1;
  }

  private boolean isAllowedBefore(Type type, VisitorState state) {
    for (String allowed : allowedBefore) {
      if (ConduitApi.isSubtype(type, allowed, state)) {
        return true;
      }
    }
    return false;
  }

  /** A record's components are a data layout, not a calling convention (records are messages). */
  private static boolean isCanonicalRecordConstructor(MethodSymbol method) {
    return method.isConstructor() && (method.flags() & Flags.RECORD) != 0;
  }
}
