package com.example.mistakes;

import dev.conduit.Channel;
import java.util.List;

/** Closes its output at the end of the try and again in the finally. */
final class DoubleCloseMistake {
  private DoubleCloseMistake() {}

  static void produce(Channel<Integer> out, List<Integer> items) {
    try {
      for (int item : items) {
        out.send(item);
      }
      out.close();
    } finally {
      out.close();
    }
  }
}
