package dev.conduit;

import dev.conduit.internal.ChannelImpl;
import dev.conduit.internal.ChannelRef;
import dev.conduit.internal.Contexts;
import dev.conduit.internal.SelectCore;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Go's {@code select} statement: waits until one of several channel operations can proceed,
 * performs exactly that one, and runs its body.
 *
 * <pre>{@code
 * String reply = Select.<String>select()
 *     .onReceive(results, r -> "result: " + r)
 *     .onDone(ctx, () -> "cancelled")
 *     .onTimeout(Duration.ofSeconds(1), () -> "timed out")
 *     .await();
 * }</pre>
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li><b>Exactly one clause fires.</b> No value is taken from or given to a channel whose clause
 *       did not fire; the channels of the other clauses are left as they were.
 *   <li><b>Fair choice.</b> When several clauses are ready, one is picked uniformly at random (as
 *       Go does), so a busy channel cannot starve the others.
 *   <li><b>Closed channels are ready.</b> A receive clause on a closed, drained channel fires at
 *       once, and its body gets {@code null} (Go's {@code v, ok := <-ch} with {@code ok == false}).
 *       A send clause chosen on a closed channel throws {@link ChannelClosedException} from {@link
 *       #await()}, as Go panics.
 *   <li><b>Blocking.</b> Without {@link #orElse(Supplier)} the select parks until a clause can
 *       fire, the earliest {@link #onTimeout timeout} passes, or the thread is interrupted ({@link
 *       UncheckedInterruptedException}, interrupt status kept, no clause fired). With {@code
 *       orElse} it never blocks: Go's {@code default}. A select with no clause at all blocks until
 *       interrupted, like Go's {@code select {}}.
 * </ul>
 *
 * <p>Bodies run on the calling thread after the channel operation completed, and what the body
 * returns is what {@link #await()} returns. A select may be awaited again (each {@code await()} is
 * a new select over the same clauses, with timeouts counted from that call), by one thread at a
 * time.
 *
 * <h2>Don't</h2>
 *
 * <pre>{@code
 * // A send in a body is not part of the select: it blocks outside of it.
 * Select.<Void>select().onReceive(in, v -> { out.send(v); return null; }).await();
 * // To wait on the send as well, select on it:
 * Select.<Void>select().onSend(out, v, () -> null).onDone(ctx, () -> null).await();
 * }</pre>
 *
 * @param <R> what the bodies return, and so what {@link #await()} returns
 */
public final class Select<R> {
  private final SelectCore core = new SelectCore();
  private @Nullable Duration timeout;
  private @Nullable Supplier<? extends R> timeoutBody;
  private @Nullable Supplier<? extends R> defaultBody;

  private Select() {}

  /** Starts a select; add clauses, then {@link #await()} it. */
  public static <R> Select<R> select() {
    return new Select<>();
  }

  /**
   * Go's {@code case v, ok := <-channel}: fires when a value can be received, or when the channel
   * is closed and drained, in which case {@code body} gets {@code null}.
   */
  public <T> Select<R> onReceive(
      Channel<T> channel, Function<? super @Nullable T, ? extends R> body) {
    Objects.requireNonNull(body, "body");
    core.addReceive(receivable(channel), body);
    return this;
  }

  /** Go's {@code case <-channel}: like the other {@code onReceive}, ignoring the value. */
  public Select<R> onReceive(Channel<?> channel, Supplier<? extends R> body) {
    Objects.requireNonNull(body, "body");
    core.addReceive(receivable(channel), body);
    return this;
  }

  /** Go's {@code case channel <- value}: fires when {@code value} can be sent. */
  public <T> Select<R> onSend(Channel<T> channel, T value, Supplier<? extends R> body) {
    Objects.requireNonNull(value, "a channel cannot carry null");
    Objects.requireNonNull(body, "body");
    ChannelRef<T> ref = ref(channel);
    if (!ref.canSend()) {
      throw new UnsupportedOperationException("select send clause on a receive-only channel");
    }
    core.addSend(ref.core(), value, body);
    return this;
  }

  /**
   * Go's {@code case <-time.After(timeout)}: fires if no other clause has fired when {@code
   * timeout} has passed since {@link #await()} was called. With several timeouts the shortest
   * counts.
   */
  public Select<R> onTimeout(Duration timeout, Supplier<? extends R> body) {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(body, "body");
    if (this.timeout == null || timeout.compareTo(this.timeout) < 0) {
      this.timeout = timeout;
      this.timeoutBody = body;
    }
    return this;
  }

  /** Go's {@code default}: runs {@code body} at once if no other clause is ready. */
  public Select<R> orElse(Supplier<? extends R> body) {
    Objects.requireNonNull(body, "body");
    if (defaultBody != null) {
      throw new IllegalStateException("a select has at most one orElse clause");
    }
    defaultBody = body;
    return this;
  }

  /**
   * Waits for a clause to fire, runs its body and returns what the body returned.
   *
   * @throws ChannelClosedException if a send clause's channel is closed when it is chosen
   * @throws UncheckedInterruptedException if the thread is interrupted while waiting
   */
  @SuppressWarnings("unchecked")
  public R await() {
    long deadline = Long.MAX_VALUE;
    if (timeout != null) {
      deadline = deadlineAfter(timeout);
    }
    int fired = core.run(defaultBody != null, deadline);
    if (fired == SelectCore.DEFAULT) {
      return Objects.requireNonNull(defaultBody).get();
    }
    if (fired == SelectCore.TIMED_OUT) {
      return Objects.requireNonNull(timeoutBody).get();
    }
    Object body = core.attachment(fired);
    if (body instanceof Function<?, ?> function) {
      return ((Function<@Nullable Object, ? extends R>) function).apply(core.received());
    }
    return ((Supplier<? extends R>) Objects.requireNonNull(body)).get();
  }

  private static long deadlineAfter(Duration timeout) {
    long now = System.nanoTime();
    long nanos;
    try {
      nanos = timeout.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
    long deadline = now + Math.max(nanos, 0);
    // Saturate rather than wrap: a timeout of centuries means "never".
    return deadline - now < 0 || deadline == Long.MAX_VALUE ? Long.MAX_VALUE - 1 : deadline;
  }

  private static <T> ChannelRef<T> ref(Channel<T> channel) {
    Objects.requireNonNull(channel, "channel");
    if (channel instanceof ChannelRef<?> ref) {
      @SuppressWarnings("unchecked") // a ChannelRef's element type is the channel's own
      ChannelRef<T> typed = (ChannelRef<T>) ref;
      return typed;
    }
    throw new IllegalArgumentException(
        "select works with Conduit's own channels only, not " + channel.getClass().getName());
  }

  private static ChannelImpl<?> receivable(Channel<?> channel) {
    ChannelRef<?> ref = ref(channel);
    if (!ref.canReceive()) {
      throw new UnsupportedOperationException("select receive clause on a send-only channel");
    }
    return ref.core();
  }

  /**
   * Go's {@code case <-ctx.Done()}: fires when {@code ctx} is done (at once if it already is). A
   * context that can never be done ({@link Context#background()}, {@link Context#todo()}, {@link
   * Context#withoutCancel()} and values over them) adds no clause at all, so it costs nothing and
   * never fires.
   */
  public Select<R> onDone(Context ctx, Supplier<? extends R> body) {
    Objects.requireNonNull(body, "body");
    Channel<Void> done = Contexts.doneToWaitOn(ctx);
    if (done != null) {
      core.addReceive(receivable(done), body);
    }
    return this;
  }

  // Typed channels that Conduit does not define (generated ones above all) take part through
  // opaque handles, so that a receive end gives a select no more than receiving.

  /**
   * Like {@link #onReceive(Channel, Function)}, for a typed channel or receive end such as a
   * generated {@code OrderChannel.ReceiveEnd}.
   */
  public <T> Select<R> onReceive(
      ReceiveSelectable<T> channel, Function<? super @Nullable T, ? extends R> body) {
    return onReceive(receiveView(channel), body);
  }

  /** Like {@link #onReceive(Channel, Supplier)}, for a typed channel or receive end. */
  public Select<R> onReceive(ReceiveSelectable<?> channel, Supplier<? extends R> body) {
    return onReceive(receiveView(channel), body);
  }

  /**
   * Like {@link #onSend(Channel, Object, Supplier)}, for a typed channel or send end such as a
   * generated {@code OrderChannel.SendEnd}.
   */
  public <T> Select<R> onSend(SendSelectable<T> channel, T value, Supplier<? extends R> body) {
    Objects.requireNonNull(channel, "channel");
    return onSend(Objects.requireNonNull(channel.sendHandle(), "sendHandle()").view(), value, body);
  }

  private static <T> Channel<T> receiveView(ReceiveSelectable<T> channel) {
    Objects.requireNonNull(channel, "channel");
    return Objects.requireNonNull(channel.receiveHandle(), "receiveHandle()").view();
  }
}
