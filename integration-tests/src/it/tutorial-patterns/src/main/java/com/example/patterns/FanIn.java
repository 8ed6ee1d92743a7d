package com.example.patterns;

import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.Go;
import dev.conduit.Select;
import dev.conduit.WaitGroup;
import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.annotations.SendOnly;
import java.util.List;

/** Fan-in: many input channels merged into one, until the inputs close or ctx is done. */
public final class FanIn {
  private FanIn() {}

  public static <T> @ReceiveOnly Channel<T> merge(
      Context ctx, List<@ReceiveOnly Channel<T>> inputs) {
    Channel<T> out = Channel.unbuffered();
    WaitGroup wg = new WaitGroup();
    for (@ReceiveOnly Channel<T> in : inputs) {
      wg.go(
          () -> {
            for (T v : in) {
              boolean delivered =
                  Select.<Boolean>select()
                      .onSend(out, v, () -> true)
                      .onDone(ctx, () -> false)
                      .await();
              if (!delivered) {
                return;
              }
            }
          });
    }
    Go.go(() -> closeWhenAllDone(wg, out));
    return out;
  }

  /** Closes {@code out} once every forwarder has returned, so ranging over it ends. */
  static void closeWhenAllDone(WaitGroup forwarders, @SendOnly Channel<?> out) {
    forwarders.await();
    out.close();
  }
}
