package com.example.mistakes;

import dev.conduit.Channel;
import dev.conduit.Go;
import dev.conduit.Select;
import java.time.Duration;
import java.util.function.Supplier;

/** Gives up on an unbuffered result channel after a timeout, leaving its sender blocked. */
final class AbandonedSenderMistake {
  private AbandonedSenderMistake() {}

  static String firstOrTimeout(Supplier<String> work) {
    Channel<String> ch = Channel.unbuffered();
    Go.go(() -> ch.send(work.get()));
    return Select.<String>select()
        .onReceive(ch, result -> result)
        .onTimeout(Duration.ofSeconds(5), () -> "timeout")
        .await();
  }
}
