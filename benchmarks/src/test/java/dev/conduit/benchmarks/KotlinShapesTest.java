package dev.conduit.benchmarks;

import dev.conduit.benchmarks.KotlinCoroutines.Group;
import dev.conduit.benchmarks.KotlinShapes.Receiver;
import dev.conduit.benchmarks.KotlinShapes.Relay;
import dev.conduit.benchmarks.KotlinShapes.RoundTrip;
import dev.conduit.benchmarks.KotlinShapes.Selector;
import dev.conduit.benchmarks.KotlinShapes.Sender;
import java.util.concurrent.TimeUnit;
import kotlinx.coroutines.channels.Channel;
import org.junit.jupiter.api.Test;

/**
 * The hand-written coroutines finish their loops, with many of them contending at once: a state
 * machine that loses or repeats a step leaves its counterpart waiting forever, which fails here
 * within 30 s. (An early version wrote its state after a suspending call and deadlocked in a
 * benchmark run; that race needs a resumption within nanoseconds and this test did not catch it in
 * a trial run, so the rule in {@link KotlinShapes}' Javadoc is what guards against it.)
 */
class KotlinShapesTest {
  private static final int BATCHES = 16;
  private static final int COUNT = 20_000;

  @Test
  void pingPongsFinish() throws InterruptedException {
    Group group = new Group(2 * BATCHES);
    for (int i = 0; i < BATCHES; i++) {
      Channel<Object> ping = KotlinShapes.channel(0);
      Channel<Object> pong = KotlinShapes.channel(0);
      group.launch(new RoundTrip(group, ping, pong, COUNT));
      group.launch(new Relay(group, ping, pong, COUNT));
    }
    group.join(30, TimeUnit.SECONDS);
  }

  @Test
  void pipelinesAndSelectsFinish() throws InterruptedException {
    int stages = 8;
    Group group = new Group(BATCHES * (stages + 2) + 3);
    for (int i = 0; i < BATCHES; i++) {
      Channel<Object> first = KotlinShapes.channel(0);
      Channel<Object> in = first;
      for (int s = 0; s < stages; s++) {
        Channel<Object> out = KotlinShapes.channel(s % 2 == 0 ? 0 : 4);
        group.launch(new Relay(group, in, out, COUNT / 4));
        in = out;
      }
      group.launch(new Receiver(group, in, COUNT / 4));
      group.launch(new Sender(group, first, COUNT / 4));
    }
    @SuppressWarnings("unchecked")
    Channel<Object>[] selected = new Channel[] {KotlinShapes.channel(0), KotlinShapes.channel(0)};
    group.launch(new Sender(group, selected[0], COUNT));
    group.launch(new Sender(group, selected[1], COUNT));
    group.launch(new Selector(group, selected, 2 * COUNT));
    group.join(30, TimeUnit.SECONDS);
  }
}
