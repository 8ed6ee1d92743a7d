package dev.conduit.errorprone.common;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.conduit.vocabulary.ConduitTypes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * Which types are channels, and which of their methods send or receive.
 *
 * <p>Types are matched by fully-qualified name so that the checks need nothing but Error Prone at
 * run time: a family whose base type is not on the compilation's class path simply never matches. A
 * new family (for example another library's queues) is one more entry in {@link #FAMILIES}.
 */
public final class ChannelTypes {

  /**
   * One family of channel types.
   *
   * @param matches whether a type belongs to the family
   * @param sends methods that send, close or hand out a sending view
   * @param receives methods that receive, peek, iterate or hand out a receiving view
   */
  private record Family(
      BiPredicate<Type, VisitorState> matches,
      ImmutableSet<String> sends,
      ImmutableSet<String> receives) {}

  private static final Family CONDUIT_CHANNEL =
      new Family(
          subtypeOf(ConduitTypes.CHANNEL),
          ImmutableSet.of("send", "trySend", "close", "sendOnly"),
          ImmutableSet.of(
              "receive",
              "receiveOptional",
              "awaitSignal",
              "tryReceive",
              "iterator",
              "receiveOnly"));

  /** Typed wrappers from {@code @GenerateChannel}: {@code XxxChannel} with its two end classes. */
  private static final Family GENERATED_CHANNEL =
      new Family(
          ChannelTypes::isGeneratedWrapper,
          ImmutableSet.of("send", "trySend", "close", "sendEnd"),
          ImmutableSet.of("receive", "receiveOptional", "tryReceive", "iterator", "receiveEnd"));

  /** The JDK queues teams already use as channels, deques and transfer queues included. */
  private static final Family BLOCKING_QUEUE =
      new Family(
          subtypeOf(ConduitTypes.BLOCKING_QUEUE),
          ImmutableSet.of(
              "put",
              "offer",
              "add",
              "addAll",
              "transfer",
              "tryTransfer",
              "putFirst",
              "putLast",
              "offerFirst",
              "offerLast",
              "addFirst",
              "addLast",
              "push"),
          ImmutableSet.of(
              "take",
              "poll",
              "peek",
              "element",
              "remove",
              "drainTo",
              "iterator",
              "takeFirst",
              "takeLast",
              "pollFirst",
              "pollLast",
              "peekFirst",
              "peekLast",
              "getFirst",
              "getLast",
              "removeFirst",
              "removeLast",
              "pop",
              "descendingIterator"));

  private static final ImmutableList<Family> FAMILIES =
      ImmutableList.of(CONDUIT_CHANNEL, GENERATED_CHANNEL, BLOCKING_QUEUE);

  /** Every send or receive name of any family: a cheap test before any type is looked at. */
  private static final ImmutableSet<String> OPERATION_NAMES =
      FAMILIES.stream()
          .flatMap(family ->
              java.util.stream.Stream.concat(family.sends().stream(), family.receives().stream()))
          .collect(ImmutableSet.toImmutableSet());

  private ChannelTypes() {}

  /** Whether {@code type} is a channel type of any known family. */
  public static boolean isChannel(@Nullable Type type, VisitorState state) {
    return family(type, state).isPresent();
  }

  /**
   * The direction {@code method}, called on a receiver of type {@code receiverType}, needs, or
   * empty when it is neither a send nor a receive ({@code len()}, {@code isClosed()}, ...).
   */
  public static Optional<Operation> operation(
      @Nullable Type receiverType, MethodSymbol method, VisitorState state) {
    String name = method.getSimpleName().toString();
    if (!OPERATION_NAMES.contains(name) || method.isStatic()) {
      return Optional.empty();
    }
    Optional<Family> family = family(receiverType, state);
    if (family.isEmpty()) {
      return Optional.empty();
    }
    // Collection.remove(Object) deletes a known element; only the no-argument remove() receives.
    if (name.equals("remove") && !method.getParameters().isEmpty()) {
      return Optional.empty();
    }
    String description = name + "()";
    if (family.get().sends().contains(name)) {
      return Optional.of(new Operation(Operation.Kind.SEND, description));
    }
    if (family.get().receives().contains(name)) {
      return Optional.of(new Operation(Operation.Kind.RECEIVE, description));
    }
    return Optional.empty();
  }

  /** The collection types through which a channel that is one can be received from. */
  private static final ImmutableSet<String> READABLE_VIEWS =
      ImmutableSet.of(
          "java.lang.Iterable", "java.util.Collection", "java.util.Queue", "java.util.Deque");

  /**
   * Whether {@code type} is not itself a channel type but a collection view of one ({@code
   * Iterable<T>}, {@code Collection<T>}, {@code Queue<T>}, {@code Deque<T>}), through which code
   * can receive from a channel passed as it.
   */
  public static boolean isReadableView(@Nullable Type type, VisitorState state) {
    return type != null
        && type.tsym != null
        && READABLE_VIEWS.contains(type.tsym.getQualifiedName().toString());
  }

  private static Optional<Family> family(@Nullable Type type, VisitorState state) {
    if (type == null
        || type.isPrimitive()
        || type.getKind() == javax.lang.model.type.TypeKind.NULL) {
      return Optional.empty();
    }
    if (type.getKind() == TypeKind.DECLARED) {
      // A class's family depends on the class alone, and a program uses few classes many times.
      return FAMILY_OF_CLASS.get(state).computeIfAbsent(type.tsym, unused -> test(type, state));
    }
    return test(type, state);
  }

  private static Optional<Family> test(Type type, VisitorState state) {
    for (Family family : FAMILIES) {
      if (family.matches().test(type, state)) {
        return Optional.of(family);
      }
    }
    return Optional.empty();
  }

  /** Each class's family, found once per compilation. */
  private static final Supplier<Map<Symbol, Optional<Family>>> FAMILY_OF_CLASS =
      VisitorState.memoize(state -> new HashMap<>());

  /** Whether each class is an end of a generated channel, found once per compilation. */
  private static final Supplier<Map<Symbol, Boolean>> SELECTABLE_CLASS =
      VisitorState.memoize(state -> new HashMap<>());

  private static BiPredicate<Type, VisitorState> subtypeOf(String className) {
    Supplier<Type> erasedBase = erasedType(className);
    return (type, state) -> {
      Type base = erasedBase.get(state);
      return base != null && state.getTypes().isSubtype(state.getTypes().erasure(type), base);
    };
  }

  /**
   * The erasure of the class named {@code className}, looked up once per compilation rather than on
   * every test; null while no source or class file of the compilation refers to the class, in which
   * case nothing can be a subtype of it either.
   */
  static Supplier<Type> erasedType(String className) {
    return VisitorState.memoize(state -> {
      Type type = state.getTypeFromString(className);
      return type == null ? null : state.getTypes().erasure(type);
    });
  }

  private static final Supplier<Type> SEND_SELECTABLE = erasedType(ConduitTypes.SEND_SELECTABLE);
  private static final Supplier<Type> RECEIVE_SELECTABLE =
      erasedType(ConduitTypes.RECEIVE_SELECTABLE);

  /**
   * Whether a value of {@code type} can carry a direction at all: a channel type of a known family,
   * one end of a generated channel, or an array of either; a type variable or an unresolved type
   * might be one. Everything else (primitives, strings, collections, most of any program) cannot,
   * which is the first and cheapest test before a direction is looked for.
   */
  public static boolean mayCarryDirection(@Nullable Type type, VisitorState state) {
    if (type == null) {
      return true;
    }
    return switch (type.getKind()) {
      case BOOLEAN,
          BYTE,
          SHORT,
          INT,
          LONG,
          CHAR,
          FLOAT,
          DOUBLE,
          VOID,
          NULL,
          NONE,
          PACKAGE,
          MODULE,
          EXECUTABLE ->
          false;
      case ARRAY -> mayCarryDirection(state.getTypes().elemtype(type), state);
      case DECLARED ->
          isChannel(type, state)
              || SELECTABLE_CLASS
                  .get(state)
                  .computeIfAbsent(type.tsym, unused -> isSelectable(type, state));
      default -> true; // type variables, intersections, wildcards, errors: maybe
    };
  }

  private static boolean isSelectable(Type type, VisitorState state) {
    Type send = SEND_SELECTABLE.get(state);
    Type receive = RECEIVE_SELECTABLE.get(state);
    if (send == null && receive == null) {
      return false;
    }
    Type erased = state.getTypes().erasure(type);
    return (send != null && state.getTypes().isSubtype(erased, send))
        || (receive != null && state.getTypes().isSubtype(erased, receive));
  }

  private static boolean isGeneratedWrapper(Type type, VisitorState state) {
    Symbol.TypeSymbol symbol = type.tsym;
    if (!(symbol instanceof ClassSymbol cls)
        || !cls.getSimpleName().toString().endsWith("Channel")) {
      return false;
    }
    boolean sendEnd = false;
    boolean receiveEnd = false;
    for (Symbol member : cls.getEnclosedElements()) {
      if (member instanceof ClassSymbol nested) {
        sendEnd |= nested.getSimpleName().contentEquals(ConduitTypes.SEND_END);
        receiveEnd |= nested.getSimpleName().contentEquals(ConduitTypes.RECEIVE_END);
      }
    }
    return sendEnd && receiveEnd;
  }
}
