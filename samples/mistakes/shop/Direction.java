package shop;

import dev.conduit.Channel;
import dev.conduit.annotations.SendOnly;

/** ChannelDirection: a send-only channel is read from. */
class Direction {
  static void publish(@SendOnly Channel<String> events) {
    events.send("order placed");
    String echoed = events.receive(); // mistake: `events` only sends
    System.out.println(echoed);
  }
}
