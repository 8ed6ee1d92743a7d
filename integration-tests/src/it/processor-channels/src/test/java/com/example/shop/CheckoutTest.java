package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CheckoutTest {
  @Test
  void ordersFlowThroughTheGeneratedChannels() throws Exception {
    OrderChannel orders = OrderChannel.unbuffered();
    IntChannel totals = IntChannel.buffered(1);
    assertEquals("none", Checkout.next(orders.receiveEnd()));
    Thread producer =
        Thread.ofVirtual()
            .start(() -> Checkout.submit(orders.sendEnd(), new Order("a", 2), new Order("b", 3)));
    assertEquals(5, Checkout.total(orders.receiveEnd(), totals.sendEnd()));
    producer.join();
    assertEquals(5, totals.receive());
    assertEquals("closed", Checkout.next(orders.receiveEnd()));
  }
}
