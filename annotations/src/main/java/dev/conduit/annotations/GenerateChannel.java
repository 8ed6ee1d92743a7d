package dev.conduit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks Conduit's annotation processor for a typed channel of the annotated type, Go's {@code chan
 * Order} with its two directional ends {@code chan<- Order} and {@code <-chan Order}.
 *
 * <pre>{@code
 * @GenerateChannel
 * record Order(String id, int quantity) {}
 *
 * // generated in the same package:
 * OrderChannel orders = OrderChannel.buffered(16);   // or OrderChannel.unbuffered()
 * OrderChannel.SendEnd out = orders.sendEnd();       // send, trySend, close
 * OrderChannel.ReceiveEnd in = orders.receiveEnd();  // receive, tryReceive, iteration
 * String next = Select.<String>select()
 *     .onReceive(in, order -> order.id())
 *     .onTimeout(Duration.ofSeconds(1), () -> "none")
 *     .await();
 * }</pre>
 *
 * <p>{@code OrderChannel} has {@code Channel}'s full API and semantics (it wraps one; {@code
 * asChannel()} hands it to code written against {@code Channel<Order>}). Its ends have no operation
 * of the other direction and no way back to the full channel, so the direction holds at API
 * boundaries even where the other side runs no checks at all; all three work in {@code Select}. For
 * a nested type {@code Shop.Item} the channel is {@code ShopItemChannel}. The channel is public
 * when the annotated type is. The annotated type must not be generic and must be visible in its
 * package (neither it nor an enclosing type private).
 *
 * <p>Channels of primitive element types that never box are requested with {@link #primitives()}:
 * {@code @GenerateChannel(primitives = {int.class, double.class})} also generates {@code
 * IntChannel} and {@code DoubleChannel} in the annotated type's package, with the same shape
 * ({@code unbuffered()}, {@code buffered(n)}, {@code sendEnd()}, {@code receiveEnd()}), {@code
 * OptionalInt tryReceive()}, a non-boxing iterator and {@code forEach(IntConsumer)}. They cannot
 * take part in a select. Each is requested once per package.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GenerateChannel {

  /**
   * Primitive element types ({@code int.class}, {@code long.class} or {@code double.class}) for
   * which channels that never box are generated as well, in the annotated type's package.
   */
  Class<?>[] primitives() default {};
}
