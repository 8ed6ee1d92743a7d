package ticks;

import dev.conduit.ChannelClosedException;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;

/**
 * Uses generated primitive channels the way users do; compiled with the processor and run by
 * GeneratedPrimitiveChannelTest.
 */
public final class PrimitiveScenarios {
  private PrimitiveScenarios() {}

  public static String intChannelBehavesLikeAChannel() throws Exception {
    IntChannel numbers = IntChannel.buffered(2);
    List<Object> log = new ArrayList<>();
    numbers.send(Integer.MIN_VALUE);
    log.add(numbers.sendEnd().trySend(-7));
    log.add(numbers.trySend(3));
    log.add(numbers.len() + "/" + numbers.cap());
    log.add(numbers.receiveEnd().receive());
    log.add(numbers.tryReceive().getAsInt());
    log.add(numbers.tryReceive().isPresent());
    IntChannel.SendEnd out = numbers.sendEnd();
    Thread producer =
        Thread.ofVirtual()
            .start(
                () -> {
                  for (int i = 1; i <= 5; i++) {
                    out.send(i * 100);
                  }
                  out.close();
                });
    List<Integer> received = new ArrayList<>();
    numbers.receiveEnd().forEach(received::add);
    producer.join();
    log.add(received);
    try {
      numbers.receive();
    } catch (ChannelClosedException expected) {
      log.add("closed");
    }
    return log.toString();
  }

  public static String receiveOptionalReportsClosedAsEmpty() throws Exception {
    IntChannel numbers = IntChannel.buffered(1);
    List<Object> log = new ArrayList<>();
    numbers.send(-1);
    log.add(numbers.receiveOptional().getAsInt());
    Thread producer = Thread.ofVirtual().start(() -> numbers.sendEnd().send(42));
    log.add(numbers.receiveEnd().receiveOptional().getAsInt());
    producer.join();
    numbers.send(7);
    numbers.close();
    log.add(numbers.receiveEnd().receiveOptional().getAsInt());
    log.add(numbers.receiveOptional().isPresent());
    log.add(numbers.receiveEnd().receiveOptional().isPresent());
    return log.toString();
  }

  public static String longAndDoubleKeepEveryBit() throws Exception {
    LongChannel longs = LongChannel.unbuffered();
    DoubleChannel doubles = DoubleChannel.buffered(4);
    Thread sender = Thread.ofVirtual().start(() -> longs.sendEnd().send(Long.MIN_VALUE + 1));
    List<Object> log = new ArrayList<>();
    log.add(longs.receive());
    sender.join();
    doubles.send(-0.0);
    doubles.send(Double.NaN);
    doubles.send(Math.PI);
    doubles.close();
    double[] sent = {-0.0, Double.NaN, Math.PI};
    int index = 0;
    for (PrimitiveIterator.OfDouble it = doubles.receiveEnd().iterator(); it.hasNext(); ) {
      double value = it.nextDouble();
      log.add(Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(sent[index++]));
    }
    return log.toString();
  }

  /** Sends and receives {@code messages} values through a buffered IntChannel on one thread. */
  public static long intRoundTrips(int messages) {
    IntChannel numbers = IntChannel.buffered(64);
    long sum = 0;
    for (int i = 0; i < messages; i++) {
      numbers.send(1000 + i);
      sum += numbers.receive();
    }
    return sum;
  }
}
