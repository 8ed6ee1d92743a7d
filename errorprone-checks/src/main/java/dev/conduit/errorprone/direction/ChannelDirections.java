package dev.conduit.errorprone.direction;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.conduit.errorprone.common.ChannelTypes;
import dev.conduit.errorprone.common.Declarations;
import dev.conduit.vocabulary.ConduitTypes;
import dev.conduit.vocabulary.Direction;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Resolves which direction a channel expression has and where that direction was declared.
 *
 * <p>The direction comes from {@code @SendOnly}/{@code @ReceiveOnly} on the declaration the
 * expression reads (parameter, field, local, method return) or on its type (a type argument such as
 * {@code List<@ReceiveOnly Channel<T>>}). A {@code var} local, like Go's {@code x := in}, takes its
 * initializer's direction; so does a {@code var} for-each variable over a collection of directional
 * channels.
 */
final class ChannelDirections {

  /**
   * A channel expression's direction.
   *
   * @param direction the direction
   * @param expression the expression, for naming it in messages
   * @param origin where the direction was declared, e.g. {@code "declared @SendOnly at line 4"}
   */
  public record Directed(Direction direction, @Nullable Tree expression, String origin) {

    /** How messages name the expression, e.g. {@code 'out'}. */
    public String name(VisitorState state) {
      return expression == null ? "" : "'" + state.getSourceForNode(expression) + "'";
    }
  }

  private static final String SEND_ONLY = ConduitTypes.SEND_ONLY;
  private static final String RECEIVE_ONLY = ConduitTypes.RECEIVE_ONLY;
  private static final int MAX_DEPTH = 8;

  private ChannelDirections() {}

  /** The direction {@code expression} has; {@link Direction#BOTH} when nothing restricts it. */
  public static Directed of(ExpressionTree expression, VisitorState state) {
    return of(expression, state, 0);
  }

  private static Directed of(ExpressionTree expression, VisitorState state, int depth) {
    ExpressionTree expr = ASTHelpers.stripParentheses(expression);
    ExpressionTree name = expr;
    if (depth > MAX_DEPTH) {
      return new Directed(Direction.BOTH, name, "");
    }
    if (expr instanceof TypeCastTree cast) {
      // A cast does not launder a direction away; only an annotated cast type sets one.
      Direction castDirection = ofType(ASTHelpers.getType(cast.getType()));
      return castDirection == Direction.BOTH
          ? of(cast.getExpression(), state, depth + 1)
          : new Directed(castDirection, name, "cast to " + castDirection.annotation());
    }
    if (expr instanceof ConditionalExpressionTree conditional) {
      Directed whenTrue = of(conditional.getTrueExpression(), state, depth + 1);
      Directed whenFalse = of(conditional.getFalseExpression(), state, depth + 1);
      // Either branch may be the value, so the stricter (directional) one decides; two opposite
      // directions leave nothing safe to say, and saying nothing is never a false finding.
      if (whenTrue.direction() == Direction.BOTH) {
        return whenFalse;
      }
      if (whenFalse.direction() == Direction.BOTH
          || whenFalse.direction() == whenTrue.direction()) {
        return whenTrue;
      }
      return new Directed(Direction.BOTH, name, "");
    }
    if (!ChannelTypes.mayCarryDirection(ASTHelpers.getType(expr), state)) {
      // The cheap test first: most expressions are not channels, and only a channel has a direction
      // to find (a direction annotation on anything else is the processor's error).
      return new Directed(Direction.BOTH, name, "");
    }
    Symbol symbol = ASTHelpers.getSymbol(expr);
    if (symbol instanceof VarSymbol variable
        && (expr instanceof IdentifierTree || expr instanceof MemberSelectTree)) {
      Direction declared = declared(variable);
      if (declared != Direction.BOTH) {
        return new Directed(
            declared,
            name,
            "declared " + declared.annotation() + " " + Declarations.where(variable, state));
      }
      Directed inferred = inferredForVar(variable, state, depth);
      if (inferred != null) {
        return new Directed(inferred.direction(), name, inferred.origin());
      }
    }
    if (symbol instanceof MethodSymbol method && expr instanceof MethodInvocationTree) {
      Direction declared = declared(method);
      if (declared == Direction.BOTH && isContextDone(method)) {
        declared = Direction.RECEIVE_ONLY;
      }
      if (declared != Direction.BOTH) {
        return new Directed(
            declared,
            name,
            "returned "
                + declared.annotation()
                + " by "
                + method.owner.getSimpleName()
                + "."
                + method.getSimpleName()
                + "()");
      }
    }
    // A type argument's annotation reaches here through substitution: list.get(i) on a
    // List<@ReceiveOnly Channel<T>> has the type @ReceiveOnly Channel<T>.
    Direction typed = ofType(ASTHelpers.getType(expr));
    return new Directed(typed, name, typed == Direction.BOTH ? "" : "typed " + typed.annotation());
  }

  /** The direction a variable or method declares, on the declaration or on its type. */
  public static Direction declared(Symbol symbol) {
    Direction onDeclaration = ofAnnotations(symbol.getAnnotationMirrors());
    if (onDeclaration != Direction.BOTH) {
      return onDeclaration;
    }
    Type type = symbol instanceof MethodSymbol method ? method.getReturnType() : symbol.asType();
    return ofType(type);
  }

  /** The direction carried by type-use annotations on {@code type}. */
  public static Direction ofType(@Nullable Type type) {
    if (type == null) {
      return Direction.BOTH;
    }
    Direction direction = ofAnnotations(type.getAnnotationMirrors());
    if (direction == Direction.BOTH && type instanceof Type.CapturedType captured) {
      // get(0) on a List<? extends @ReceiveOnly Channel<?>> has a captured type bounded by it.
      direction =
          ofAnnotations(
              captured.wildcard.getExtendsBound() == null
                  ? List.of()
                  : captured.wildcard.getExtendsBound().getAnnotationMirrors());
    }
    return direction;
  }

  /**
   * The direction a {@code var} local (or {@code var} for-each variable) took from its initializer,
   * or null if {@code variable} is not such a local.
   */
  public static @Nullable Directed inferredForVar(VarSymbol variable, VisitorState state) {
    return inferredForVar(variable, state, 0);
  }

  private static @Nullable Directed inferredForVar(
      VarSymbol variable, VisitorState state, int depth) {
    ElementKind kind = variable.getKind();
    if (kind != ElementKind.LOCAL_VARIABLE
        && kind != ElementKind.RESOURCE_VARIABLE
        && kind != ElementKind.PARAMETER) {
      return null;
    }
    Tree declaration = Declarations.find(variable, state);
    if (!(declaration instanceof VariableTree tree) || !ASTHelpers.hasImplicitType(tree, state)) {
      return null;
    }
    long line = Declarations.line(tree, state);
    LambdaExpressionTree lambda = Declarations.lambdaDeclaring(tree, state);
    if (lambda != null) {
      // ch -> ... takes its type, annotations included, from the functional interface.
      Type descriptor = state.getTypes().findDescriptorType(ASTHelpers.getType(lambda));
      int index = lambda.getParameters().indexOf(tree);
      Direction direction =
          index < 0 || index >= descriptor.getParameterTypes().size()
              ? Direction.BOTH
              : ofType(descriptor.getParameterTypes().get(index));
      return direction == Direction.BOTH
          ? null
          : new Directed(
              direction,
              null,
              "a lambda parameter typed "
                  + direction.annotation()
                  + " by its target at line "
                  + line);
    }
    if (tree.getInitializer() != null) {
      Directed from = of(tree.getInitializer(), state, depth + 1);
      return from.direction() == Direction.BOTH
          ? null
          : new Directed(
              from.direction(),
              null,
              "a var taking its direction from "
                  + from.name(state)
                  + " at line "
                  + line
                  + ", "
                  + from.origin());
    }
    EnhancedForLoopTree loop = Declarations.forEachDeclaring(tree, state);
    if (loop != null) {
      Type iterable = ASTHelpers.getType(loop.getExpression());
      Direction element = elementDirection(iterable, state);
      if (element != Direction.BOTH) {
        return new Directed(
            element,
            null,
            "a var over "
                + element.adjective()
                + " elements of '"
                + state.getSourceForNode(loop.getExpression())
                + "' at line "
                + line);
      }
    }
    return null;
  }

  /** The direction of the elements of an array or {@code Iterable} type. */
  public static Direction elementDirection(@Nullable Type type, VisitorState state) {
    if (type == null) {
      return Direction.BOTH;
    }
    Type element = state.getTypes().elemtype(type);
    if (element == null) {
      Type iterable = state.getTypeFromString("java.lang.Iterable");
      Type asIterable = iterable == null ? null : state.getTypes().asSuper(type, iterable.tsym);
      List<Type> arguments = asIterable == null ? List.of() : asIterable.getTypeArguments();
      element = arguments.isEmpty() ? null : arguments.get(0);
    }
    if (element != null && element.getKind() == javax.lang.model.type.TypeKind.WILDCARD) {
      element = ((Type.WildcardType) element).getExtendsBound();
    }
    return ofType(element);
  }

  private static boolean isContextDone(MethodSymbol method) {
    return method.getSimpleName().contentEquals("done")
        && method.getParameters().isEmpty()
        && method.owner.getQualifiedName().contentEquals(ConduitTypes.CONTEXT);
  }

  private static Direction ofAnnotations(List<? extends AnnotationMirror> annotations) {
    for (AnnotationMirror annotation : annotations) {
      String name = annotation.getAnnotationType().toString();
      if (name.equals(SEND_ONLY)) {
        return Direction.SEND_ONLY;
      }
      if (name.equals(RECEIVE_ONLY)) {
        return Direction.RECEIVE_ONLY;
      }
    }
    return Direction.BOTH;
  }
}
