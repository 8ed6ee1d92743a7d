package shop;

import dev.conduit.Channel;
import dev.conduit.annotations.ReceiveOnly;

class Feed {
  static @ReceiveOnly Channel<String> orders() {
    return Channel.buffered(1);
  }

  static void print() {
    Channel<String> orders = orders();
    for (String order : orders) {
      System.out.println(order);
    }
  }
}
