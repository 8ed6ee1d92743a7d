package shop;

import dev.conduit.Channel;

/** DoubleClose: the channel is closed twice on the error path. */
class Closing {
  static void drain(Channel<String> out, boolean failed) {
    if (failed) {
      out.close();
    }
    out.close(); // mistake: already closed when `failed`
  }
}
