package dev.conduit.internal;

import java.security.CodeSource;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Tells Conduit's own stack frames from the JDK's and from its users' (whose classes may also live
 * in a {@code dev.conduit...} package), so that dumps show a goroutine's stack from the user's
 * point of view.
 */
public final class RuntimeFrames {
  private static final String MODULE = "dev.conduit.runtime";
  private static final int CREATION_FRAMES = 16;
  private static final ConcurrentHashMap<String, Boolean> RUNTIME_CLASSES =
      new ConcurrentHashMap<>();
  private static final @Nullable CodeSource OURS =
      RuntimeFrames.class.getProtectionDomain().getCodeSource();

  private RuntimeFrames() {}

  /** Whether {@code frame} is in Conduit's runtime. */
  public static boolean isRuntime(StackTraceElement frame) {
    String module = frame.getModuleName();
    if (module != null) {
      return module.equals(MODULE);
    }
    return isRuntimeClass(frame.getClassName());
  }

  /** Whether {@code frame} is in the JDK. */
  public static boolean isJdk(StackTraceElement frame) {
    String module = frame.getModuleName();
    if (module != null && (module.startsWith("java.") || module.startsWith("jdk."))) {
      return true;
    }
    String name = frame.getClassName();
    return name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.");
  }

  /** Whether {@code frame} belongs to neither Conduit's runtime nor the JDK. */
  public static boolean isUser(StackTraceElement frame) {
    return !isJdk(frame) && !isRuntime(frame);
  }

  /**
   * Whether {@code frame} is part of how Conduit starts a goroutine (its run wrapper, the
   * WaitGroup's and ErrGroup's task lambdas): below the goroutine's own code, never a wait.
   */
  public static boolean isLaunch(StackTraceElement frame) {
    return isRuntime(frame)
        && (frame.getClassName().equals(LAUNCH) || frame.getMethodName().startsWith("lambda$"));
  }

  private static final String LAUNCH = GoroutineRegistry.class.getName() + "$Launch";

  static boolean isRuntimeClass(String className) {
    if (!className.startsWith("dev.conduit.")) {
      return false;
    }
    return RUNTIME_CLASSES.computeIfAbsent(className, RuntimeFrames::loadedFromUs);
  }

  private static Boolean loadedFromUs(String className) {
    try {
      Class<?> type = Class.forName(className, false, RuntimeFrames.class.getClassLoader());
      if (type.getModule().isNamed()) {
        return type.getModule() == RuntimeFrames.class.getModule();
      }
      CodeSource source = type.getProtectionDomain().getCodeSource();
      return OURS != null && source != null && OURS.getLocation().equals(source.getLocation());
    } catch (ClassNotFoundException | LinkageError | SecurityException unknown) {
      return false;
    }
  }

  /** The current thread's stack below Conduit's frames (the caller of {@code go}), capped. */
  static StackTraceElement[] callerStack() {
    return StackWalker.getInstance()
        .walk(frames ->
            frames
                .map(StackWalker.StackFrame::toStackTraceElement)
                .dropWhile(frame -> isRuntime(frame))
                .limit(CREATION_FRAMES)
                .toArray(StackTraceElement[]::new));
  }
}
