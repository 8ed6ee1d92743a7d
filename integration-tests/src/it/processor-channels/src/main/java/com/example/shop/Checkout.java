package com.example.shop;

import dev.conduit.Select;
import java.time.Duration;

/** Code written against the generated ends: each side sees only its own direction. */
public final class Checkout {
  private Checkout() {}

  /** Sends every order, then closes; cannot receive from {@code out}. */
  public static void submit(OrderChannel.SendEnd out, Order... orders) {
    for (Order order : orders) {
      out.send(order);
    }
    out.close();
  }

  /** Totals the quantities until the channel is closed; cannot send to {@code in}. */
  public static int total(OrderChannel.ReceiveEnd in, IntChannel.SendEnd totals) {
    int total = 0;
    for (Order order : in) {
      total += order.quantity();
    }
    totals.send(total);
    return total;
  }

  /** The next order's id, or "none" if none comes within the timeout. */
  public static String next(OrderChannel.ReceiveEnd in) {
    return Select.<String>select()
        .onReceive(in, order -> order == null ? "closed" : order.id())
        .onTimeout(Duration.ofMillis(50), () -> "none")
        .await();
  }
}
