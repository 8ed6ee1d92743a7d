package dev.conduit.errorprone.common;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.suppliers.Supplier;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What every Conduit rule shares, so that a rule holds only its own reasoning:
 *
 * <ul>
 *   <li>the <b>presence gate</b>: a rule whose Conduit types are all absent from the compilation
 *       (see {@link Presence}) cannot find anything and returns at once, so a build that does not
 *       use Conduit pays almost nothing for it;
 *   <li>the <b>crash guard</b>: a failure inside a rule never breaks the user's build and never
 *       goes unseen either; it becomes a warning that names the rule and the method it could not
 *       analyse. Conduit's own tests (and its corpus and timing runs) set {@value
 *       #RETHROW_PROPERTY}, so that the failure fails them instead;
 *   <li>the <b>generated-code policy</b>: nothing is reported inside a class marked
 *       {@code @Generated}; its generator, not the user, answers for it (see {@link
 *       GeneratedCode});
 *   <li>the <b>message voice</b>: every finding says what is wrong, what follows from it and what
 *       to do, as sentences that start with a capital letter (or with code, written as in the
 *       source), quote names in single quotes ({@code channel 'out'}) and write calls as {@code
 *       close()}; see {@link #message(String, String, String)};
 *   <li>one <b>per-file memo</b> ({@link #perUnit}) for what a rule works out once per file.
 * </ul>
 *
 * <p>A rule's matcher methods read {@code return analyse(tree, state, () -> match(tree, state));},
 * and a rule that reports more than one finding per node calls {@link #report} instead of {@code
 * state.reportMatch}.
 */
public abstract class ConduitChecker extends BugChecker {

  /**
   * When {@code true}, a failure inside a rule is rethrown (and fails javac) instead of becoming a
   * warning; Conduit's tests, its corpus run and its timing run set it.
   */
  public static final String RETHROW_PROPERTY = "conduit.errorprone.rethrow";

  private final Supplier<Boolean> present;

  /** The file seen last with the value {@link #perUnit} worked out for it. */
  private @Nullable UnitMemo<?> memo;

  /** The file in which the crash guard last reported, and the methods it reported in there. */
  private @Nullable CompilationUnitTree crashedUnit;

  private final Set<Tree> crashedIn = new HashSet<>();

  /**
   * @param gate the fully-qualified names of the Conduit types without which this rule has nothing
   *     to find; the rule runs when at least one of them exists in the compilation
   */
  protected ConduitChecker(Collection<String> gate) {
    present = Presence.anyOf(ImmutableList.copyOf(gate));
  }

  /** As {@link #ConduitChecker(Collection)}. */
  protected ConduitChecker(String... gate) {
    this(ImmutableList.copyOf(gate));
  }

  /** Whether the types this rule looks for exist in the current compilation (decided once). */
  protected final boolean gateOpen(VisitorState state) {
    return present.get(state);
  }

  /**
   * Runs a rule's analysis of {@code tree} under the gate, the crash guard and the generated-code
   * policy; what it returns is what the matcher method returns.
   */
  protected final Description analyse(
      Tree tree, VisitorState state, java.util.function.Supplier<Description> analysis) {
    if (!present.get(state)) {
      return Description.NO_MATCH;
    }
    Description found;
    try {
      found = analysis.get();
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      // LinkageError: a newer Error Prone or javac may have changed an API the rule uses.
      if (Boolean.getBoolean(RETHROW_PROPERTY)) {
        throw e;
      }
      return couldNotAnalyse(tree, state, e);
    }
    return found == Description.NO_MATCH || GeneratedCode.isCurrent(state)
        ? Description.NO_MATCH
        : found;
  }

  /** Reports {@code finding} unless the current code is generated; for rules that report many. */
  protected final void report(VisitorState state, Description finding) {
    if (!GeneratedCode.isCurrent(state)) {
      state.reportMatch(finding);
    }
  }

  /**
   * One finding's message in Conduit's voice: what is wrong, what follows from it, what to do. Each
   * part is a clause without its final period; the parts become sentences.
   */
  protected static String message(String wrong, String consequence, String remedy) {
    return sentence(wrong) + " " + sentence(consequence) + " " + sentence(remedy);
  }

  private static String sentence(String clause) {
    String trimmed = clause.strip();
    int space = trimmed.indexOf(' ');
    String first = (space < 0 ? trimmed : trimmed.substring(0, space)).replaceAll("[.,;:]$", "");
    // A sentence that starts with code ("wg.add() runs", "null is passed") keeps it as written.
    boolean word = !first.isEmpty() && first.chars().allMatch(Character::isLowerCase);
    if (word && !CODE_WORDS.contains(first)) {
      trimmed = Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
    }
    return trimmed.endsWith(".") ? trimmed : trimmed + ".";
  }

  private static final Set<String> CODE_WORDS = Set.of("null", "true", "false");

  /**
   * A value this rule works out once per file ({@code compute} is called with the file's tree the
   * first time a file is seen); javac checks one file after another, so one slot is enough.
   */
  @SuppressWarnings("unchecked")
  protected final <T> T perUnit(VisitorState state, Function<CompilationUnitTree, T> compute) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    UnitMemo<?> last = memo;
    if (last == null || last.unit() != unit) {
      last = new UnitMemo<>(unit, compute.apply(unit));
      memo = last;
    }
    return (T) last.value();
  }

  private record UnitMemo<T>(CompilationUnitTree unit, T value) {}

  /** The crash guard's warning, once per method (a rule may fail at every node of one method). */
  private Description couldNotAnalyse(Tree tree, VisitorState state, Throwable failure) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (crashedUnit != unit) {
      crashedUnit = unit;
      crashedIn.clear();
    }
    Tree where = enclosingDeclaration(state);
    if (!crashedIn.add(where == null ? tree : where)) {
      return Description.NO_MATCH;
    }
    String reason = failure.getClass().getSimpleName();
    if (failure.getMessage() != null) {
      reason += ": " + failure.getMessage();
    }
    return buildDescription(tree)
        .setMessage(
            String.format(
                "Conduit's %s could not analyse %s (%s); no findings are reported for it. This is"
                    + " a bug in Conduit, not in your code: please report it with this message.",
                canonicalName(), describe(where), reason))
        // A failure of Conduit is not the user's error: never break the build, whatever -Xep says.
        .overrideSeverity(WARNING)
        .build();
  }

  private static @Nullable Tree enclosingDeclaration(VisitorState state) {
    for (Tree tree : state.getPath()) {
      if (tree instanceof MethodTree || tree instanceof ClassTree) {
        return tree;
      }
    }
    return null;
  }

  private static String describe(@Nullable Tree where) {
    if (where instanceof MethodTree method) {
      String name = method.getName().toString();
      return name.equals("<init>") ? "a constructor" : "method '" + name + "'";
    }
    if (where instanceof ClassTree cls) {
      return cls.getSimpleName().isEmpty()
          ? "an anonymous class"
          : "class '" + cls.getSimpleName() + "'";
    }
    return "this code";
  }
}
