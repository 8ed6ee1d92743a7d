package dev.conduit.errorprone.direction;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.AssignmentTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.EnhancedForLoopTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.LambdaExpressionTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MemberReferenceTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.ReturnTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
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
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCNewClass;
import dev.conduit.errorprone.common.ChannelUses;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.common.Docs;
import dev.conduit.errorprone.common.Presence;
import dev.conduit.errorprone.direction.ChannelDirections.Directed;
import dev.conduit.errorprone.direction.Slots.Slot;
import dev.conduit.vocabulary.Direction;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Go's channel direction rules: no receive from a {@code @SendOnly} channel, no send or close on a
 * {@code @ReceiveOnly} one, and no directional channel flowing where the opposite direction or an
 * unannotated channel is declared.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A channel is used against its declared direction (@SendOnly or @ReceiveOnly).",
    severity = ERROR,
    linkType = CUSTOM,
    link = Docs.PAGES + "ChannelDirection.md")
public final class ChannelDirection extends ConduitChecker
    implements MethodInvocationTreeMatcher,
        MemberReferenceTreeMatcher,
        NewClassTreeMatcher,
        EnhancedForLoopTreeMatcher,
        AssignmentTreeMatcher,
        VariableTreeMatcher,
        ReturnTreeMatcher,
        LambdaExpressionTreeMatcher {

  public ChannelDirection() {
    super(Presence.SEND_ONLY, Presence.RECEIVE_ONLY, Presence.CONTEXT);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return analyse(
        tree,
        state,
        () -> {
          Description misuse = checkUse(ChannelUses.of(tree, state), state);
          if (misuse != Description.NO_MATCH) {
            return misuse;
          }
          ExpressionTree receiver = ASTHelpers.getReceiver(tree);
          return checkArguments(
              tree.getArguments(),
              ASTHelpers.getSymbol(tree),
              receiver == null ? null : ASTHelpers.getType(receiver),
              ((JCMethodInvocation) tree).varargsElement != null,
              state);
        });
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return analyse(
        tree,
        state,
        () ->
            checkArguments(
                tree.getArguments(),
                ASTHelpers.getSymbol(tree),
                ASTHelpers.getType(tree),
                ((JCNewClass) tree).varargsElement != null,
                state));
  }

  @Override
  public Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    return analyse(tree, state, () -> checkUse(ChannelUses.of(tree, state), state));
  }

  @Override
  public Description matchEnhancedForLoop(EnhancedForLoopTree tree, VisitorState state) {
    return analyse(
        tree,
        state,
        () -> {
          Optional<ChannelUses.Use> use = ChannelUses.of(tree, state);
          if (use.isPresent()) {
            return checkUse(use, state);
          }
          VariableTree variable = tree.getVariable();
          if (ASTHelpers.hasImplicitType(variable, state)) {
            return Description.NO_MATCH; // a var element takes the elements' direction
          }
          ExpressionTree iterated = tree.getExpression();
          Direction elements =
              ChannelDirections.elementDirection(ASTHelpers.getType(iterated), state);
          if (elements == Direction.BOTH) {
            return Description.NO_MATCH; // a bidirectional channel may go anywhere
          }
          return checkFlow(
              variable,
              "Taking",
              new Directed(elements, iterated, elements.annotation() + " elements"),
              Slots.variable(ASTHelpers.getSymbol(variable), state),
              state);
        });
  }

  @Override
  public Description matchAssignment(AssignmentTree tree, VisitorState state) {
    return analyse(
        tree,
        state,
        () -> {
          Directed source = ChannelDirections.of(tree.getExpression(), state);
          if (source.direction() == Direction.BOTH) {
            return Description.NO_MATCH; // a bidirectional channel may go anywhere
          }
          Slot slot;
          ExpressionTree target = ASTHelpers.stripParentheses(tree.getVariable());
          if (target instanceof ArrayAccessTree access) {
            slot =
                Slots.arrayElement(
                    ASTHelpers.getType(access.getExpression()),
                    "'" + state.getSourceForNode(access.getExpression()) + "'",
                    state);
          } else if (ASTHelpers.getSymbol(target) instanceof VarSymbol variable) {
            slot = Slots.variable(variable, state);
            return checkFlow(
                tree.getExpression(),
                "Assigning",
                source,
                slot,
                state,
                () -> DeclareDirectionFix.forLocal(variable, source.direction(), false, state));
          } else {
            return Description.NO_MATCH;
          }
          return checkFlow(tree.getExpression(), "Assigning", source, slot, state);
        });
  }

  @Override
  public Description matchVariable(VariableTree tree, VisitorState state) {
    return analyse(
        tree,
        state,
        () -> {
          Description conflict = conflictingDirectionsOnLocal(tree, state);
          if (conflict != Description.NO_MATCH || tree.getInitializer() == null) {
            return conflict;
          }
          Directed source = ChannelDirections.of(tree.getInitializer(), state);
          if (source.direction() == Direction.BOTH) {
            return Description.NO_MATCH; // a bidirectional channel may go anywhere
          }
          if (ASTHelpers.hasImplicitType(tree, state)) {
            return Description.NO_MATCH; // a var takes its initializer's direction, as Go's x := in
          }
          VarSymbol variable = ASTHelpers.getSymbol(tree);
          return checkFlow(
              tree.getInitializer(),
              "Assigning",
              source,
              Slots.variable(variable, state),
              state,
              () -> DeclareDirectionFix.forLocal(variable, source.direction(), true, state));
        });
  }

  @Override
  public Description matchReturn(ReturnTree tree, VisitorState state) {
    return analyse(
        tree,
        state,
        () -> {
          if (tree.getExpression() == null) {
            return Description.NO_MATCH;
          }
          Directed source = ChannelDirections.of(tree.getExpression(), state);
          if (source.direction() == Direction.BOTH) {
            return Description.NO_MATCH; // a bidirectional channel may go anywhere
          }
          Tree enclosing = state.findEnclosing(LambdaExpressionTree.class, MethodTree.class);
          Slot slot =
              enclosing instanceof MethodTree method
                  ? Slots.returnOf(ASTHelpers.getSymbol(method), state)
                  : Slots.lambdaResult((LambdaExpressionTree) enclosing, state);
          return checkFlow(tree.getExpression(), "Returning", source, slot, state);
        });
  }

  @Override
  public Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    return analyse(
        tree,
        state,
        () -> {
          if (!(tree.getBody() instanceof ExpressionTree body)) {
            return Description.NO_MATCH; // a block body's returns are matched one by one
          }
          Directed source = ChannelDirections.of(body, state);
          if (source.direction() == Direction.BOTH) {
            return Description.NO_MATCH; // a bidirectional channel may go anywhere
          }
          return checkFlow(body, "Returning", source, Slots.lambdaResult(tree, state), state);
        });
  }

  private Description checkUse(Optional<ChannelUses.Use> use, VisitorState state) {
    if (use.isEmpty()) {
      return Description.NO_MATCH;
    }
    Directed channel = ChannelDirections.of(use.get().channel(), state);
    if (use.get().kind().permittedBy(channel.direction())) {
      return Description.NO_MATCH;
    }
    return buildDescription(use.get().at())
        .setMessage(
            message(
                String.format(
                    "%s %s channel %s (%s) is not allowed",
                    use.get().operation(),
                    channel.direction().adjective(),
                    channel.name(state),
                    channel.origin()),
                channel.direction() == Direction.SEND_ONLY
                    ? "Code holding a send-only end may only send on it: Go rejects this at"
                        + " compile time, and here it would take values meant for the receiving"
                        + " side"
                    : "Code holding a receive-only end may only receive from it: sending and"
                        + " closing belong to the sending side, and Go rejects this at compile"
                        + " time",
                "Use the channel in its declared direction, or give this code the bidirectional"
                    + " channel if it must do both"))
        .build();
  }

  private Description checkArguments(
      List<? extends ExpressionTree> arguments,
      @Nullable MethodSymbol method,
      @Nullable Type owner,
      boolean varargsCall,
      VisitorState state) {
    if (method == null || ChannelUses.isConduitApi(method)) {
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
        report(state, finding);
      }
    }
    return Description.NO_MATCH;
  }

  private Description checkFlow(
      Tree tree, String verb, Directed source, @Nullable Slot slot, VisitorState state) {
    return checkFlow(tree, verb, source, slot, state, List::of);
  }

  /**
   * @param declareFixes the fixes that give an undirected slot the source's direction, asked for
   *     only when the finding is exactly that
   */
  private Description checkFlow(
      Tree tree,
      String verb,
      Directed source,
      @Nullable Slot slot,
      VisitorState state,
      java.util.function.Supplier<List<SuggestedFix>> declareFixes) {
    if (slot == null) {
      return Description.NO_MATCH;
    }
    // A send-only channel typed as an Iterable or Collection can be iterated, i.e. received from.
    boolean receivable = source.direction() == Direction.SEND_ONLY && slot.readable();
    if (!receivable && source.direction().assignableTo(slot.direction(), slot.channelTyped())) {
      return Description.NO_MATCH;
    }
    String declared;
    String consequence;
    String remedy;
    if (receivable) {
      declared = "a collection type through which it can be received from (iterated or polled)";
      consequence =
          "Whoever holds it there can take values from a channel this code may only send on";
      remedy = "Pass the values, or a @SendOnly channel, instead";
    } else if (slot.direction() == Direction.BOTH) {
      declared = "which is declared without a direction";
      consequence =
          "Go never turns a directional channel back into a bidirectional one: through it, code"
              + " could do what the declared direction forbids";
      remedy = "Declare it " + source.direction().annotation();
    } else {
      declared = "which is declared " + slot.direction().annotation();
      consequence = "The two declared directions contradict each other";
      remedy = "Declare both in the same direction, or pass the bidirectional channel";
    }
    Description.Builder description =
        buildDescription(tree)
            .setMessage(
                message(
                    String.format(
                        "%s %s channel %s (%s) to %s, %s",
                        verb,
                        source.direction().adjective(),
                        source.name(state),
                        source.origin(),
                        slot.description(),
                        declared),
                    consequence,
                    remedy));
    if (!receivable && slot.direction() == Direction.BOTH) {
      declareFixes.get().forEach(description::addFix);
    }
    return description.build();
  }

  /**
   * {@code @SendOnly} and {@code @ReceiveOnly} together on a local, a lambda parameter, a resource,
   * a pattern binding or a for-each variable: javac shows the processor no method bodies.
   */
  private Description conflictingDirectionsOnLocal(VariableTree tree, VisitorState state) {
    if (!ConflictingDirections.onLocal(tree, state)) {
      return Description.NO_MATCH;
    }
    return buildDescription(tree)
        .setMessage(
            message(
                String.format(
                    "Conflicting annotations: @SendOnly and @ReceiveOnly both on '%s'",
                    tree.getName()),
                "A channel is send-only, receive-only or bidirectional, never both at once",
                "Keep the one this code needs"))
        .build();
  }
}
