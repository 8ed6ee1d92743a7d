package dev.conduit.errorprone.common;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.conduit.vocabulary.ConduitTypes;
import java.util.Optional;

/**
 * The places code uses a channel in one direction: a method call on it, a bound method reference to
 * one of its methods, a for-each loop over it, or a select clause.
 */
public final class ChannelUses {

  /**
   * One use.
   *
   * @param at where to report a misuse
   * @param channel the channel expression
   * @param kind the direction the use needs
   * @param operation how messages name it, e.g. {@code "calling receive() on"}
   */
  public record Use(Tree at, ExpressionTree channel, Operation.Kind kind, String operation) {}

  private static final String SELECT = ConduitTypes.SELECT;

  private ChannelUses() {}

  /** A call of a send or receive method on a channel, or a select clause on one. */
  public static Optional<Use> of(MethodInvocationTree tree, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    ExpressionTree receiver = ASTHelpers.getReceiver(tree);
    if (receiver != null) {
      Optional<Use> call = call(tree, receiver, method, state);
      if (call.isPresent()) {
        return call;
      }
    }
    return selectClause(tree, method);
  }

  /** A bound method reference such as {@code jobs::send}; {@code Channel::receive} names none. */
  public static Optional<Use> of(MemberReferenceTree tree, VisitorState state) {
    ExpressionTree qualifier = tree.getQualifierExpression();
    if (ASTHelpers.getSymbol(qualifier) instanceof Symbol.TypeSymbol
        || !(ASTHelpers.getSymbol(tree) instanceof MethodSymbol method)) {
      return Optional.empty();
    }
    return call(tree, qualifier, method, state);
  }

  /** A for-each loop over a channel: Go's {@code range}, a receive. */
  public static Optional<Use> of(EnhancedForLoopTree tree, VisitorState state) {
    ExpressionTree iterated = tree.getExpression();
    if (!ChannelTypes.isChannel(ASTHelpers.getType(iterated), state)) {
      return Optional.empty();
    }
    return Optional.of(
        new Use(iterated, iterated, Operation.Kind.RECEIVE, "iterating over (receiving from)"));
  }

  /**
   * Whether {@code method} is Conduit's own API, whose {@code Channel<T>} parameters take either
   * direction (the select clauses that need one are uses, checked as such).
   */
  public static boolean isConduitApi(MethodSymbol method) {
    Symbol.ClassSymbol owner = ASTHelpers.enclosingClass(method);
    return owner != null
        && owner.packge().getQualifiedName().contentEquals(ConduitTypes.RUNTIME_PACKAGE);
  }

  private static Optional<Use> call(
      Tree tree, ExpressionTree channel, MethodSymbol method, VisitorState state) {
    return ChannelTypes.operation(ASTHelpers.getType(channel), method, state)
        .map(operation ->
            new Use(tree, channel, operation.kind(), "calling " + operation.description() + " on"));
  }

  /** Select.onReceive(ch, ...) receives from ch; Select.onSend(ch, value, ...) sends to it. */
  private static Optional<Use> selectClause(MethodInvocationTree tree, MethodSymbol method) {
    if (tree.getArguments().isEmpty() || !method.owner.getQualifiedName().contentEquals(SELECT)) {
      return Optional.empty();
    }
    ExpressionTree channel = tree.getArguments().get(0);
    if (method.getSimpleName().contentEquals("onReceive")) {
      return Optional.of(
          new Use(
              channel, channel, Operation.Kind.RECEIVE, "a select receive clause (onReceive) on"));
    }
    if (method.getSimpleName().contentEquals("onSend")) {
      return Optional.of(
          new Use(channel, channel, Operation.Kind.SEND, "a select send clause (onSend) on"));
    }
    return Optional.empty();
  }
}
