package dev.conduit.errorprone.lostcancel;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.conduit.errorprone.common.ConduitApi;
import dev.conduit.vocabulary.ConduitTypes;
import java.util.List;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * The handles that must be released on every path: what creates them and what releases them.
 *
 * <p>Built in: the cancellable contexts made by {@code Context.withCancel/withTimeout/
 * withDeadline} (and their cause overloads), released by {@code cancel()} or {@code close()}; and
 * {@code Ticker.every}, released by {@code stop()} or {@code close()}. Teams add their own pairs
 * with {@code -XepOpt:LostCancel:ExtraHandles=com.acme.Pool#lease/release|close,...}.
 */
final class CancelHandles {

  /**
   * One kind of handle.
   *
   * @param owner the fully-qualified class whose method (or constructor, {@code new}) creates one
   * @param factories the creating methods' names
   * @param releases the names of the methods that release one
   * @param verb how messages say releasing, e.g. "cancelling"
   */
  public record Kind(
      String owner, ImmutableSet<String> factories, ImmutableSet<String> releases, String verb) {}

  /** The {@code -XepOpt} flag that adds kinds. */
  public static final String EXTRA_HANDLES_FLAG = "LostCancel:ExtraHandles";

  private static final Kind CONTEXT =
      new Kind(
          ConduitTypes.CONTEXT,
          ImmutableSet.of("withCancel", "withTimeout", "withDeadline"),
          ImmutableSet.of("cancel", "close"),
          "cancelling");

  private static final Kind TICKER =
      new Kind(
          ConduitTypes.TICKER,
          ImmutableSet.of("every"),
          ImmutableSet.of("stop", "close"),
          "stopping");

  private final ImmutableList<Kind> kinds;

  /** Every factory's name ({@code new} for a constructor): a test that needs no symbol. */
  private final ImmutableSet<String> factoryNames;

  private CancelHandles(ImmutableList<Kind> kinds) {
    this.kinds = kinds;
    this.factoryNames =
        kinds.stream()
            .flatMap(kind -> kind.factories().stream())
            .collect(ImmutableSet.toImmutableSet());
  }

  /**
   * The built-in kinds plus those given as {@code Owner#factory/release|release} entries.
   *
   * @throws IllegalArgumentException naming the entry, if an entry is malformed
   */
  public static CancelHandles withExtras(List<String> extraEntries) {
    ImmutableList.Builder<Kind> kinds = ImmutableList.<Kind>builder().add(CONTEXT, TICKER);
    for (String entry : extraEntries) {
      kinds.add(parse(entry.trim()));
    }
    return new CancelHandles(kinds.build());
  }

  private static Kind parse(String entry) {
    int hash = entry.indexOf('#');
    int slash = entry.indexOf('/', hash + 1);
    if (hash <= 0 || slash <= hash + 1 || slash == entry.length() - 1) {
      throw new IllegalArgumentException(
          "-XepOpt:"
              + EXTRA_HANDLES_FLAG
              + ": '"
              + entry
              + "' is not of the form"
              + " com.example.Owner#factoryMethod/releaseMethod[|releaseMethod...]"
              + " (use 'new' as the factory for a constructor)");
    }
    ImmutableSet<String> releases = ImmutableSet.copyOf(entry.substring(slash + 1).split("\\|"));
    if (releases.stream().anyMatch(name -> !name.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*"))) {
      throw new IllegalArgumentException(
          "-XepOpt:" + EXTRA_HANDLES_FLAG + ": '" + entry + "' has an invalid release method name");
    }
    return new Kind(
        entry.substring(0, hash),
        ImmutableSet.of(entry.substring(hash + 1, slash)),
        releases,
        "releasing");
  }

  /** The classes whose methods (or constructors) create handles, fully qualified. */
  public ImmutableList<String> owners() {
    return kinds.stream().map(Kind::owner).distinct().collect(ImmutableList.toImmutableList());
  }

  /**
   * Whether {@code tree} contains a call or {@code new} written with the name of a factory, read
   * off the trees without resolving anything: where it does not, nothing in it creates a handle.
   */
  public boolean mayCreateIn(Tree tree) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree node, Void unused) {
        return found[0] ? null : super.scan(node, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        found[0] |= factoryNames.contains(ConduitApi.writtenName(call));
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree creation, Void unused) {
        found[0] |= factoryNames.contains("new");
        return super.visitNewClass(creation, null);
      }
    }.scan(tree, null);
    return found[0];
  }

  /** Which kind of handle {@code expression} creates, or null if it creates none. */
  public @Nullable Kind created(ExpressionTree expression, VisitorState state) {
    String name;
    Symbol owner;
    if (expression instanceof MethodInvocationTree invocation) {
      if (!factoryNames.contains(ConduitApi.writtenName(invocation))) {
        return null; // the name as written, before any symbol is resolved
      }
      MethodSymbol method = ASTHelpers.getSymbol(invocation);
      name = method.getSimpleName().toString();
      owner = method.owner;
    } else if (expression instanceof NewClassTree creation) {
      if (!factoryNames.contains("new")) {
        return null;
      }
      name = "new";
      owner = ASTHelpers.getSymbol(creation).owner;
    } else {
      return null;
    }
    for (Kind kind : kinds) {
      if (kind.factories().contains(name) && isSubclass(owner, kind.owner(), state)) {
        return kind;
      }
    }
    return null;
  }

  /** Whether calling {@code method} on a handle of {@code kind} releases it. */
  public static boolean releases(Kind kind, String method) {
    return kind.releases().contains(method);
  }

  /**
   * Whether a value typed {@code type} could release a handle of {@code kind}: it has one of the
   * release methods, or it is {@code Object} or a type variable, which may be anything. A plain
   * {@code Context} cannot.
   */
  public static boolean canRelease(@Nullable Type type, Kind kind, VisitorState state) {
    if (type == null
        || type.getKind() == TypeKind.TYPEVAR
        || state.getTypes().isSameType(type, state.getSymtab().objectType)) {
      return true;
    }
    if (!(type.tsym instanceof Symbol.ClassSymbol)) {
      return false;
    }
    for (String release : kind.releases()) {
      for (Symbol member :
          state.getTypes().membersClosure(type, false).getSymbolsByName(state.getName(release))) {
        if (member instanceof MethodSymbol) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code argument} of {@code invocation} goes to a parameter that could take over a
   * handle (anything but a plain {@code Context}-like type without release methods).
   */
  static boolean isOwnerParameter(MethodInvocationTree invocation, Tree argument) {
    MethodSymbol method = ASTHelpers.getSymbol(invocation);
    int index = invocation.getArguments().indexOf(argument);
    if (index < 0 || method.getParameters().isEmpty()) {
      return true;
    }
    Type type =
        method.getParameters().get(Math.min(index, method.getParameters().size() - 1)).asType();
    // Conduit's Context is the plain type every API takes; anything else may keep the handle.
    return !type.tsym.getQualifiedName().contentEquals(ConduitTypes.CONTEXT);
  }

  private static boolean isSubclass(Symbol owner, String className, VisitorState state) {
    Type base = state.getTypeFromString(className);
    return base != null
        && owner instanceof Symbol.ClassSymbol
        && state
            .getTypes()
            .isSubtype(state.getTypes().erasure(owner.type), state.getTypes().erasure(base));
  }
}
