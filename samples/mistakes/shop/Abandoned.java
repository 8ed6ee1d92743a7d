package shop;

import dev.conduit.Channel;
import dev.conduit.Go;
import dev.conduit.Select;
import java.time.Duration;

/** AbandonedSender: after the timeout nobody receives, and the goroutine blocks forever. */
class Abandoned {
  static String quote(String sku) {
    Channel<String> result = Channel.unbuffered(); // mistake: buffered(1) lets the send finish
    Go.go(() -> result.send(sku + ": 9.99"));
    return Select.<String>select()
        .onReceive(result, price -> price)
        .onTimeout(Duration.ofMillis(100), () -> "no quote")
        .await();
  }
}
