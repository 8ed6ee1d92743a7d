package com.example.fixme;

import dev.conduit.Channel;
import dev.conduit.Go;
import dev.conduit.annotations.ReceiveOnly;

/** Go's generator: {@code func numbers(n int) <-chan int}. */
final class Numbers {
  private Numbers() {}

  static @ReceiveOnly Channel<Integer> upTo(int n) {
    Channel<Integer> out = Channel.unbuffered();
    Go.go(
        () -> {
          for (int i = 1; i <= n; i++) {
            out.send(i);
          }
          out.close();
        });
    return out;
  }
}
