package dev.conduit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated channel may only be sent to (and closed): Go's {@code chan<- T}.
 *
 * <p>In Go the direction is part of the type:
 *
 * <pre>{@code
 * func producer(out chan<- int) {
 *     for i := 0; i < 5; i++ {
 *         out <- i
 *     }
 *     close(out)
 * }
 * }</pre>
 *
 * <p>With Conduit the same declaration reads:
 *
 * <pre>{@code
 * static void producer(@SendOnly Channel<Integer> out) {
 *   for (int i = 0; i < 5; i++) {
 *     out.send(i);
 *   }
 *   out.close();
 * }
 * }</pre>
 *
 * <p>Receiving from {@code out} (a {@code receive} call, iterating over it, or a select receive
 * clause) is then a compile error reported by the {@code ChannelDirection} check, as it is in Go. A
 * bidirectional channel may always be passed where a send-only one is declared; a send-only channel
 * may not be passed where a receive-only or an unannotated channel is declared.
 *
 * <p>The annotation applies to parameters, fields, local variables, method returns and type uses
 * (for example {@code List<@SendOnly Channel<Job>>}). It may not be combined with {@link
 * ReceiveOnly} on one element, and only channel types (Conduit's {@code Channel}, generated channel
 * wrappers and the JDK's {@code BlockingQueue} family) may carry it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.PARAMETER,
  ElementType.FIELD,
  ElementType.LOCAL_VARIABLE,
  ElementType.METHOD,
  ElementType.TYPE_USE
})
public @interface SendOnly {}
