import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.Go;
import dev.conduit.Select;
import dev.conduit.WaitGroup;
import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.annotations.SendOnly;

class MissingTypesInSignatures {
  @SendOnly Channel<Job> results;

  void run(Context ctx, @ReceiveOnly Channel<Job> jobs, Missing more) {
    Channel<String> out = Channel.unbuffered();
    jobs.send(new Job());
    undefined.close();
    ctx.withCancel().cancelIt();
    out.sendd("x");
    for (String s : missingChannel) {
      out.send(s);
    }
    String v = Select.<String>select().onReceive(nope, x -> x).await();
    WaitGroup wg = new WaitGroup();
    wg.go(() -> helper(ctx, jobs));
    Go.go(() -> results.receive());
    try (var child = ctx.withTimeout(missingDuration)) {
      jobs.receive(child);
    }
  }
}
