package dev.conduit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks Conduit's annotation processor for a typed channel of the annotated type, Go's {@code
 * chan Order} with its two directional views {@code chan<- Order} and {@code <-chan Order}.
 *
 * <pre>{@code
 * @GenerateChannel
 * record Order(String id, int quantity) {}
 *
 * // generated in the same package:
 * OrderChannel orders = OrderChannel.buffered(16);
 * OrderChannel.SendEnd out = orders.sendEnd();       // only send, trySend and close
 * OrderChannel.ReceiveEnd in = orders.receiveEnd();  // only receive, tryReceive and iteration
 * }</pre>
 *
 * <p>The views have no operation of the other direction and no way back to the full channel,
 * so the direction holds at API boundaries even where the other side runs no checks at all.
 *
 * <p>Channels of primitive element types, which never box, are requested with {@link
 * #primitives()} on any annotated type, for example {@code @GenerateChannel(primitives =
 * {int.class, long.class})}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GenerateChannel {

  /**
   * Primitive element types ({@code int.class}, {@code long.class}, {@code double.class}, ...)
   * for which channels that never box are generated as well.
   */
  Class<?>[] primitives() default {};
}
