package com.example.fixme;

import dev.conduit.Channel;

/** ChannelDirection: a receive-only channel kept in a local declared without a direction. */
final class Sum {
  private Sum() {}

  static int sum(int n) {
    Channel<Integer> numbers = Numbers.upTo(n);
    int total = 0;
    for (int v : numbers) {
      total += v;
    }
    return total;
  }
}
