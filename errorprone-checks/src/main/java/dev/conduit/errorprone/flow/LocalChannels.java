package dev.conduit.errorprone.flow;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.conduit.errorprone.abandoned.ChannelOps;
import dev.conduit.errorprone.common.ConduitApi;
import dev.conduit.errorprone.common.Declarations;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What can be known about a channel that a method creates in a local variable and never lets out of
 * its sight: its capacity and the most sends any run of the method makes to it.
 *
 * <p>A channel that is stored, passed to a method other than a select clause, or reassigned
 * "escapes": sends elsewhere cannot be counted. A channel that is returned, or whose receive-only
 * view is taken, is "handed out": someone else receives from it, but only this method sends.
 */
public final class LocalChannels {

  /** Capacity of a channel whose capacity is not a compile-time constant. */
  public static final long UNKNOWN_CAPACITY = -1;

  /**
   * A channel created by {@code Channel.buffered(n)} or {@code Channel.unbuffered()} in the local
   * variable {@code symbol}.
   *
   * @param capacity the constant capacity, or {@link #UNKNOWN_CAPACITY}
   * @param sizedToWork whether the capacity counts items of work ({@code items.size()}, {@code
   *     array.length}, an int {@code n}) and the only sends are one per round of a single loop over
   *     those items: the fan-in idiom of one slot per item (see {@link SlotPerItem})
   * @param maxSends the most sends (select sends included) one run of the method makes
   * @param escapes whether the channel is used anywhere its sends cannot be counted
   * @param handedOut whether it is returned or its receive-only view taken: received elsewhere
   * @param fedByGoroutines whether every send to it (and close of it) is made by a goroutine the
   *     method starts, and there is at least one: the method is waiting for its own workers
   */
  public record LocalChannel(
      VarSymbol symbol,
      VariableTree declaration,
      MethodInvocationTree creation,
      long capacity,
      boolean sizedToWork,
      long maxSends,
      boolean escapes,
      boolean handedOut,
      boolean fedByGoroutines) {

    /** Whether no send can ever block: there is a slot for every send the method can make. */
    public boolean sendsCannotBlock() {
      return !escapes && (sizedToWork || (capacity >= 0 && maxSends <= capacity));
    }
  }

  private static final Set<String> HARMLESS_METHODS =
      Set.of(
          "send",
          "trySend",
          "receive",
          "receiveOptional",
          "awaitSignal",
          "tryReceive",
          "close",
          "isClosed",
          "len",
          "cap",
          "iterator",
          "forEach",
          "spliterator",
          "toString",
          "hashCode",
          "equals");

  /** Select clauses that take the channel as their first argument. */
  private static final Matcher<ExpressionTree> SELECT_CLAUSE =
      instanceMethod().onExactClass(ConduitApi.SELECT).namedAnyOf("onReceive", "onSend");

  private LocalChannels() {}

  /** The facts about {@code symbol}, or null when it is not a channel local created in place. */
  public static @Nullable LocalChannel find(Symbol symbol, VisitorState state) {
    if (!(symbol instanceof VarSymbol var)
        || var.getKind() != javax.lang.model.element.ElementKind.LOCAL_VARIABLE
        || !(Declarations.find(var, state) instanceof VariableTree declaration)
        || !(declaration.getInitializer() instanceof MethodInvocationTree creation)) {
      return null;
    }
    boolean unbuffered = ConduitApi.UNBUFFERED.matches(creation, state);
    if (!unbuffered && !ConduitApi.BUFFERED.matches(creation, state)) {
      return null;
    }
    TreePath blockPath = enclosingBlock(declaration, state);
    if (blockPath == null || !(blockPath.getLeaf() instanceof BlockTree block)) {
      return null;
    }
    List<? extends StatementTree> statements = block.getStatements();
    List<? extends StatementTree> after =
        statements.subList(statements.indexOf(declaration) + 1, statements.size());
    long capacity = unbuffered ? 0 : constantCapacity(creation);
    Use[] worst = {Use.HARMLESS};
    TreePathScanner<Void, Void> uses =
        new TreePathScanner<>() {
          @Override
          public Void visitIdentifier(IdentifierTree tree, Void unused) {
            if (ASTHelpers.getSymbol(tree) == var) {
              Use use = classify(getCurrentPath(), state);
              worst[0] = use.compareTo(worst[0]) > 0 ? use : worst[0];
            }
            return null;
          }
        };
    for (StatementTree statement : after) {
      uses.scan(new TreePath(blockPath, statement), null);
    }
    boolean escapes = worst[0] == Use.ESCAPES;
    boolean handedOut = worst[0] == Use.HANDED_OUT;
    long sends =
        ChannelOps.count(
            var, declaration, new TreePath(blockPath, declaration), ChannelOps.Kind.SENDS, state);
    boolean sizedToWork =
        !unbuffered
            && SlotPerItem.coversEverySend(var, creation.getArguments().get(0), after, state);
    boolean fedByGoroutines = fedByGoroutines(var, after, blockPath, state);
    return new LocalChannel(
        var,
        declaration,
        creation,
        capacity,
        sizedToWork,
        sends,
        escapes,
        handedOut,
        fedByGoroutines);
  }

  /**
   * The block that declares {@code declaration}. Any use of a local sits inside that block, so
   * walking up from the tree being matched finds it in a few steps; only a match elsewhere pays for
   * a search of the whole file.
   */
  public static @Nullable TreePath enclosingBlock(VariableTree declaration, VisitorState state) {
    for (TreePath path = state.getPath(); path != null; path = path.getParentPath()) {
      if (path.getLeaf() instanceof BlockTree block
          && block.getStatements().contains(declaration)) {
        return path;
      }
    }
    TreePath found = TreePath.getPath(state.getPath().getCompilationUnit(), declaration);
    return found == null ? null : found.getParentPath();
  }

  private static long constantCapacity(MethodInvocationTree creation) {
    return ASTHelpers.constValue(creation.getArguments().get(0)) instanceof Integer n
        ? n
        : UNKNOWN_CAPACITY;
  }

  private static boolean fedByGoroutines(
      VarSymbol channel,
      List<? extends StatementTree> after,
      TreePath blockPath,
      VisitorState state) {
    int[] inside = {0};
    int[] outside = {0};
    TreePathScanner<Void, Void> scanner =
        new TreePathScanner<>() {
          @Override
          public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
            if (call.getMethodSelect() instanceof MemberSelectTree select
                // A close is a signal too: `go(() -> { work(); done.close(); })`.
                && select.getIdentifier().toString().matches("send|trySend|close")
                && ASTHelpers.getSymbol(select.getExpression()) == channel) {
              if (Goroutines.enclosing(getCurrentPath(), state) != null) {
                inside[0]++;
              } else {
                outside[0]++;
              }
            }
            return super.visitMethodInvocation(call, null);
          }
        };
    for (StatementTree statement : after) {
      scanner.scan(new TreePath(blockPath, statement), null);
    }
    return inside[0] > 0 && outside[0] == 0;
  }

  /**
   * {@code return new Pair(out, errc)}: Java's stand-in for Go's two return values. A record whose
   * canonical constructor javac generated only stores the channel, so the caller receives from it
   * as from a channel returned alone.
   */
  private static boolean returnedInRecord(TreePath use) {
    TreePath up = use.getParentPath();
    if (!(up.getLeaf() instanceof NewClassTree creation)
        || creation.getClassBody() != null
        || !creation.getArguments().contains(use.getLeaf())
        || !(ASTHelpers.getSymbol(creation) instanceof Symbol.MethodSymbol constructor)
        || (constructor.owner.flags() & Flags.RECORD) == 0
        || (constructor.flags() & Flags.GENERATEDCONSTR) == 0) {
      return false;
    }
    for (TreePath path = up.getParentPath(); path != null; path = path.getParentPath()) {
      Tree leaf = path.getLeaf();
      if (leaf instanceof ReturnTree) {
        return true;
      }
      if (!(leaf instanceof ParenthesizedTree)) {
        return false;
      }
    }
    return false;
  }

  /** How a use of the channel lets it out of the method's sight, least to most. */
  private enum Use {
    HARMLESS,
    HANDED_OUT,
    ESCAPES
  }

  private static Use classify(TreePath use, VisitorState state) {
    Tree tree = use.getLeaf();
    Tree parent = use.getParentPath().getLeaf();
    if (parent instanceof MemberSelectTree select && select.getExpression() == tree) {
      if (!(use.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree)) {
        return Use.ESCAPES; // A method reference such as ch::send.
      }
      String name = select.getIdentifier().toString();
      return name.equals("receiveOnly")
          ? Use.HANDED_OUT
          : HARMLESS_METHODS.contains(name) ? Use.HARMLESS : Use.ESCAPES;
    }
    if (parent instanceof MemberReferenceTree reference
        && reference.getName().toString().matches("send|trySend")) {
      return Use.HARMLESS; // ch::send handed on: its sends are counted as unbounded
    }
    if (parent instanceof EnhancedForLoopTree loop && loop.getExpression() == tree) {
      return Use.HARMLESS;
    }
    if (parent instanceof ReturnTree || returnedInRecord(use)) {
      return Use.HANDED_OUT;
    }
    if (parent instanceof MethodInvocationTree call
        && !call.getArguments().isEmpty()
        && call.getArguments().get(0) == tree
        && SELECT_CLAUSE.matches(call, state)) {
      return Use.HARMLESS;
    }
    return Use.ESCAPES;
  }
}
