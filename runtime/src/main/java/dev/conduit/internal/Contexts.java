package dev.conduit.internal;

import dev.conduit.AfterFunc;
import dev.conduit.Channel;
import dev.conduit.Context;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Entry points for the public {@code dev.conduit} classes into the context implementation. */
public final class Contexts {
  private Contexts() {}

  public static Context background() {
    return EmptyContext.BACKGROUND;
  }

  public static Context todo() {
    return EmptyContext.TODO;
  }

  /**
   * Whether {@code ctx} can ever be done. False for the roots, {@code withoutCancel()} and value
   * contexts over them: operations then skip every context check.
   */
  public static boolean canBeDone(Context ctx) {
    Objects.requireNonNull(ctx, "ctx");
    if (ctx instanceof AbstractContext known) {
      return known.cancelAncestor() != null;
    }
    return !(ctx.done() instanceof ChannelRef<?> ref && DoneChannels.isNever(ref.core()));
  }

  /**
   * The done channel to wait on for {@code ctx}, or {@code null} if {@code ctx} can never be done.
   * Operations skip waiting on a never-done context altogether rather than queueing on the shared
   * never-closed channel, where every waiter in the program would contend for one lock and leave a
   * node behind.
   */
  public static @Nullable Channel<Void> doneToWaitOn(Context ctx) {
    return canBeDone(ctx) ? ctx.done() : null;
  }

  /**
   * Registers {@code wake} to run on the cancelling thread once {@code ctx} is done; it must only
   * wake a waiter (it runs with context locks held). Stop the result when done waiting.
   */
  public static AfterFunc onDoneInline(Context ctx, Runnable wake) {
    if (ctx instanceof AbstractContext known) {
      return AfterFuncContext.register(known, wake, true);
    }
    return ctx.afterFunc(wake);
  }

  /**
   * How many cancellable children (including after-functions) are registered with {@code ctx}'s
   * nearest cancellable ancestor; 0 if it has none. For tests of resource release.
   */
  public static int registeredChildren(Context ctx) {
    if (ctx instanceof AbstractContext known) {
      CancelContext ancestor = known.cancelAncestor();
      return ancestor == null ? 0 : ancestor.childCount();
    }
    throw new IllegalArgumentException("not a Conduit context: " + ctx.getClass().getName());
  }
}
