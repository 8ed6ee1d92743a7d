package dev.conduit.internal;

import dev.conduit.CancellableContext;
import dev.conduit.Channel;
import dev.conduit.ContextDoneException;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * {@code withCancel()}: a context that can be cancelled, and the node of the cancellation tree.
 *
 * <p>Each instance keeps its cancellable children in an intrusive doubly linked list (the links
 * live in the children), so registering and unregistering a child costs no allocation and
 * constant time. The list and the links into it are guarded by the owner's {@link #lock}.
 *
 * <p>Lock order is always parent before child: a parent cancels its children while holding its
 * own lock, and a child removes itself from its parent's list only after releasing its own.
 * Locks are held for a few field updates and channel closes, never while blocking, and they are
 * {@link ReentrantLock}s, so a virtual thread that finds one taken parks instead of pinning its
 * carrier.
 *
 * <p>The done channel is created only when somebody asks for it; a context cancelled before that
 * hands out the shared, already closed channel.
 */
sealed class CancelContext extends AbstractContext implements CancellableContext
    permits TimerContext, AfterFuncContext {
  private static final CancelReason CANCELED = new CancelReason(false, null);

  private final AbstractContext parent;

  /** Whose child list this context is in while {@link #linked}; null if it follows nobody. */
  private final @Nullable CancelContext registeredWith;

  final ReentrantLock lock = new ReentrantLock();

  private volatile @Nullable CancelReason reason;

  /** Null, an own done channel (a receive-only view), or {@link DoneChannels#CLOSED}. */
  private volatile @Nullable Channel<Void> done;

  // Guarded by lock.
  private @Nullable CancelContext firstChild;

  // Guarded by registeredWith.lock.
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
   * Makes this context done for {@code why} and cancels its descendants with the same reason.
   *
   * @param removeFromParent whether to leave the parent's child list; false when the parent is
   *     the one cancelling, since it drops its whole list
   * @return whether this call cancelled it (false if it was already done)
   */
  final boolean cancel(CancelReason why, boolean removeFromParent) {
    lock.lock();
    try {
      if (reason != null) {
        return false;
      }
      reason = why;
      Channel<Void> channel = done;
      if (channel != null && channel != DoneChannels.CLOSED) {
        ((ChannelRef<Void>) channel).core().close();
      }
      CancelContext child = firstChild;
      firstChild = null;
      while (child != null) {
        CancelContext next = child.nextSibling;
        child.previousSibling = null;
        child.nextSibling = null;
        child.linked = false;
        child.cancel(why, false);
        child = next;
      }
      cancelledLocked();
    } finally {
      lock.unlock();
    }
    if (removeFromParent && registeredWith != null) {
      registeredWith.unlink(this);
    }
    return true;
  }

  /** Runs once, with {@link #lock} held, right after this context became done. */
  void cancelledLocked() {}

  @Override
  public final void cancel() {
    cancel(CANCELED, true);
  }

  @Override
  public final void cancel(@Nullable Throwable cause) {
    cancel(cause == null ? CANCELED : new CancelReason(false, cause), true);
  }

  @Override
  public final void close() {
    cancel(CANCELED, true);
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
