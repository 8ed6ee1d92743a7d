package dev.conduit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated channel may only be received from: Go's {@code <-chan T}.
 *
 * <p>In Go a pipeline stage hands out only the receiving end of the channel it owns:
 *
 * <pre>{@code
 * func generate(ctx context.Context) <-chan int {
 *     out := make(chan int)
 *     go func() {
 *         defer close(out)
 *         for i := 0; ; i++ {
 *             select {
 *             case out <- i:
 *             case <-ctx.Done():
 *                 return
 *             }
 *         }
 *     }()
 *     return out
 * }
 * }</pre>
 *
 * <p>With Conduit the signature reads:
 *
 * <pre>{@code
 * static @ReceiveOnly Channel<Integer> generate(Context ctx) { ... }
 * }</pre>
 *
 * <p>Sending to or closing a receive-only channel (a {@code send}/{@code trySend}/{@code close}
 * call or a select send clause) is then a compile error reported by the {@code ChannelDirection}
 * check, as it is in Go. {@code Context.done()} is receive-only. A bidirectional channel may always
 * be passed where a receive-only one is declared; a receive-only channel may not be passed where a
 * send-only or an unannotated channel is declared, because Go does not let {@code <-chan T} turn
 * back into {@code chan T}.
 *
 * <p>The annotation applies to parameters, fields, local variables, method returns and type uses
 * (for example {@code List<@ReceiveOnly Channel<Result>>} for a fan-in). It may not be combined
 * with {@link SendOnly} on one element, and only channel types may carry it.
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
public @interface ReceiveOnly {}
