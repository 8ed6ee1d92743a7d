package dev.conduit.internal;

import java.lang.ref.WeakReference;
import org.jspecify.annotations.Nullable;

/** One tracked goroutine: its thread (held weakly), where it came from, and a non-channel wait. */
public final class GoroutineRecord extends WeakReference<Thread> {
  final long id;
  private final long parentId;
  private final String parentName;
  private final StackTraceElement @Nullable [] creationSite;

  /**
   * When the goroutine began a WaitGroup or ErrGroup wait ({@link System#nanoTime()}), 0 when it
   * is in none.
   */
  volatile long waitStart;

  GoroutineRecord(
      Thread thread,
      long parentId,
      String parentName,
      StackTraceElement @Nullable [] creationSite) {
    super(thread);
    this.id = thread.threadId();
    this.parentId = parentId;
    this.parentName = parentName;
    this.creationSite = creationSite;
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
