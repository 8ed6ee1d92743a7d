package dev.conduit;

/**
 * A channel type that a select can send to: {@link Select#onSend(SendSelectable, Object,
 * java.util.function.Supplier)}. The typed channels generated for {@code @GenerateChannel} and
 * their send ends implement it.
 *
 * <p>A type that implements this interface but not {@link ReceiveSelectable} is send-only at
 * compile time: the type itself states the direction, as {@code @SendOnly} does on a {@code
 * Channel}.
 *
 * @param <T> the type of the values sent
 */
public interface SendSelectable<T> {

  /** The handle a select sends through; it has no operation of its own. */
  SelectHandle<T> sendHandle();
}
