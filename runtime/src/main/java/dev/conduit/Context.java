package dev.conduit;

import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.internal.Contexts;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Carries a cancellation signal, a deadline and request-scoped values across API boundaries and
 * goroutines: Go's {@code context.Context}.
 *
 * <h2>The tree</h2>
 *
 * <p>Every context but the two roots ({@link #background()} and {@link #todo()}) is derived from a
 * parent with one of the {@code with...} methods, so contexts form a tree. A derived context is
 * done when its own {@link CancellableContext#cancel() cancel()} is called, when its deadline
 * passes, or when its parent becomes done, whichever happens first. Cancelling a parent cancels
 * every descendant (below a {@link #withoutCancel()} the chain is cut); cancelling a child leaves
 * its parent and siblings alone.
 *
 * <h2>Done</h2>
 *
 * <ul>
 *   <li>{@link #done()} is a receive-only channel that is closed when the context becomes done, so
 *       it composes with {@link Select}: {@link Select#onDone(Context, java.util.function.Supplier)
 *       onDone(ctx, body)} is Go's {@code case <-ctx.Done():}, and {@link #awaitDone()} is {@code
 *       <-ctx.Done()} as a statement: it waits until the context is done and returns.
 *   <li>{@link #err()} is {@code null} while the context is not done, then says why: a {@link
 *       CanceledException} (Go's {@code context.Canceled}) or a {@link DeadlineExceededException}
 *       ({@code context.DeadlineExceeded}). Once non-null it never changes.
 *   <li>{@link #cause()} is Go's {@code context.Cause(ctx)}: the {@link Throwable} passed to {@link
 *       CancellableContext#cancel(Throwable)} (or to a {@code withTimeout}/{@code withDeadline}
 *       overload taking a cause, when the deadline passes), else {@link #err()}.
 * </ul>
 *
 * <p>Context-aware operations ({@link Channel#send(Context, Object)}, {@link
 * Channel#receive(Context)}, {@link WaitGroup#await(Context)}, ...) give up when the context is
 * done by throwing {@link ContextDoneException#copy() err().copy()}, so that the stack trace shows
 * where the operation gave up. Do the same in your own code rather than throwing {@code err()}
 * itself, which is shared by the whole subtree that was cancelled together.
 *
 * <h2>Values</h2>
 *
 * <p>{@link #withValue(ContextKey, Object)} attaches a value under a {@link ContextKey}; {@link
 * #value(ContextKey)} finds it by walking up the parent chain, the nearest binding winning. Keys
 * compare by identity and carry the value's type, so lookups need no cast. Use values for
 * request-scoped data that crosses API boundaries (a request id, a principal), not for optional
 * parameters.
 *
 * <h2>Resources</h2>
 *
 * <p>A {@link CancellableContext} is registered with its nearest cancellable ancestor and, for a
 * timeout or deadline, holds a timer. Both are released by {@code cancel()} (or when the deadline
 * passes, or when the parent is cancelled). <b>Not cancelling leaks</b> them for as long as the
 * parent lives, exactly as in Go; use try-with-resources, Java's {@code defer cancel()}. Conduit's
 * {@code LostCancel} compiler check reports code that may forget.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * String fetch(Context ctx, String url) {
 *   try (CancellableContext timed = ctx.withTimeout(Duration.ofSeconds(2))) {
 *     Channel<String> reply = Channel.buffered(1);
 *     Go.go(() -> reply.trySend(slowFetch(url)));
 *     return reply.receive(timed); // throws DeadlineExceededException after 2 s
 *   }
 * }
 * }</pre>
 *
 * <h2>Don't</h2>
 *
 * <pre>{@code
 * CancellableContext timed = ctx.withTimeout(Duration.ofMinutes(5));
 * return reply.receive(timed); // timed is never cancelled: its timer and its registration in
 *                              // ctx stay for five minutes after every call
 * }</pre>
 *
 * <p>Pass a context explicitly as the first parameter of the methods that need it (Go's convention,
 * checked by {@code ContextFirst}); don't store it in a field, and never pass {@code null} (use
 * {@link #todo()} when unsure which context to use). Contexts are safe for use by any number of
 * threads. This interface is implemented only by Conduit; derive contexts with the methods here
 * rather than implementing it.
 */
public interface Context {

  /**
   * The root of every context tree: never done, no deadline, no values. Use it in {@code main}, in
   * tests and at the top of a request. Go's {@code context.Background()}.
   */
  static Context background() {
    return Contexts.background();
  }

  /**
   * Like {@link #background()}, but says "the right context is not known yet": a placeholder while
   * plumbing a context through code. Go's {@code context.TODO()}.
   */
  static Context todo() {
    return Contexts.todo();
  }

  /**
   * A child that is done when its {@link CancellableContext#cancel() cancel()} is called or this
   * context is done. Go's {@code context.WithCancel} and, through {@link
   * CancellableContext#cancel(Throwable)}, {@code context.WithCancelCause}.
   */
  CancellableContext withCancel();

  /**
   * A child whose deadline is {@code timeout} from now: it becomes done with a {@link
   * DeadlineExceededException} then, unless cancelled or its parent is done before. A zero or
   * negative timeout gives a context that is already done. Go's {@code context.WithTimeout}.
   */
  CancellableContext withTimeout(Duration timeout);

  /**
   * Like {@link #withTimeout(Duration)}, but {@link #cause()} returns {@code cause} when the
   * deadline passes. Go's {@code context.WithTimeoutCause}.
   */
  CancellableContext withTimeout(Duration timeout, Throwable cause);

  /**
   * A child that becomes done with a {@link DeadlineExceededException} at {@code deadline}
   * (wall-clock time), unless cancelled or its parent is done before. If this context's own
   * deadline is earlier, the child simply keeps that one and needs no timer of its own. Go's {@code
   * context.WithDeadline}.
   */
  CancellableContext withDeadline(Instant deadline);

  /**
   * Like {@link #withDeadline(Instant)}, but {@link #cause()} returns {@code cause} when the
   * deadline passes. Go's {@code context.WithDeadlineCause}.
   */
  CancellableContext withDeadline(Instant deadline, Throwable cause);

  /**
   * A child that carries {@code value} under {@code key} and is otherwise this context: same done
   * channel, error and deadline. Go's {@code context.WithValue}.
   */
  <T> Context withValue(ContextKey<T> key, T value);

  /**
   * A child with this context's values that is never done, has no deadline and is not cancelled
   * when this context is: for work that must outlive the request it was started by (a cleanup, an
   * audit record). Go's {@code context.WithoutCancel}.
   */
  Context withoutCancel();

  /**
   * Arranges for {@code function} to run in its own goroutine once this context is done; at once if
   * it already is. It runs at most once; calling {@code afterFunc} again registers another,
   * independent function. If this context can never be done, {@code function} never runs. Go's
   * {@code context.AfterFunc}.
   *
   * @return the handle whose {@link AfterFunc#stop() stop()} undoes the registration; a function
   *     that is never stopped and whose context is never done stays registered with the context
   */
  AfterFunc afterFunc(Runnable function);

  /**
   * A channel that is closed when this context becomes done and never carries a value: Go's {@code
   * ctx.Done()}. Every call returns the same channel (contexts that can never be done share one
   * channel that is never closed).
   *
   * <p>To wait until the context is done (Go's {@code <-ctx.Done()} as a statement), call {@link
   * #awaitDone()}. To wait for it or for something else, whichever comes first, use a {@link
   * Select} with {@link Select#onDone(Context, java.util.function.Supplier) onDone}. Don't call
   * {@link Channel#receive() receive()} on it: that throws {@link ChannelClosedException} once the
   * context is done, as on every closed channel, at the very moment the caller waited for.
   */
  @ReceiveOnly
  Channel<Void> done();

  /**
   * Blocks until this context is done, then returns normally: Go's {@code <-ctx.Done()} as a
   * statement. On a context that is already done it returns at once (even on an interrupted
   * thread); on one that can never be done ({@link #background()}, {@link #withoutCancel()}) it
   * blocks until the thread is interrupted, as Go's would block forever. Read {@link #err()} or
   * {@link #cause()} afterwards to learn why.
   *
   * <pre>{@code
   * Go.go(() -> {
   *   ctx.awaitDone();
   *   listener.close(); // unblocks the accept loop once the server's context ends
   * });
   * }</pre>
   *
   * @throws UncheckedInterruptedException if the thread is interrupted while it waits
   */
  default void awaitDone() {
    done().awaitSignal();
  }

  /**
   * Why this context is done, or {@code null} if it is not: a {@link CanceledException} or a {@link
   * DeadlineExceededException} whose {@linkplain Throwable#getCause() cause} is the cancel cause,
   * if one was given. Go's {@code ctx.Err()}.
   *
   * <p>Every call on a done context returns the same exception, shared with the descendants that
   * were cancelled with it; throw its {@link ContextDoneException#copy() copy()}. It is built when
   * first asked for (so that cancelling costs no stack walk), so its own stack trace shows that
   * first {@code err()} call, not the {@code cancel()}.
   */
  @Nullable ContextDoneException err();

  /** Whether this context is done: {@code err() != null}. */
  default boolean isDone() {
    return err() != null;
  }

  /**
   * Go's {@code context.Cause(ctx)}: {@code null} while not done; then the cause given to {@link
   * CancellableContext#cancel(Throwable)} or to a cause-taking {@code withTimeout}/{@code
   * withDeadline} whose deadline passed, or else {@link #err()}. A context cancelled because its
   * parent was has its parent's cause.
   */
  @Nullable Throwable cause();

  /**
   * When this context will be done because its deadline passes, or {@code null} if it has no
   * deadline. A context inherits its parent's deadline unless it sets an earlier one. Go's {@code
   * ctx.Deadline()}.
   */
  @Nullable Instant deadline();

  /**
   * The value bound to {@code key} in this context or its nearest ancestor that binds it, or {@code
   * null} if none does. Go's {@code ctx.Value(key)}.
   */
  <T> @Nullable T value(ContextKey<T> key);
}
