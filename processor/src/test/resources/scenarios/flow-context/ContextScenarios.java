package flow;

import dev.conduit.CancellableContext;
import dev.conduit.Context;
import dev.conduit.ContextDoneException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Context-taking operations of a generated channel, for runtimes whose Channel has them;
 * compiled with the processor and run by GeneratedChannelContextTest.
 */
public final class ContextScenarios {
  private ContextScenarios() {}

  public static String sendAndReceiveGiveUpWhenTheContextIsDone() {
    OrderChannel orders = OrderChannel.buffered(1);
    List<Object> log = new ArrayList<>();
    orders.sendEnd().send(Context.background(), new Order("a", 1));
    log.add(orders.receiveEnd().receive(Context.background()).id());
    CancellableContext ctx = Context.background().withCancel();
    ctx.cancel();
    try {
      orders.receiveEnd().receive(ctx);
      log.add("received");
    } catch (ContextDoneException expected) {
      log.add("receive gave up");
    }
    orders.send(new Order("b", 1));
    try {
      orders.send(ctx, new Order("c", 1));
      log.add("sent");
    } catch (ContextDoneException expected) {
      log.add("send gave up");
    }
    log.add(orders.len());
    return log.toString();
  }

  public static String receiveOptionalReportsClosedAsEmpty() {
    OrderChannel orders = OrderChannel.buffered(2);
    List<Object> log = new ArrayList<>();
    orders.send(new Order("a", 1));
    orders.send(new Order("b", 1));
    orders.close();
    log.add(orders.receiveOptional().map(Order::id).orElse("none"));
    OrderChannel.ReceiveEnd in = orders.receiveEnd();
    log.add(in.receiveOptional(Context.background()).map(Order::id).orElse("none"));
    log.add(orders.receiveEnd().receiveOptional().isPresent());
    log.add(orders.receiveOptional(Context.background()).isPresent());
    CancellableContext ctx = Context.background().withCancel();
    ctx.cancel();
    try {
      orders.receiveOptional(ctx);
      log.add("returned");
    } catch (ContextDoneException expected) {
      log.add("gave up");
    }
    return log.toString();
  }
}
