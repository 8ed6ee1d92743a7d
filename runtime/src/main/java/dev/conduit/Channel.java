package dev.conduit;

import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.annotations.SendOnly;
import dev.conduit.internal.ChannelImpl;
import java.util.Iterator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A typed conduit between goroutines: Go's {@code chan T}.
 *
 * <h2>Kinds</h2>
 *
 * <ul>
 *   <li>{@link #unbuffered()} (capacity 0): a send completes only when a receiver takes the value
 *       (a rendezvous), so the sender knows the value was received.
 *   <li>{@link #buffered(int) buffered(n)}: a send blocks only while {@code n} values wait; a
 *       receive blocks only while none wait.
 * </ul>
 *
 * <p>Values are received in the order they were sent (FIFO), whichever kind the channel is. {@code
 * null} is never a value: {@link #send(Object) send(null)} throws {@link NullPointerException}.
 *
 * <h2>Blocking and interruption</h2>
 *
 * <p>{@link #send(Object)} and {@link #receive()} block until they can complete. Blocking parks the
 * calling thread (cheap for a virtual thread: its carrier goes on with other work) and burns no
 * CPU. A thread interrupted while blocked, or that is already interrupted when it would block, gets
 * {@link UncheckedInterruptedException} with its interrupt status kept; the operation then did not
 * happen. An operation that does not need to block completes even on an interrupted thread. {@link
 * #trySend(Object)} and {@link #tryReceive()} never block.
 *
 * <h2>Closing</h2>
 *
 * <p>{@link #close()} says no more values will be sent: Go's {@code close(ch)}. After it:
 *
 * <ul>
 *   <li>sends throw {@link ChannelClosedException} (Go panics), and so do senders that were blocked
 *       when the channel was closed; their values are not delivered;
 *   <li>values already buffered are still received, in order;
 *   <li>once none are left, {@link #receive()} throws {@link ChannelClosedException} at once,
 *       {@link #receiveOptional()} returns an empty {@link Optional} (Go's {@code v, ok := <-ch}
 *       with {@code ok == false}), {@link #awaitSignal()} returns, a select receive clause fires
 *       with {@code null}, and iteration ends; receivers that were blocked wake up and see the
 *       same;
 *   <li>closing again throws {@link ChannelClosedException}.
 * </ul>
 *
 * <p>Only the sending side closes a channel, and only when receivers need to know that no more
 * values come (for example to end a {@code for} loop over it). A channel that is never closed is
 * simply garbage collected.
 *
 * <h2>Receiving until closed</h2>
 *
 * <p>Java has no zero value to hand out for a closed channel, so the four ways to receive differ
 * only in how they report "closed and drained":
 *
 * <ul>
 *   <li>{@link #receive()} ({@code v := <-ch}) throws {@link ChannelClosedException}: for a channel
 *       that the protocol says is still open;
 *   <li>{@link #receiveOptional()} ({@code v, ok := <-ch}) returns an empty {@link Optional}: for a
 *       receiver that handles both outcomes;
 *   <li>{@link #awaitSignal()} ({@code <-quit} as a statement) returns normally either way: for a
 *       signal channel, typically a {@code Channel<Void>} that one goroutine closes to wake every
 *       goroutine waiting on it (Go's {@code close(quit)});
 *   <li>iteration ({@code for v := range ch}) simply ends.
 * </ul>
 *
 * <pre>{@code
 * Channel<Void> quit = Channel.unbuffered();
 * for (int i = 0; i < 3; i++) {
 *   Go.go(() -> {
 *     quit.awaitSignal(); // every waiter wakes when quit is closed
 *     cleanUp();
 *   });
 * }
 * quit.close(); // Go's close(quit): a broadcast, where a send would wake only one
 * }</pre>
 *
 * <h2>Iteration</h2>
 *
 * <p>A channel is {@link Iterable}: {@code for (T v : ch)} is Go's {@code for v := range ch}. It
 * receives values until the channel is closed and drained. Each iterator receives from the channel,
 * so two loops over one channel share its values between them rather than each seeing all of them.
 *
 * <h2>Direction</h2>
 *
 * <p>Annotate a channel {@link SendOnly @SendOnly} or {@link ReceiveOnly @ReceiveOnly} where Go
 * would write {@code chan<- T} or {@code <-chan T}; Conduit's compiler checks then reject the
 * operations of the other direction. {@link #sendOnly()} and {@link #receiveOnly()} also give views
 * that refuse those operations at run time.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Channel<Integer> jobs = Channel.buffered(100);
 * Channel<Integer> results = Channel.buffered(100);
 * for (int w = 0; w < 3; w++) {
 *   Go.go(() -> {
 *     for (int job : jobs) {
 *       results.send(job * 2);
 *     }
 *   });
 * }
 * for (int j = 1; j <= 5; j++) {
 *   jobs.send(j);
 * }
 * jobs.close(); // ends the workers' loops once the jobs are drained
 * }</pre>
 *
 * <h2>Don't</h2>
 *
 * <pre>{@code
 * Channel<String> ch = Channel.unbuffered();
 * ch.send("hello");          // blocks forever: nobody will ever receive
 * String s = ch.receive();
 * }</pre>
 *
 * <p>Channels are created only through the static factories; this interface is not meant to be
 * implemented outside Conduit ({@link Select} accepts only Conduit's own channels).
 *
 * @param <T> the type of the values sent through the channel
 */
public interface Channel<T> extends Iterable<T> {

  /** A channel without a buffer: each send waits for a receiver (Go's {@code make(chan T)}). */
  static <T> Channel<T> unbuffered() {
    return new ChannelImpl<>(0);
  }

  /**
   * A channel that holds up to {@code capacity} values that nobody has received yet (Go's {@code
   * make(chan T, capacity)}). A capacity of 0 makes an unbuffered channel.
   *
   * @throws IllegalArgumentException if {@code capacity} is negative
   */
  static <T> Channel<T> buffered(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacity);
    }
    return new ChannelImpl<>(capacity);
  }

  /**
   * Sends {@code value}, blocking until a receiver takes it (unbuffered) or there is room in the
   * buffer. Go's {@code ch <- value}.
   *
   * @throws ChannelClosedException if the channel is closed, or is closed while this waits
   * @throws UncheckedInterruptedException if the thread is interrupted while it would block
   * @throws NullPointerException if {@code value} is null
   */
  void send(T value);

  /**
   * Sends {@code value} only if that can be done without blocking: a receiver is waiting, or the
   * buffer has room. Go's {@code select { case ch <- value: default: }}.
   *
   * @return whether the value was sent
   * @throws ChannelClosedException if the channel is closed
   */
  boolean trySend(T value);

  /**
   * Receives the next value, blocking until one is sent. Go's {@code v := <-ch}.
   *
   * @throws ChannelClosedException if the channel is closed and holds no more values
   * @throws UncheckedInterruptedException if the thread is interrupted while it would block
   */
  T receive();

  /**
   * Receives the next value, blocking until one is sent or the channel is closed and drained: Go's
   * {@code v, ok := <-ch} outside a select. It blocks exactly like {@link #receive()}; where that
   * throws {@link ChannelClosedException}, this returns an empty {@link Optional}.
   *
   * <pre>{@code
   * Optional<Job> job;
   * while ((job = jobs.receiveOptional()).isPresent()) {
   *   run(job.get());
   * }
   * }</pre>
   *
   * @return the value, or empty once the channel is closed and holds no more values
   * @throws UncheckedInterruptedException if the thread is interrupted while it would block
   */
  Optional<T> receiveOptional();

  /**
   * Waits for a signal on this channel: Go's {@code <-quit} used as a statement. It returns when a
   * value arrives (the value is taken and discarded) or when the channel is closed and drained,
   * never throwing {@link ChannelClosedException}. Closing a {@code Channel<Void>} this way wakes
   * every goroutine waiting in {@code awaitSignal()}, now and later: a broadcast.
   *
   * <p>To wait for a context to be done, call {@link Context#awaitDone()}.
   *
   * @throws UncheckedInterruptedException if the thread is interrupted while it would block
   */
  default void awaitSignal() {
    receiveOptional();
  }

  /**
   * Receives a value only if one is available without blocking: a buffered value or a waiting
   * sender. Go's {@code select { case v := <-ch: default: }}.
   *
   * @return the value, or {@code null} if none is available now (which includes a closed and
   *     drained channel; see {@link #isClosed()})
   */
  @Nullable T tryReceive();

  /**
   * Closes the channel: no more values may be sent. See "Closing" above.
   *
   * @throws ChannelClosedException if the channel is already closed
   */
  void close();

  /** Whether {@link #close()} has been called. Values may still wait to be received. */
  boolean isClosed();

  /** How many values wait in the buffer now: Go's {@code len(ch)}. Always 0 when unbuffered. */
  int len();

  /** The buffer's capacity: Go's {@code cap(ch)}. 0 for an unbuffered channel. */
  int cap();

  /**
   * Receives values until the channel is closed and drained: Go's {@code for v := range ch}. {@code
   * hasNext()} blocks until a value arrives or the channel is closed and drained; it throws {@link
   * UncheckedInterruptedException} if interrupted meanwhile. {@code remove()} is not supported.
   */
  @Override
  Iterator<T> iterator();

  /**
   * A view of this channel on which {@code send}, {@code trySend} and {@code close} throw {@link
   * UnsupportedOperationException}: the run-time counterpart of {@link ReceiveOnly}, for handing to
   * code that runs no checks.
   */
  @ReceiveOnly
  Channel<T> receiveOnly();

  /**
   * A view of this channel on which receiving (including iteration) throws {@link
   * UnsupportedOperationException}: the run-time counterpart of {@link SendOnly}.
   */
  @SendOnly
  Channel<T> sendOnly();

  /**
   * Sends {@code value} like {@link #send(Object)}, but gives up when {@code ctx} is done: Go's
   * {@code select { case ch <- value: case <-ctx.Done(): return ctx.Err() }}.
   *
   * <p>Exactly one of two things happens: the value is sent, or {@link ContextDoneException} is
   * thrown and the value was not sent. If {@code ctx} is already done when this is called, it
   * throws without trying the channel, even if the send could complete at once (where Go's select
   * would choose at random): a loop sending on a channel that is always ready still stops as soon
   * as its context is cancelled. If the context becomes done while this waits, whichever happens
   * first wins. A context that can never be done ({@link Context#background()} and the like) costs
   * nothing extra.
   *
   * @throws ContextDoneException a copy of {@link Context#err() ctx.err()}, if the context is done
   *     first
   * @throws ChannelClosedException if the channel is closed, or is closed while this waits
   * @throws UncheckedInterruptedException if the thread is interrupted while it would block
   * @throws NullPointerException if {@code value} is null
   */
  void send(Context ctx, T value);

  /**
   * Receives the next value like {@link #receive()}, but gives up when {@code ctx} is done: Go's
   * {@code select { case v := <-ch: case <-ctx.Done(): return ctx.Err() }}.
   *
   * <p>Exactly one of two things happens: a value is received, or an exception is thrown and no
   * value was taken from the channel. If {@code ctx} is already done when this is called, it throws
   * without trying the channel, even if a value is waiting; see {@link #send(Context, Object)}.
   *
   * @throws ContextDoneException a copy of {@link Context#err() ctx.err()}, if the context is done
   *     first
   * @throws ChannelClosedException if the channel is closed and holds no more values
   * @throws UncheckedInterruptedException if the thread is interrupted while it would block
   */
  T receive(Context ctx);

  /**
   * Receives like {@link #receiveOptional()}, but gives up when {@code ctx} is done, as {@link
   * #receive(Context)} does: Go's {@code select { case v, ok := <-ch: case <-ctx.Done(): return
   * ctx.Err() }}.
   *
   * <p>Exactly one of three things happens: a value is received, the channel is found closed and
   * drained (empty), or {@link ContextDoneException} is thrown and no value was taken. An already
   * done {@code ctx} throws without trying the channel, even a closed one.
   *
   * @return the value, or empty once the channel is closed and holds no more values
   * @throws ContextDoneException a copy of {@link Context#err() ctx.err()}, if the context is done
   *     first
   * @throws UncheckedInterruptedException if the thread is interrupted while it would block
   */
  Optional<T> receiveOptional(Context ctx);

  /**
   * Waits for a signal like {@link #awaitSignal()}, but gives up when {@code ctx} is done: Go's
   * {@code select { case <-quit: case <-ctx.Done(): return ctx.Err() }}.
   *
   * @throws ContextDoneException a copy of {@link Context#err() ctx.err()}, if the context is done
   *     first
   * @throws UncheckedInterruptedException if the thread is interrupted while it would block
   */
  default void awaitSignal(Context ctx) {
    receiveOptional(ctx);
  }
}
