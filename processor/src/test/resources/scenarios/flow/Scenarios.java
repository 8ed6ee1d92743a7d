package flow;

import dev.conduit.Channel;
import dev.conduit.ChannelClosedException;
import dev.conduit.Select;
import java.util.ArrayList;
import java.util.List;

/**
 * Uses a generated channel the way users do; compiled with the processor and run by
 * GeneratedChannelBehaviourTest. Each scenario returns a log of what it saw.
 */
public final class Scenarios {
  private Scenarios() {}

  private static Order order(String id) {
    return new Order(id, 1);
  }

  public static String bufferedIsFifoWithLenAndCap() {
    OrderChannel orders = OrderChannel.buffered(2);
    List<Object> log = new ArrayList<>();
    orders.send(order("a"));
    log.add(orders.sendEnd().trySend(order("b")));
    log.add(orders.trySend(order("c")));
    log.add(orders.len() + "/" + orders.cap());
    log.add(orders.receiveEnd().receive().id());
    log.add(orders.receive().id());
    log.add(orders.tryReceive());
    log.add(orders.receiveEnd().len() + "/" + orders.sendEnd().cap());
    return log.toString();
  }

  public static String unbufferedIsARendezvous() throws Exception {
    OrderChannel orders = OrderChannel.unbuffered();
    List<Object> log = new ArrayList<>();
    log.add(orders.trySend(order("nobody")));
    OrderChannel.SendEnd out = orders.sendEnd();
    Thread sender = Thread.ofVirtual().start(() -> out.send(order("x")));
    log.add(orders.receiveEnd().receive().id());
    sender.join();
    log.add(orders.cap());
    return log.toString();
  }

  public static String closeDrainsThenEnds() {
    OrderChannel orders = OrderChannel.buffered(3);
    OrderChannel.SendEnd out = orders.sendEnd();
    OrderChannel.ReceiveEnd in = orders.receiveEnd();
    out.send(order("1"));
    out.send(order("2"));
    out.close();
    List<Object> log = new ArrayList<>();
    log.add(in.isClosed());
    for (Order o : in) {
      log.add(o.id());
    }
    try {
      in.receive();
      log.add("received after close");
    } catch (ChannelClosedException expected) {
      log.add("receive closed");
    }
    try {
      out.send(order("3"));
      log.add("sent after close");
    } catch (ChannelClosedException expected) {
      log.add("send closed");
    }
    try {
      orders.close();
      log.add("closed twice");
    } catch (ChannelClosedException expected) {
      log.add("close closed");
    }
    return log.toString();
  }

  public static String selectOverEndsAndChannel() {
    OrderChannel orders = OrderChannel.buffered(1);
    List<Object> log = new ArrayList<>();
    log.add(
        Select.<String>select()
            .onSend(orders.sendEnd(), order("s"), () -> "sent")
            .onTimeout(java.time.Duration.ofSeconds(5), () -> "timeout")
            .await());
    // Full: the send clause cannot fire, the receive clause can.
    log.add(
        Select.<String>select()
            .onSend(orders, order("t"), () -> "sent again")
            .onReceive(orders.receiveEnd(), o -> "got " + o.id())
            .await());
    log.add(
        Select.<String>select()
            .onReceive(orders.receiveEnd(), o -> "got " + o)
            .orElse(() -> "empty")
            .await());
    orders.sendEnd().close();
    log.add(Select.<String>select().onReceive(orders, o -> "closed gives " + o).await());
    log.add(Select.<String>select().onReceive(orders.receiveEnd(), () -> "ignored value").await());
    return log.toString();
  }

  public static String asChannelSharesTheChannel() {
    OrderChannel orders = OrderChannel.buffered(1);
    Channel<Order> plain = orders.asChannel();
    plain.send(order("p"));
    List<Object> log = new ArrayList<>();
    log.add(orders.receiveEnd().tryReceive().id());
    orders.send(order("q"));
    log.add(plain.receive().id());
    return log.toString();
  }

  public static String nullIsRejected() {
    OrderChannel orders = OrderChannel.buffered(1);
    try {
      orders.sendEnd().send(null);
      return "null sent";
    } catch (NullPointerException expected) {
      return "rejected";
    }
  }
}
