package com.example.fixme;

import dev.conduit.Channel;
import dev.conduit.Go;
import dev.conduit.Select;
import java.time.Duration;
import java.util.function.Supplier;

/** AbandonedSender: after the timeout nobody receives, so the unbuffered send would leak. */
final class Timed {
  private Timed() {}

  static String firstOrTimeout(Supplier<String> work) {
    Channel<String> ch = Channel.unbuffered();
    Go.go(() -> ch.send(work.get()));
    return Select.<String>select()
        .onReceive(ch, result -> result)
        .onTimeout(Duration.ofSeconds(5), () -> "timeout")
        .await();
  }
}
