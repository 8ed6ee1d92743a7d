package shop;

import dev.conduit.Channel;
import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.annotations.RequiresContext;
import dev.conduit.annotations.SendOnly;

/** The annotation processor's declaration checks, which need nothing but javac. */
class Declarations {
  static void both(@SendOnly @ReceiveOnly Channel<String> confused) {} // mistake: pick one

  @RequiresContext
  static void refresh(String sku) {} // mistake: @RequiresContext wants a Context first
}
