import dev.conduit.Channel;
import dev.conduit.annotations.GenerateChannel;
import dev.conduit.annotations.RequiresContext;
import dev.conduit.annotations.SendOnly;

/** Annotations javac itself rejects: wrong targets, an element that does not exist. */
@GenerateChannel
class Order {
  MissingType field;
}

class WrongAnnotations {
  @RequiresContext Channel<String> field;

  @RequiresContext(42)
  void withArgument() {}

  @GenerateChannel(primitives = int.class)
  void onAMethod() {}

  @SendOnly
  class Inner {}
}
