package dev.conduit.internal;

import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Says what a blocked goroutine waits for, in Go's words, at dump time. A channel operation or a
 * select parks with its {@link Waiter} as the park blocker, so the wait reason and the channel are
 * read from there; every such park first notes its time in the goroutine's record, so while the
 * blocker is a waiter that time is this wait's. The channel's state (length, capacity, closed) is
 * read now, not when the goroutine parked.
 */
public final class WaitDescriptions {
  private WaitDescriptions() {}

  /**
   * What a goroutine waits for.
   *
   * @param reason Go's wait reason ({@code chan receive}, {@code select}...), or null if it is not
   *     blocked in a wait Conduit knows
   * @param since when the wait began ({@link System#nanoTime()}), 0 if unknown
   * @param waitingOn the channel or channels, described now, or null
   */
  public record Wait(@Nullable String reason, long since, @Nullable String waitingOn) {}

  /** Describes the wait of {@code thread}, whose stack (top first) is {@code stack}. */
  public static Wait describe(Thread thread, GoroutineRecord record, StackTraceElement[] stack) {
    Object blocker = LockSupport.getBlocker(thread);
    String entry = entryMethod(stack);
    try {
      if (blocker instanceof Node node) {
        return new Wait(
            node.sender ? "chan send" : "chan receive", record.parkedSince, channel(node.channel));
      }
      if (blocker instanceof SelectCore select) {
        return new Wait(selectReason(entry), record.parkedSince, clauses(select));
      }
    } catch (RuntimeException racedWithTheWaiter) {
      // The goroutine moved on while we looked; describe it from its stack alone.
    }
    if (hasFrame(stack, "waitWithoutClauses")) {
      return new Wait("select (no cases)", 0, null);
    }
    if (entry.equals("dev.conduit.WaitGroup.await")) {
      return new Wait("WaitGroup.await", record.waitStart, null);
    }
    if (entry.equals("dev.conduit.ErrGroup.await")) {
      return new Wait("ErrGroup.await", record.waitStart, null);
    }
    if (isSleeping(stack)) {
      return new Wait("sleep", 0, null);
    }
    return new Wait(null, 0, null);
  }

  /** A send or receive with a context runs as a select, but the user wrote a channel operation. */
  private static String selectReason(String entry) {
    if (entry.startsWith("dev.conduit.internal.") && !entry.contains("Select")) {
      String method = entry.substring(entry.lastIndexOf('.') + 1);
      if (method.startsWith("send")) {
        return "chan send";
      }
      if (method.startsWith("receive") || method.equals("next") || method.equals("hasNext")) {
        return "chan receive";
      }
    }
    return "select";
  }

  private static String clauses(SelectCore select) {
    int n = select.clauseCount();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : "; ")
          .append(select.item(i) != null ? "send to " : "receive from ")
          .append(channel(select.channel(i)));
    }
    return out.toString();
  }

  /** {@code chan #7 Channel.buffered(4): len 4, cap 4}, read now. */
  public static String channel(ChannelEngine channel) {
    return "chan #"
        + channel.id
        + " "
        + channel
        + ": len "
        + channel.len()
        + ", cap "
        + channel.cap()
        + (channel.isClosed() ? ", closed" : "");
  }

  /**
   * The outermost Conduit frame of the top run of non-user frames: the Conduit call the user made
   * ({@code dev.conduit.internal.ChannelImpl.send}), as {@code class.method}; empty if none.
   */
  private static String entryMethod(StackTraceElement[] stack) {
    String entry = "";
    for (StackTraceElement frame : stack) {
      if (RuntimeFrames.isLaunch(frame)) {
        break;
      }
      if (RuntimeFrames.isRuntime(frame)) {
        entry = frame.getClassName() + "." + frame.getMethodName();
      } else if (!RuntimeFrames.isJdk(frame)) {
        break;
      }
    }
    return entry;
  }

  private static boolean hasFrame(StackTraceElement[] stack, String method) {
    for (StackTraceElement frame : stack) {
      if (RuntimeFrames.isUser(frame)) {
        return false;
      }
      if (frame.getMethodName().equals(method) && RuntimeFrames.isRuntime(frame)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSleeping(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      if (!RuntimeFrames.isJdk(frame)) {
        return false;
      }
      if (frame.getClassName().equals("java.lang.Thread")
          && frame.getMethodName().equals("sleep")) {
        return true;
      }
    }
    return false;
  }
}
