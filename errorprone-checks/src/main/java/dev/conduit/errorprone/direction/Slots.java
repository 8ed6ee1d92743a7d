package dev.conduit.errorprone.direction;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.conduit.errorprone.common.ChannelTypes;
import dev.conduit.vocabulary.Direction;
import java.util.List;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * The declared places a channel value can flow into (a parameter, a variable, an array element, a
 * method's return) and the direction each declares.
 */
final class Slots {

  /**
   * A place a channel value flows into.
   *
   * @param direction the direction the place declares
   * @param channelTyped whether the place's declared type is a channel type; an {@code Object} or
   *     type-variable place says nothing about direction and accepts any channel
   * @param description how messages name it, e.g. {@code "parameter 'out' of drain()"}
   * @param readable whether the place is typed as a collection view of a channel ({@code Iterable},
   *     {@code Collection}, {@code Queue}, {@code Deque}) through which code can receive from it
   */
  public record Slot(
      Direction direction, boolean channelTyped, String description, boolean readable) {}

  private Slots() {}

  /**
   * The {@code index}th argument's parameter of {@code method}.
   *
   * @param ownerType the receiver's type, to see a class type parameter as instantiated (the {@code
   *     E} of {@code List<@ReceiveOnly Channel<T>>.add(E)}), or null
   * @param varargsCall whether the call passes varargs as separate arguments
   */
  public static @Nullable Slot parameter(
      MethodSymbol method,
      int index,
      @Nullable Type ownerType,
      boolean varargsCall,
      VisitorState state) {
    List<VarSymbol> parameters = method.getParameters();
    if (parameters.isEmpty()) {
      return null;
    }
    int position = Math.min(index, parameters.size() - 1);
    VarSymbol parameter = parameters.get(position);
    Type type = parameter.asType();
    if (ownerType != null
        && type.getKind() == javax.lang.model.type.TypeKind.TYPEVAR
        && type.tsym.owner instanceof Symbol.ClassSymbol) {
      List<Type> instantiated = state.getTypes().memberType(ownerType, method).getParameterTypes();
      if (position < instantiated.size()) {
        type = instantiated.get(position);
      }
    }
    if (varargsCall && position == parameters.size() - 1) {
      Type element = state.getTypes().elemtype(type);
      type = element == null ? type : element;
    }
    if (type.getKind() == javax.lang.model.type.TypeKind.TYPEVAR) {
      return null; // a method's own type variable is inferred from the argument itself
    }
    Direction direction = ChannelDirections.declared(parameter);
    if (direction == Direction.BOTH) {
      direction = ChannelDirections.ofType(type);
    }
    String methodName =
        method.getKind() == ElementKind.CONSTRUCTOR
            ? "new " + method.owner.getSimpleName() + "()"
            : method.getSimpleName() + "()";
    return new Slot(
        direction,
        ChannelTypes.isChannel(type, state),
        parameterName(parameter, position) + " of " + methodName,
        ChannelTypes.isReadableView(type, state));
  }

  private static String parameterName(VarSymbol parameter, int position) {
    String name = parameter.getSimpleName().toString();
    // Class files compiled without -parameters name them arg0, arg1, ...
    return name.matches("arg\\d+") ? "parameter #" + (position + 1) : "parameter '" + name + "'";
  }

  /** A variable (field, local, parameter) being assigned. */
  public static Slot variable(VarSymbol variable, VisitorState state) {
    Direction direction = ChannelDirections.declared(variable);
    if (direction == Direction.BOTH) {
      ChannelDirections.Directed inferred = ChannelDirections.inferredForVar(variable, state);
      if (inferred != null) {
        direction = inferred.direction();
      }
    }
    String kind = variable.getKind() == ElementKind.FIELD ? "field" : "variable";
    return new Slot(
        direction,
        ChannelTypes.isChannel(variable.asType(), state),
        kind + " '" + variable.getSimpleName() + "'",
        ChannelTypes.isReadableView(variable.asType(), state));
  }

  /** An element of an array whose type is {@code arrayType}. */
  public static @Nullable Slot arrayElement(
      @Nullable Type arrayType, String arrayName, VisitorState state) {
    Type element = arrayType == null ? null : state.getTypes().elemtype(arrayType);
    if (element == null) {
      return null;
    }
    return new Slot(
        ChannelDirections.ofType(element),
        ChannelTypes.isChannel(element, state),
        "an element of " + arrayName,
        ChannelTypes.isReadableView(element, state));
  }

  /**
   * What a lambda returns, as its functional interface declares. Only a declared direction is
   * compared: the interface's type is often inferred ({@code supplyAsync(() -> in)}), and an
   * inferred type declares nothing, so an unannotated one accepts any channel.
   */
  public static @Nullable Slot lambdaResult(LambdaExpressionTree lambda, VisitorState state) {
    Type type = ASTHelpers.getType(lambda);
    if (type == null) {
      return null;
    }
    Type result = state.getTypes().findDescriptorType(type).getReturnType();
    return new Slot(ChannelDirections.ofType(result), false, "the result of this lambda", false);
  }

  /** What {@code method} returns. */
  public static Slot returnOf(MethodSymbol method, VisitorState state) {
    return new Slot(
        ChannelDirections.declared(method),
        ChannelTypes.isChannel(method.getReturnType(), state),
        "the return value of " + method.getSimpleName() + "()",
        ChannelTypes.isReadableView(method.getReturnType(), state));
  }
}
