package com.example.gooriginals;

import dev.conduit.Channel;
import dev.conduit.Go;
import dev.conduit.Select;
import dev.conduit.Timers;
import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.annotations.SendOnly;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The "Go Concurrency Patterns" talk: the boring generator, fan-in (with goroutines and with
 * select), timeouts per message and per conversation, the quit channel, and the daisy chain.
 */
public final class TalkPatterns {
  private TalkPatterns() {}

  static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Generator: a function that returns a channel. The goroutine talks until nobody listens. */
  public static @ReceiveOnly Channel<String> boring(String msg) {
    Channel<String> c = Channel.unbuffered();
    Go.go(
        () -> { // We launch the goroutine from inside the function.
          for (int i = 0; ; i++) {
            c.send(msg + " " + i);
            sleep(Duration.ofMillis(ThreadLocalRandom.current().nextInt(5)));
          }
        });
    return c; // Return the channel to the caller.
  }

  /** Fan-in: whoever is ready talks. */
  public static @ReceiveOnly Channel<String> fanIn(
      @ReceiveOnly Channel<String> input1, @ReceiveOnly Channel<String> input2) {
    Channel<String> c = Channel.unbuffered();
    Go.go(
        () -> {
          for (; ; ) {
            c.send(input1.receive());
          }
        });
    Go.go(
        () -> {
          for (; ; ) {
            c.send(input2.receive());
          }
        });
    return c;
  }

  /** Fan-in using select: only one goroutine is needed. */
  public static @ReceiveOnly Channel<String> fanInSelect(
      @ReceiveOnly Channel<String> input1, @ReceiveOnly Channel<String> input2) {
    Channel<String> c = Channel.unbuffered();
    Go.go(
        () -> {
          for (; ; ) {
            Select.<Void>select()
                .onReceive(
                    input1,
                    s -> {
                      c.send(s);
                      return null;
                    })
                .onReceive(
                    input2,
                    s -> {
                      c.send(s);
                      return null;
                    })
                .await();
          }
        });
    return c;
  }

  /** Timeout using select: gives up when one message takes too long. */
  public static List<String> timeoutPerMessage(
      @ReceiveOnly Channel<String> c, Duration patience) {
    List<String> heard = new ArrayList<>();
    for (; ; ) {
      boolean tooSlow =
          Select.<Boolean>select()
              .onReceive(
                  c,
                  s -> {
                    heard.add(s);
                    return false;
                  })
              .onReceive(Timers.after(patience), () -> true)
              .await();
      if (tooSlow) {
        heard.add("You're too slow.");
        return heard;
      }
    }
  }

  /** Timeout for the whole conversation: one timer, created once, outside the loop. */
  public static List<String> timeoutWholeConversation(
      @ReceiveOnly Channel<String> c, Duration conversation) {
    List<String> heard = new ArrayList<>();
    var timeout = Timers.after(conversation);
    for (; ; ) {
      boolean over =
          Select.<Boolean>select()
              .onReceive(
                  c,
                  s -> {
                    heard.add(s);
                    return false;
                  })
              .onReceive(timeout, () -> true)
              .await();
      if (over) {
        heard.add("You talk too much.");
        return heard;
      }
    }
  }

  /** Quit channel, round trip: tell Joe to stop, and let him say goodbye. */
  public static @ReceiveOnly Channel<String> boring(
      String msg, Channel<String> quit, Consumer<String> cleanup) {
    Channel<String> c = Channel.unbuffered();
    Go.go(
        () -> {
          for (int i = 0; ; i++) {
            boolean quitting =
                Select.<Boolean>select()
                    .onSend(c, msg + ": " + i, () -> false) // do nothing
                    .onReceive(quit, () -> true)
                    .await();
            if (quitting) {
              cleanup.accept(msg);
              quit.send("See you!");
              return;
            }
          }
        });
    return c;
  }

  /** The talk's main for the quit example: a few messages, then Bye! and Joe's answer. */
  public static List<String> quitConversation(int messages, Consumer<String> cleanup) {
    Channel<String> quit = Channel.unbuffered();
    var c = boring("Joe", quit, cleanup);
    List<String> heard = new ArrayList<>();
    for (int i = messages; i >= 0; i--) {
      heard.add(c.receive());
    }
    quit.send("Bye!");
    heard.add("Joe says: " + quit.receive());
    return heard;
  }

  /**
   * Daisy-chain: each goroutine adds one to what its right neighbour whispers. Go's {@code chan
   * int} is the generated {@link IntChannel}, which never boxes, with its direction annotated as
   * Go writes {@code chan<- int} and {@code <-chan int}.
   */
  static void f(@SendOnly IntChannel left, @ReceiveOnly IntChannel right) {
    left.send(1 + right.receive());
  }

  public static int daisyChain(int n) {
    IntChannel leftmost = IntChannel.unbuffered();
    IntChannel right = leftmost;
    IntChannel left = leftmost;
    for (int i = 0; i < n; i++) {
      right = IntChannel.unbuffered();
      IntChannel l = left;
      IntChannel r = right;
      Go.go(() -> f(l, r));
      left = right;
    }
    IntChannel c = right;
    Go.go(() -> c.send(1));
    return leftmost.receive();
  }
}
