package shop;

import dev.conduit.Channel;
import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.annotations.SendOnly;

class Pool {
  static void worker(@ReceiveOnly Channel<Integer> jobs, @SendOnly Channel<Integer> results) {
    for (int job : jobs) {
      results.send(job * 2);
    }
  }

  static int run() {
    Channel<Integer> jobs = Channel.buffered(10);
    Channel<Integer> results = Channel.buffered(10);
    Thread.ofVirtual().start(() -> worker(jobs, results));
    for (int i = 0; i < 10; i++) {
      jobs.send(i);
    }
    jobs.close();
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += results.receive();
    }
    return sum;
  }
}
