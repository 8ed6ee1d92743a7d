package dev.conduit.errorprone.common;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import dev.conduit.vocabulary.ConduitTypes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The parts of Conduit's runtime API the context and goroutine checks recognise, matched by
 * fully-qualified name so that the checks need nothing but Error Prone at run time.
 */
public final class ConduitApi {

  public static final String CONTEXT = ConduitTypes.CONTEXT;
  public static final String CANCELLABLE_CONTEXT = ConduitTypes.CANCELLABLE_CONTEXT;
  public static final String CHANNEL = ConduitTypes.CHANNEL;
  public static final String SELECT = ConduitTypes.SELECT;
  public static final String WAIT_GROUP = ConduitTypes.WAIT_GROUP;

  /**
   * A channel's receives that block until a value arrives or the channel is closed: Go's {@code
   * <-ch} in its three spellings ({@code v := <-ch}, {@code v, ok := <-ch}, {@code <-quit}), each
   * with a context-taking overload.
   */
  public static final ImmutableSet<String> BLOCKING_RECEIVES =
      ImmutableSet.of("receive", "receiveOptional", "awaitSignal");

  /** {@code Context.background()} and {@code Context.todo()}: the roots nothing can cancel. */
  public static final Matcher<ExpressionTree> ROOT_CONTEXT =
      staticMethod().onClass(CONTEXT).namedAnyOf("background", "todo").withNoParameters();

  /** {@code ctx.withCancel()}: a child only its owner (or its parent) can cancel. */
  public static final Matcher<ExpressionTree> WITH_CANCEL =
      instanceMethod().onDescendantOf(CONTEXT).named("withCancel").withNoParameters();

  /** The methods that derive a child context from their receiver. */
  public static final Matcher<ExpressionTree> DERIVE_CONTEXT =
      instanceMethod()
          .onDescendantOf(CONTEXT)
          .namedAnyOf("withCancel", "withTimeout", "withDeadline", "withValue", "afterFunc");

  /** {@code Channel.unbuffered()} and {@code Channel.buffered(n)}. */
  public static final Matcher<ExpressionTree> UNBUFFERED =
      staticMethod().onClass(CHANNEL).named("unbuffered");

  public static final Matcher<ExpressionTree> BUFFERED =
      staticMethod().onClass(CHANNEL).named("buffered");

  /** {@code Select.select()}, the start of a select chain. */
  public static final Matcher<ExpressionTree> SELECT_START =
      staticMethod().onClass(SELECT).named("select");

  private ConduitApi() {}

  /** Whether {@code type} is {@code dev.conduit.Context} or one of its subtypes. */
  public static boolean isContext(@Nullable Type type, VisitorState state) {
    return isSubtype(type, CONTEXT, state);
  }

  /** Whether {@code type} is {@code CancellableContext} or one of its subtypes. */
  public static boolean isCancellableContext(@Nullable Type type, VisitorState state) {
    return isSubtype(type, CANCELLABLE_CONTEXT, state);
  }

  /** Whether {@code type} is Conduit's {@code Channel} (queues and wrappers are not). */
  public static boolean isChannel(@Nullable Type type, VisitorState state) {
    return isSubtype(type, CHANNEL, state);
  }

  public static boolean isWaitGroup(@Nullable Type type, VisitorState state) {
    return isSubtype(type, WAIT_GROUP, state);
  }

  /** Whether {@code type}, erased, is a subtype of the class named {@code className}. */
  public static boolean isSubtype(@Nullable Type type, String className, VisitorState state) {
    if (type == null
        || type.isPrimitive()
        || type.getTag() == com.sun.tools.javac.code.TypeTag.BOT) {
      return false;
    }
    Type base = ERASED.computeIfAbsent(className, ChannelTypes::erasedType).get(state);
    return base != null && state.getTypes().isSubtype(state.getTypes().erasure(type), base);
  }

  /** The erasure of each class {@link #isSubtype} has been asked about, once per compilation. */
  private static final Map<String, Supplier<Type>> ERASED = new ConcurrentHashMap<>();

  /** The simple name of the method {@code tree} calls, or "" when it is not a method call. */
  public static String methodName(Tree tree) {
    if (tree instanceof MethodInvocationTree call) {
      Symbol symbol = ASTHelpers.getSymbol(call);
      return symbol == null ? "" : symbol.getSimpleName().toString();
    }
    return "";
  }

  /**
   * The name a call is written with ({@code receive} in {@code ch.receive()}), read off the tree
   * without resolving anything: the cheapest first test a check can make.
   */
  public static String writtenName(MethodInvocationTree call) {
    return switch (call.getMethodSelect()) {
      case com.sun.source.tree.MemberSelectTree select -> select.getIdentifier().toString();
      case com.sun.source.tree.IdentifierTree identifier -> identifier.getName().toString();
      default -> "";
    };
  }

  /** The variable {@code tree} reads when it is a plain name or {@code this.name}, else null. */
  public static Symbol.@Nullable VarSymbol variable(@Nullable ExpressionTree tree) {
    if (tree == null) {
      return null;
    }
    ExpressionTree stripped = ASTHelpers.stripParentheses(tree);
    if (stripped.getKind() != Tree.Kind.IDENTIFIER
        && stripped.getKind() != Tree.Kind.MEMBER_SELECT) {
      return null;
    }
    if (stripped instanceof com.sun.source.tree.MemberSelectTree select
        && !(select.getExpression() instanceof com.sun.source.tree.IdentifierTree receiver
            && receiver.getName().contentEquals("this"))) {
      return null;
    }
    return ASTHelpers.getSymbol(stripped) instanceof Symbol.VarSymbol var ? var : null;
  }
}
