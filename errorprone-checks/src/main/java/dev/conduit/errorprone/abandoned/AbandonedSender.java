package dev.conduit.errorprone.abandoned;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol;
import dev.conduit.errorprone.common.ConduitApi;
import dev.conduit.errorprone.common.ConduitChecker;
import dev.conduit.errorprone.common.Docs;
import dev.conduit.errorprone.common.Presence;
import dev.conduit.errorprone.flow.LocalChannels;
import dev.conduit.errorprone.flow.LocalChannels.LocalChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The goroutine leak Go's tutorials warn about: a goroutine sends its result on an unbuffered
 * channel, and the method that started it may stop waiting first (a timeout, a cancelled context,
 * another select clause, an early return). The send then blocks forever, and the goroutine with
 * everything it references is never freed.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A goroutine's send on an unbuffered channel can block forever once the receiver stops"
            + " waiting.",
    severity = ERROR,
    linkType = CUSTOM,
    link = Docs.PAGES + "AbandonedSender.md")
public final class AbandonedSender extends ConduitChecker implements VariableTreeMatcher {

  public AbandonedSender() {
    super(Presence.CHANNEL);
  }

  @Override
  public Description matchVariable(VariableTree tree, VisitorState state) {
    return analyse(tree, state, () -> match(tree, state));
  }

  private Description match(VariableTree tree, VisitorState state) {
    // Cheap first: only locals initialized by Channel.unbuffered() or Channel.buffered(0).
    if (!(tree.getInitializer() instanceof MethodInvocationTree creation)
        || !isUnbufferedCreation(creation, state)) {
      return Description.NO_MATCH;
    }
    Symbol symbol = ASTHelpers.getSymbol(tree);
    LocalChannel channel = symbol == null ? null : LocalChannels.find(symbol, state);
    if (channel == null || channel.escapes() || channel.handedOut()) {
      return Description.NO_MATCH; // Returned or handed on: the receiver is somewhere else.
    }
    WaitingParent parent = WaitingParent.analyze(channel, state);
    if (parent.goroutineSends().isEmpty()) {
      return Description.NO_MATCH;
    }
    long sends = channel.maxSends();
    List<String> reasons = new ArrayList<>(parent.stopsWaiting());
    // First replica wins: N goroutines send, the method takes fewer than N.
    long receives =
        ChannelOps.count(symbol, tree, state.getPath(), ChannelOps.Kind.RECEIVES, state);
    if (receives < sends) {
      reasons.add(
          String.format(
              "it receives at most %d time%s, but goroutines may send %s times",
              receives,
              receives == 1 ? "" : "s",
              sends < ChannelOps.UNBOUNDED ? "up to " + sends : "any number of"));
    }
    if (reasons.isEmpty()) {
      return Description.NO_MATCH;
    }
    String name = symbol.getSimpleName().toString();
    Description.Builder description =
        buildDescription(creation)
            .setMessage(
                message(
                    String.format(
                        "a goroutine sends on unbuffered channel '%s', but this method may stop"
                            + " waiting for it (%s)",
                        name, reasons.stream().distinct().collect(Collectors.joining("; "))),
                    "the send then blocks forever and the goroutine leaks",
                    sends < ChannelOps.UNBOUNDED
                        ? "give the channel a slot for each send: Channel.buffered(" + sends + ")"
                        : "let the goroutine give up too, with send(ctx, value) or a select"));
    if (sends > 0 && sends < ChannelOps.UNBOUNDED) {
      fix(creation, sends, state).ifPresent(description::addFix);
    }
    return description.build();
  }

  private static boolean isUnbufferedCreation(MethodInvocationTree creation, VisitorState state) {
    if (ConduitApi.UNBUFFERED.matches(creation, state)) {
      return true;
    }
    return ConduitApi.BUFFERED.matches(creation, state)
        && ASTHelpers.constValue(creation.getArguments().get(0)) instanceof Integer capacity
        && capacity == 0;
  }

  /** {@code Channel.unbuffered()} becomes {@code Channel.buffered(n)}, type arguments kept. */
  private static Optional<SuggestedFix> fix(
      MethodInvocationTree creation, long sends, VisitorState state) {
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String channel = SuggestedFixes.qualifyType(state, fix, ConduitApi.CHANNEL);
    String typeArguments =
        creation.getTypeArguments().isEmpty()
            ? ""
            : creation.getTypeArguments().stream()
                .map(state::getSourceForNode)
                .collect(Collectors.joining(", ", "<", ">"));
    return Optional.of(
        fix.replace(creation, channel + "." + typeArguments + "buffered(" + sends + ")").build());
  }
}
