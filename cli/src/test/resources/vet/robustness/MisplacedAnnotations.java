import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.annotations.GenerateChannel;
import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.annotations.RequiresContext;
import dev.conduit.annotations.SendOnly;
import java.util.List;

/** Annotations javac accepts but Conduit's processor rejects: its errors, never a crash. */
@GenerateChannel
interface Shape {}

@GenerateChannel
enum Color {
  RED
}

@GenerateChannel
@interface Marker {}

@GenerateChannel(primitives = String.class)
record Point(int x) {}

@GenerateChannel
class Ticket {}

class TicketChannel {}

@GenerateChannel
class Outer {
  @GenerateChannel
  private static class Hidden {}

  @GenerateChannel
  class NotStatic {}
}

class MisplacedAnnotations {
  @SendOnly
  void nothing() {}

  @ReceiveOnly
  String name() {
    return "";
  }

  @SendOnly @ReceiveOnly Channel<String> both;

  @SendOnly int count;

  @SendOnly List<@ReceiveOnly Channel<String>> nested;

  void m(@ReceiveOnly String s, @SendOnly Channel<@SendOnly String> c) {}

  @RequiresContext
  void noContext() {}

  @RequiresContext
  void contextLast(String name, Context ctx) {}

  @SendOnly
  <T> Channel<T> generic() {
    return Channel.unbuffered();
  }

  void local() {
    @ReceiveOnly String notAChannel = "";
    @SendOnly Channel<String> out = Channel.unbuffered();
    out.receive();
  }
}
