package dev.conduit.internal;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conduit.CanceledException;
import dev.conduit.CancellableContext;
import dev.conduit.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The engine's receive that reports closing instead of throwing: what {@code receiveOptional} and
 * {@code awaitSignal} map onto.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReceiveOrClosedTest {

  @Test
  void deliversBufferedValuesThenReportsClosed() {
    ChannelImpl<String> ch = new ChannelImpl<>(2);
    ch.send("a");
    ch.close();
    assertThat(ch.receiveOrClosed()).isEqualTo("a");
    assertThat(ch.receiveOrClosed()).isSameInstanceAs(ChannelImpl.CLOSED);
    assertThat(ch.receiveOrClosed(Context.background())).isSameInstanceAs(ChannelImpl.CLOSED);
  }

  @Test
  void aBlockedReceiveWakesWithClosed() throws Exception {
    ChannelImpl<String> ch = new ChannelImpl<>(0);
    CompletableFuture<Object> got = new CompletableFuture<>();
    Thread t = Thread.ofVirtual().start(() -> got.complete(ch.receiveOrClosed()));
    while (t.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    ch.close();
    assertThat(got.get(10, TimeUnit.SECONDS)).isSameInstanceAs(ChannelImpl.CLOSED);
  }

  @Test
  void withAContextItReportsClosedOrThrowsWhenDone() throws Exception {
    CancellableContext ctx = Context.background().withCancel();
    ChannelImpl<String> ch = new ChannelImpl<>(0);
    CompletableFuture<Object> got = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> got.complete(ch.receiveOrClosed(ctx)));
    ch.send("v");
    assertThat(got.get(10, TimeUnit.SECONDS)).isEqualTo("v");

    ChannelImpl<String> closing = new ChannelImpl<>(0);
    CompletableFuture<Object> closed = new CompletableFuture<>();
    Thread waiter = Thread.ofVirtual().start(() -> closed.complete(closing.receiveOrClosed(ctx)));
    while (waiter.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    closing.close();
    assertThat(closed.get(10, TimeUnit.SECONDS)).isSameInstanceAs(ChannelImpl.CLOSED);

    ctx.cancel();
    assertThrows(CanceledException.class, () -> new ChannelImpl<String>(0).receiveOrClosed(ctx));
  }
}
