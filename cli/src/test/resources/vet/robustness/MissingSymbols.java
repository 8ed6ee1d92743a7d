import dev.conduit.Channel;
import dev.conduit.Context;
import dev.conduit.ErrGroup;
import dev.conduit.Go;
import dev.conduit.Select;
import dev.conduit.WaitGroup;
import dev.conduit.annotations.ReceiveOnly;
import dev.conduit.annotations.SendOnly;

/** Signatures resolve; the bodies do not, so only the rules meet the broken trees. */
class MissingSymbols {
  @SendOnly Channel<String> results = Channel.unbuffered();

  void run(Context ctx, @ReceiveOnly Channel<String> jobs) {
    Channel<String> out = Channel.unbuffered();
    jobs.send(new Job());
    undefined.close();
    ctx.withCancel().cancelIt();
    var lost = ctx.withTimeout(missingDuration);
    out.sendd("x");
    for (String s : missingChannel) {
      out.send(s);
    }
    String v = Select.<String>select().onReceive(nope, x -> x).onReceive(jobs, x -> x + y).await();
    WaitGroup wg = new WaitGroup();
    wg.add(unknownCount);
    wg.go(() -> helper(ctx, jobs));
    Go.go(() -> results.receive(ctx, extra));
    ErrGroup g = ErrGroup.withContext(undefinedContext);
    g.go(() -> jobs.receive(lost));
    try (var child = ctx.withTimeout(missingDuration)) {
      jobs.receive(child);
      Missing.call(child);
    }
    out.close();
    out.close(ctx);
  }
}
