package shop;

import dev.conduit.Channel;
import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.annotations.SendOnly;

class Orders {
  static void produce(@SendOnly Channel<String> out) {
    out.send("order-1");
    String echo = out.receive();
  }

  static void consume(@ReceiveOnly Channel<String> in) {
    for (String order : in) {
      System.out.println(order);
    }
    in.close();
  }
}
