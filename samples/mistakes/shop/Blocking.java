package shop;

import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.annotations.ReceiveOnly;

/** UncancellableBlockingCall: a blocking receive that ignores the context in scope. */
class Blocking {
  static String next(Context ctx, @ReceiveOnly Channel<String> orders) {
    return orders.receive(); // mistake: receive(ctx) gives up when ctx is done
  }
}
