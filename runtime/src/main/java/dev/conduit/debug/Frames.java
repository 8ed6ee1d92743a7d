package dev.conduit.debug;

import dev.conduit.internal.RuntimeFrames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Trimming stacks and printing durations for dumps. */
final class Frames {
  private Frames() {}

  static boolean isConduitOrJdk(StackTraceElement frame) {
    return !RuntimeFrames.isUser(frame);
  }

  /**
   * The stack from the user's point of view: the JDK's and Conduit's frames above the first user
   * frame are dropped except the call the user made (a Conduit operation, {@code Thread.sleep}),
   * and the launch frames below the last user frame are dropped.
   */
  static List<StackTraceElement> trim(StackTraceElement[] stack) {
    int firstUser = -1;
    int lastUser = -1;
    for (int i = 0; i < stack.length; i++) {
      if (RuntimeFrames.isUser(stack[i])) {
        if (firstUser < 0) {
          firstUser = i;
        }
        lastUser = i;
      }
    }
    if (firstUser < 0) {
      return entryOnly(stack);
    }
    List<StackTraceElement> trimmed = new ArrayList<>(lastUser - firstUser + 2);
    if (firstUser > 0) {
      trimmed.add(stack[firstUser - 1]);
    }
    for (int i = firstUser; i <= lastUser; i++) {
      trimmed.add(stack[i]);
    }
    return trimmed;
  }

  /**
   * A goroutine whose task is a Conduit method itself ({@code go(wg::await)}) has no user frame:
   * its stack is the Conduit call above the launch frames. Otherwise the stack is kept whole.
   */
  private static List<StackTraceElement> entryOnly(StackTraceElement[] stack) {
    for (int i = stack.length - 1; i >= 0; i--) {
      if (RuntimeFrames.isRuntime(stack[i]) && !RuntimeFrames.isLaunch(stack[i])) {
        return List.of(stack[i]);
      }
    }
    return List.of(stack);
  }

  /** Go prints whole minutes; shorter waits matter in tests, so they are printed too. */
  static String duration(Duration waited) {
    long millis = waited.toMillis();
    if (millis >= 60_000) {
      long minutes = millis / 60_000;
      return minutes + (minutes == 1 ? " minute" : " minutes");
    }
    if (millis >= 1_000) {
      long seconds = millis / 1_000;
      return seconds + (seconds == 1 ? " second" : " seconds");
    }
    return millis + " ms";
  }
}
