package dev.conduit.internal;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.conduit.CancellableContext;
import dev.conduit.Channel;
import dev.conduit.ContextDoneException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * {@code withCancel()}: a context that can be cancelled, and the node of the cancellation tree.
 *
 * <p>Each instance keeps its cancellable children in an intrusive doubly linked list (the links
 * live in the children), so registering and unregistering a child costs no allocation and constant
 * time. The list and the links into it are guarded by the owner's {@link #lock}.
 *
 * <p>As in Go, a context's lock is held until its whole subtree is cancelled, so that when any
 * {@code cancel()} returns, even one that found the context already being cancelled by another
 * thread, every descendant is done. Locks are only ever taken from ancestor to descendant (a child
 * leaves its parent's list after releasing its own lock, and registering takes only the parent's),
 * so this cannot deadlock. The subtree is walked iteratively, so a chain of any depth cancels
 * without overflowing the stack. Locks are held for field updates and channel closes, never while
 * blocking, and they are {@link ReentrantLock}s, so a virtual thread that finds one taken parks
 * instead of pinning its carrier.
 *
 * <p>The done channel is created only when somebody asks for it; a context cancelled before that
 * hands out the shared, already closed channel.
 */
sealed class CancelContext extends AbstractContext implements CancellableContext
    permits TimerContext, AfterFuncContext {
  private final AbstractContext parent;

  /** Whose child list this context is in while {@link #linked}; null if it follows nobody. */
  private final @Nullable CancelContext registeredWith;

  final ReentrantLock lock = new ReentrantLock();

  private volatile @Nullable CancelReason reason;

  /** Null, an own done channel (a receive-only view), or {@link DoneChannels#CLOSED}. */
  private volatile @Nullable Channel<Void> done;

  // Guarded by lock.
  @GuardedBy("lock")
  private @Nullable CancelContext firstChild;

  // Guarded by registeredWith.lock. Not @GuardedBy: the parent reaches these through its children
  // while holding its own lock, and the checker cannot see that child.registeredWith is the parent.
  private @Nullable CancelContext previousSibling;
  private @Nullable CancelContext nextSibling;
  private boolean linked;

  CancelContext(AbstractContext parent) {
    this.parent = parent;
    this.registeredWith = parent.cancelAncestor();
  }

  /**
   * Registers with the nearest cancellable ancestor, or takes on its reason at once if it is
   * already done. Called right after construction, never from a constructor, so that a parent
   * cancelling concurrently only ever sees fully built children.
   */
  final void attach() {
    CancelContext ancestor = registeredWith;
    if (ancestor == null) {
      return;
    }
    CancelReason inherited = ancestor.reason;
    if (inherited == null) {
      ancestor.lock.lock();
      try {
        inherited = ancestor.reason;
        if (inherited == null) {
          ancestor.link(this);
        }
      } finally {
        ancestor.lock.unlock();
      }
    }
    if (inherited != null) {
      cancel(inherited, false);
    }
  }

  @GuardedBy("lock")
  private void link(CancelContext child) {
    CancelContext first = firstChild;
    child.nextSibling = first;
    child.previousSibling = null;
    if (first != null) {
      first.previousSibling = child;
    }
    firstChild = child;
    child.linked = true;
  }

  private void unlink(CancelContext child) {
    lock.lock();
    try {
      if (!child.linked) {
        return; // this context is being cancelled and already let go of its children
      }
      CancelContext previous = child.previousSibling;
      CancelContext next = child.nextSibling;
      if (previous == null) {
        firstChild = next;
      } else {
        previous.nextSibling = next;
      }
      if (next != null) {
        next.previousSibling = previous;
      }
      child.previousSibling = null;
      child.nextSibling = null;
      child.linked = false;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Makes this context done for {@code why}, then its descendants with the same reason.
   *
   * @param removeFromParent whether to leave the parent's child list; false when the parent is the
   *     one cancelling, since it drops its whole list
   * @return whether this call cancelled it (false if it was already done)
   */
  final boolean cancel(CancelReason why, boolean removeFromParent) {
    lock.lock();
    try {
      if (reason != null) {
        return false; // whoever set it held this lock until the subtree was done
      }
      cancelSubtreeLocked(this, why);
    } finally {
      lock.unlock();
    }
    if (removeFromParent && registeredWith != null) {
      registeredWith.unlink(this);
    }
    return true;
  }

  /**
   * Marks {@code root} (locked by the caller, not yet done) and every descendant done: a
   * depth-first walk that holds the locks of the contexts on the path from {@code root} to the one
   * it visits, and releases each once its subtree is finished. A descendant found already done was
   * cancelled by another thread, which held its lock until its own subtree was done.
   */
  // Hand-over-hand locking down a walk whose held locks live in a deque: the checker cannot follow
  // which context's lock is held at each step, nor the caller's hold on root.lock.
  @SuppressWarnings("GuardedBy")
  private static void cancelSubtreeLocked(CancelContext root, CancelReason why) {
    CancelContext child = root.markDoneLocked(why);
    if (child == null) {
      return;
    }
    // Pairs of (locked context, next sibling to visit once its subtree is done).
    ArrayDeque<Object> path = new ArrayDeque<>();
    try {
      while (true) {
        if (child == null) {
          if (path.isEmpty()) {
            return;
          }
          Object resume = path.pop();
          ((CancelContext) path.pop()).lock.unlock();
          child = resume == NO_SIBLING ? null : (CancelContext) resume;
          continue;
        }
        CancelContext next = child.nextSibling;
        child.previousSibling = null; // cancelled contexts must not keep their siblings reachable
        child.nextSibling = null;
        child.lock.lock();
        CancelContext grandchild = child.reason == null ? child.markDoneLocked(why) : null;
        if (grandchild == null) {
          child.lock.unlock();
          child = next;
        } else {
          path.push(child);
          path.push(next == null ? NO_SIBLING : next);
          child = grandchild;
        }
      }
    } finally {
      while (!path.isEmpty()) { // only if a hook threw: release what is still held
        path.pop();
        ((CancelContext) path.pop()).lock.unlock();
      }
    }
  }

  private static final Object NO_SIBLING = new Object();

  /**
   * Sets the reason, closes the done channel, runs the hook, and detaches the child list, which it
   * returns; the caller, holding this lock, cancels the children. Guarded by {@link #lock}.
   */
  @GuardedBy("lock")
  private @Nullable CancelContext markDoneLocked(CancelReason why) {
    reason = why;
    Channel<Void> channel = done;
    if (channel != null && channel != DoneChannels.CLOSED) {
      ((ChannelRef<?>) channel).core().close();
    }
    CancelContext children = firstChild;
    firstChild = null;
    for (CancelContext c = children; c != null; c = c.nextSibling) {
      c.linked = false;
    }
    cancelledLocked();
    return children;
  }

  /** Runs once, with {@link #lock} held, right after this context became done. */
  @GuardedBy("lock")
  void cancelledLocked() {}

  // Each cancel makes its own reason (rather than sharing one program-wide "canceled" value, as
  // Go does) so that err() is shared only within the subtree cancelled together: an exception
  // is mutable (suppressed exceptions, stack trace), and a global one would collect what
  // unrelated code attached to it.

  @Override
  public final void cancel() {
    cancel(new CancelReason(false, null), true);
  }

  @Override
  public final void cancel(@Nullable Throwable cause) {
    cancel(new CancelReason(false, cause), true);
  }

  @Override
  public final void close() {
    cancel();
  }

  final boolean isCancelled() {
    return reason != null;
  }

  @Override
  final @Nullable CancelContext cancelAncestor() {
    return this;
  }

  @Override
  final AbstractContext parent() {
    return parent;
  }

  @Override
  public final Channel<Void> done() {
    Channel<Void> channel = done;
    if (channel != null) {
      return channel;
    }
    lock.lock();
    try {
      channel = done;
      if (channel == null) {
        channel = reason != null ? DoneChannels.CLOSED : new ChannelImpl<Void>(0).receiveOnly();
        done = channel;
      }
      return channel;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public final @Nullable ContextDoneException err() {
    CancelReason why = reason;
    return why == null ? null : why.err();
  }

  @Override
  public final @Nullable Throwable cause() {
    CancelReason why = reason;
    return why == null ? null : why.cause();
  }

  @Override
  public @Nullable Instant deadline() {
    return parent.deadline();
  }

  /** How many cancellable children are registered with this context now; for tests. */
  final int childCount() {
    lock.lock();
    try {
      int n = 0;
      for (CancelContext c = firstChild; c != null; c = c.nextSibling) {
        n++;
      }
      return n;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return parent + ".withCancel()";
  }
}
