package tutorials;

import static dev.conduit.Go.go;

import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.ErrGroup;
import dev.conduit.Select;
import dev.conduit.WaitGroup;
import java.util.ArrayList;
import java.util.List;

/** errgroup's fetch-all, and the fan-out/fan-in with a context of the Go tutorials. */
class ErrGroupFetchAll {
  static List<String> fetchAll(Context ctx, List<String> urls) {
    ErrGroup group = ErrGroup.withContext(ctx);
    Context groupCtx = group.context();
    String[] responses = new String[urls.size()];
    for (int i = 0; i < urls.size(); i++) {
      int index = i;
      String url = urls.get(i);
      group.go(() -> responses[index] = fetch(groupCtx, url));
    }
    group.await();
    return List.of(responses);
  }

  /** Ten workers, a feeder that stops on ctx, a closer, results sized to the work. */
  static List<String> process(Context ctx, List<String> items) {
    Channel<String> jobs = Channel.unbuffered();
    Channel<String> results = Channel.buffered(items.size());
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < 10; i++) {
      wg.add(1);
      go(() -> {
        try {
          for (String item : jobs) {
            results.send(fetch(ctx, item));
          }
        } finally {
          wg.done();
        }
      });
    }
    go(() -> {
      try {
        for (String item : items) {
          boolean sent = Select.<Boolean>select()
              .onSend(jobs, item, () -> true)
              .onDone(ctx, () -> false)
              .await();
          if (!sent) {
            return;
          }
        }
      } finally {
        jobs.close();
      }
    });
    go(() -> {
      wg.await();
      results.close();
    });
    List<String> out = new ArrayList<>();
    for (String result : results) {
      out.add(result);
    }
    return out;
  }

  /** The dashboard: one goroutine per service, each result on its own buffered(1) channel. */
  static String dashboard(Context ctx) {
    Channel<String> userCh = Channel.buffered(1);
    Channel<String> ordersCh = Channel.buffered(1);
    go(() -> userCh.send(fetch(ctx, "user")));
    go(() -> ordersCh.send(fetch(ctx, "orders")));
    return userCh.receive() + ordersCh.receive();
  }

  static String fetch(Context ctx, String url) {
    return ctx.isDone() ? "" : url;
  }
}
