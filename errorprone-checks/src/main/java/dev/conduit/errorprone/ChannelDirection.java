package dev.conduit.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.AssignmentTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.EnhancedForLoopTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MemberReferenceTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.ReturnTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCNewClass;
import dev.conduit.errorprone.util.ChannelDirections;
import dev.conduit.errorprone.util.ChannelDirections.Directed;
import dev.conduit.errorprone.util.ChannelTypes;
import dev.conduit.errorprone.util.Direction;
import dev.conduit.errorprone.util.Guard;
import dev.conduit.errorprone.util.Operation;
import dev.conduit.errorprone.util.Slots;
import dev.conduit.errorprone.util.Slots.Slot;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * Go's channel direction rules: no receive from a {@code @SendOnly} channel, no send or close on a
 * {@code @ReceiveOnly} one, and no directional channel flowing where the opposite direction or an
 * unannotated channel is declared.
 */
@BugPattern(
    summary = "A channel is used against its declared direction (@SendOnly or @ReceiveOnly).",
    severity = ERROR,
    linkType = CUSTOM,
    link = "https://github.com/conduit-dev/conduit/blob/main/docs/checks/ChannelDirection.md")
public final class ChannelDirection extends BugChecker
    implements MethodInvocationTreeMatcher,
        MemberReferenceTreeMatcher,
        NewClassTreeMatcher,
        EnhancedForLoopTreeMatcher,
        AssignmentTreeMatcher,
        VariableTreeMatcher,
        ReturnTreeMatcher {

  private static final String SELECT = "dev.conduit.Select";

  /** For ServiceLoader, which Error Prone uses to find plugin checks. */
  public ChannelDirection() {}

  /** For Error Prone, which injects the {@code -XepOpt} flags; this check has none yet. */
  @Inject
  public ChannelDirection(ErrorProneFlags flags) {}

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return Guard.run(() -> {
      MethodSymbol method = ASTHelpers.getSymbol(tree);
      ExpressionTree receiver = ASTHelpers.getReceiver(tree);
      if (receiver != null) {
        Description misuse = checkOperation(tree, receiver, method, state);
        if (misuse != Description.NO_MATCH) {
          return misuse;
        }
      }
      Description clause = checkSelectClause(tree, method, state);
      if (clause != Description.NO_MATCH) {
        return clause;
      }
      Type owner = receiver == null ? null : ASTHelpers.getType(receiver);
      return checkArguments(
          tree.getArguments(), method, owner, ((JCMethodInvocation) tree).varargsElement != null,
          state);
    });
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return Guard.run(() -> checkArguments(
        tree.getArguments(), ASTHelpers.getSymbol(tree), ASTHelpers.getType(tree),
        ((JCNewClass) tree).varargsElement != null, state));
  }

  @Override
  public Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    return Guard.run(() -> {
      ExpressionTree qualifier = tree.getQualifierExpression();
      // Channel::receive names no channel; only a bound reference such as jobs::send uses one.
      if (ASTHelpers.getSymbol(qualifier) instanceof Symbol.TypeSymbol
          || !(ASTHelpers.getSymbol(tree) instanceof MethodSymbol method)) {
        return Description.NO_MATCH;
      }
      return checkOperation(tree, qualifier, method, state);
    });
  }

  @Override
  public Description matchEnhancedForLoop(EnhancedForLoopTree tree, VisitorState state) {
    return Guard.run(() -> {
      ExpressionTree iterated = tree.getExpression();
      Type type = ASTHelpers.getType(iterated);
      if (ChannelTypes.isChannel(type, state)) {
        Directed channel = ChannelDirections.of(iterated, state);
        if (!channel.direction().permits(Operation.Kind.RECEIVE)) {
          return misuse(tree.getExpression(), "iterating over (receiving from)", channel, state);
        }
        return Description.NO_MATCH;
      }
      VariableTree variable = tree.getVariable();
      if (ASTHelpers.hasImplicitType(variable, state)) {
        return Description.NO_MATCH; // a var element takes the elements' direction
      }
      Direction elements = ChannelDirections.elementDirection(type, state);
      Directed source = new Directed(
          elements, iterated, elements.annotation() + " elements, as its type declares");
      return checkFlow(variable, "Taking", source, Slots.variable(ASTHelpers.getSymbol(variable), state), state);
    });
  }

  @Override
  public Description matchAssignment(AssignmentTree tree, VisitorState state) {
    return Guard.run(() -> {
      Slot slot;
      ExpressionTree target = ASTHelpers.stripParentheses(tree.getVariable());
      if (target instanceof ArrayAccessTree access) {
        slot = Slots.arrayElement(
            ASTHelpers.getType(access.getExpression()),
            "'" + state.getSourceForNode(access.getExpression()) + "'", state);
      } else if (ASTHelpers.getSymbol(target) instanceof VarSymbol variable) {
        slot = Slots.variable(variable, state);
      } else {
        return Description.NO_MATCH;
      }
      return checkFlow(tree.getExpression(), "Assigning",
          ChannelDirections.of(tree.getExpression(), state), slot, state);
    });
  }

  @Override
  public Description matchVariable(VariableTree tree, VisitorState state) {
    return Guard.run(() -> {
      if (tree.getInitializer() == null || ASTHelpers.hasImplicitType(tree, state)) {
        return Description.NO_MATCH; // a var takes its initializer's direction, as Go's x := in
      }
      return checkFlow(tree.getInitializer(), "Assigning",
          ChannelDirections.of(tree.getInitializer(), state),
          Slots.variable(ASTHelpers.getSymbol(tree), state), state);
    });
  }

  @Override
  public Description matchReturn(ReturnTree tree, VisitorState state) {
    return Guard.run(() -> {
      if (tree.getExpression() == null) {
        return Description.NO_MATCH;
      }
      Tree enclosing = state.findEnclosing(LambdaExpressionTree.class, MethodTree.class);
      if (!(enclosing instanceof MethodTree method)) {
        return Description.NO_MATCH; // a lambda's return type is inferred, not declared
      }
      return checkFlow(tree.getExpression(), "Returning",
          ChannelDirections.of(tree.getExpression(), state),
          Slots.returnOf(ASTHelpers.getSymbol(method), state), state);
    });
  }

  private Description checkOperation(
      Tree tree, ExpressionTree channel, MethodSymbol method, VisitorState state) {
    Optional<Operation> operation =
        ChannelTypes.operation(ASTHelpers.getType(channel), method, state);
    if (operation.isEmpty()) {
      return Description.NO_MATCH;
    }
    Directed directed = ChannelDirections.of(channel, state);
    if (directed.direction().permits(operation.get().kind())) {
      return Description.NO_MATCH;
    }
    return misuse(tree, "calling " + operation.get().description() + " on", directed, state);
  }

  /** Select.onReceive(ch, ...) receives from ch; Select.onSend(ch, value, ...) sends to it. */
  private Description checkSelectClause(
      MethodInvocationTree tree, MethodSymbol method, VisitorState state) {
    if (tree.getArguments().isEmpty()
        || !method.owner.getQualifiedName().contentEquals(SELECT)) {
      return Description.NO_MATCH;
    }
    Operation.Kind needed;
    if (method.getSimpleName().contentEquals("onReceive")) {
      needed = Operation.Kind.RECEIVE;
    } else if (method.getSimpleName().contentEquals("onSend")) {
      needed = Operation.Kind.SEND;
    } else {
      return Description.NO_MATCH;
    }
    ExpressionTree channel = tree.getArguments().get(0);
    Directed directed = ChannelDirections.of(channel, state);
    if (directed.direction().permits(needed)) {
      return Description.NO_MATCH;
    }
    String clause = needed == Operation.Kind.RECEIVE ? "a select receive clause (onReceive) on"
        : "a select send clause (onSend) on";
    return misuse(channel, clause, directed, state);
  }

  private Description checkArguments(
      List<? extends ExpressionTree> arguments,
      @Nullable MethodSymbol method,
      @Nullable Type owner,
      boolean varargsCall,
      VisitorState state) {
    if (method == null || isConduitApi(method)) {
      // Conduit's own API takes Channel<T> where either direction works; the operations that need
      // one direction (select clauses) are checked as operations instead.
      return Description.NO_MATCH;
    }
    for (int i = 0; i < arguments.size(); i++) {
      ExpressionTree argument = arguments.get(i);
      Directed source = ChannelDirections.of(argument, state);
      if (source.direction() == Direction.BOTH) {
        continue;
      }
      Slot slot = Slots.parameter(method, i, owner, varargsCall, state);
      Description finding = checkFlow(argument, "Passing", source, slot, state);
      if (finding != Description.NO_MATCH) {
        state.reportMatch(finding);
      }
    }
    return Description.NO_MATCH;
  }

  private static boolean isConduitApi(MethodSymbol method) {
    Symbol.ClassSymbol owner = ASTHelpers.enclosingClass(method);
    return owner != null && owner.packge().getQualifiedName().contentEquals("dev.conduit");
  }

  private Description checkFlow(
      Tree tree, String verb, Directed source, @Nullable Slot slot, VisitorState state) {
    if (slot == null || source.direction().assignableTo(slot.direction(), slot.channelTyped())) {
      return Description.NO_MATCH;
    }
    String declared = slot.direction() == Direction.BOTH
        ? "which is declared without a direction; Go never turns a directional channel back into"
            + " a bidirectional one, so declare it " + source.direction().annotation()
        : "which is declared " + slot.direction().annotation();
    return buildDescription(tree)
        .setMessage(String.format("%s %s channel %s (%s) to %s, %s", verb,
            source.direction().adjective(), source.name(state), source.origin(),
            slot.description(), declared))
        .build();
  }

  private Description misuse(Tree tree, String operation, Directed channel, VisitorState state) {
    return buildDescription(tree)
        .setMessage(String.format("Not allowed: %s %s channel %s (%s)", operation,
            channel.direction().adjective(), channel.name(state), channel.origin()))
        .build();
  }
}
