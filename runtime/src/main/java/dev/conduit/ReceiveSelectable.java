package dev.conduit;

/**
 * A channel type that a select can receive from: {@link Select#onReceive(ReceiveSelectable,
 * java.util.function.Function)}. The typed channels generated for {@code @GenerateChannel} and
 * their receive ends implement it.
 *
 * <p>A type that implements this interface but not {@link SendSelectable} is receive-only at
 * compile time: the type itself states the direction, as {@code @ReceiveOnly} does on a {@code
 * Channel}.
 *
 * @param <T> the type of the values received
 */
public interface ReceiveSelectable<T> {

  /** The handle a select receives through; it has no operation of its own. */
  SelectHandle<T> receiveHandle();
}
