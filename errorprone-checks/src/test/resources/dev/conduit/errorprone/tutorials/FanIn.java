package tutorials;

import static dev.conduit.Go.go;

import dev.conduit.Channel;
import dev.conduit.WaitGroup;
import dev.conduit.annotations.ReceiveOnly;
import java.util.ArrayList;
import java.util.List;

/** Fan-out, fan-in: one goroutine per input, all merged into one channel. */
class FanIn {
  static <T> @ReceiveOnly Channel<T> merge(List<@ReceiveOnly Channel<T>> inputs) {
    Channel<T> out = Channel.buffered(inputs.size());
    WaitGroup wg = new WaitGroup();
    for (var in : inputs) {
      wg.add(1);
      go(
          () -> {
            try {
              for (T value : in) {
                out.send(value);
              }
            } finally {
              wg.done();
            }
          });
    }
    go(
        () -> {
          wg.await();
          out.close();
        });
    return out;
  }

  static List<String> fanOutFanIn(List<String> urls) {
    Channel<String> results = Channel.buffered(urls.size());
    for (String url : urls) {
      go(() -> results.send(url.toUpperCase()));
    }
    List<String> collected = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      collected.add(results.receive());
    }
    return collected;
  }

  static List<Integer> mergeTwo() {
    Channel<Integer> a = Channel.buffered(1);
    Channel<Integer> b = Channel.buffered(1);
    a.send(1);
    b.send(2);
    a.close();
    b.close();
    List<@ReceiveOnly Channel<Integer>> inputs = List.of(a, b);
    List<Integer> all = new ArrayList<>();
    for (int v : merge(inputs)) {
      all.add(v);
    }
    return all;
  }
}
