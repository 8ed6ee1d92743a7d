package dev.conduit.internal;

import org.jspecify.annotations.Nullable;

/**
 * One tracked goroutine, registered only while its task runs: its thread, where it came from, and
 * when its current wait began.
 */
public final class GoroutineRecord {
  final Thread thread;
  final long id;
  private final long parentId;
  private final String parentName;
  private final StackTraceElement @Nullable [] creationSite;

  /**
   * When the goroutine began a WaitGroup or ErrGroup wait ({@link System#nanoTime()}), 0 when it is
   * in none.
   */
  volatile long waitStart;

  /**
   * When the goroutine last parked in a channel operation or select ({@link System#nanoTime()}).
   */
  volatile long parkedSince;

  GoroutineRecord(
      Thread thread,
      long parentId,
      String parentName,
      StackTraceElement @Nullable [] creationSite) {
    this.thread = thread;
    this.id = thread.threadId();
    this.parentId = parentId;
    this.parentName = parentName;
    this.creationSite = creationSite;
  }

  /** The goroutine's thread. */
  public Thread thread() {
    return thread;
  }

  /** The goroutine's id: its thread's {@link Thread#threadId()}. */
  public long id() {
    return id;
  }

  /** The id of the thread that started it. */
  public long parentId() {
    return parentId;
  }

  /** The name of the thread that started it, when it started it. */
  public String parentName() {
    return parentName;
  }

  /** The stack of the {@code go} call, without Conduit's frames; null if not recorded. */
  public StackTraceElement @Nullable [] creationSite() {
    return creationSite == null ? null : creationSite.clone();
  }
}
