// Build 1 (-Pautofix) rewrote every mistake with its rule's fix; build 2 compiled the rewritten
// sources from scratch with every rule on and reported nothing, not even a warning.
def log = new File(basedir, 'build.log').text
def builds = log.split(/Building autofix 1\.0/)
assert builds.size() == 3 : "expected two builds, log has ${builds.size() - 1}"
def (patch, recheck) = [builds[1], builds[2]]

// Build 1 found each mistake (as warnings: patching reports and rewrites instead of failing).
['Client.java:[14,17] [NullContext]', 'Client.java:[18,35] [ContextPropagation]',
 'Jobs.java:[11,23] [UncancellableBlockingCall]', 'Jobs.java:[15,13] [UncancellableBlockingCall]',
 'Lookup.java:[15,6] [LostCancel]', 'Timed.java:[14,43] [AbandonedSender]'].each {
  assert patch.contains(it) : "build 1 did not report $it"
}
assert patch =~ /Sum\.java:\[10,\d+\] \[ChannelDirection\]/ : 'build 1 did not report Sum.java'
assert patch.contains('BUILD SUCCESS')

// Build 2 recompiled everything after a clean, with no finding at all.
assert recheck.contains('Deleting') && recheck.contains('Compiling 7 source files')
assert recheck.contains('BUILD SUCCESS') : 'the rewritten sources do not compile clean'
assert !(recheck =~ /\.java:\[\d+,\d+\]/) : 'build 2 still reports findings'

def src = { name -> new File(basedir, "src/main/java/com/example/fixme/${name}.java").text }
// Whitespace is not compared: the rewritten code is for a formatter to lay out.
def flat = { String s -> s.replaceAll(/\s+/, ' ') }

def client = src('Client')
assert client.contains('return query(Context.todo(), id);') : client
assert client.contains('return query(ctx, id);') : client
assert !client.contains('query(null') && !client.contains('Context.background()') : client

def jobs = src('Jobs')
assert jobs.contains('return jobs.receive(ctx);') : jobs
assert jobs.contains('jobs.send(ctx, job);') : jobs

// ChannelDirection's first fix declares the local's direction, importing the annotation.
def sum = src('Sum')
assert sum.contains('@ReceiveOnly Channel<Integer> numbers = Numbers.upTo(n);') : sum
assert sum.contains('import dev.conduit.annotations.ReceiveOnly;') : sum

def timed = src('Timed')
assert timed.contains('Channel<String> ch = Channel.buffered(1);') : timed
assert !timed.contains('Channel.unbuffered()') : timed

// Go's defer cancel(): the handle now lives in a try-with-resources around the rest of the body.
// LostCancel's fix lays out its own code, so it is compared exactly, whitespace and all: the
// rest of the block one level deeper, and the explicit cancel() gone, as the try does it now.
def lookup = src('Lookup')
assert lookup.contains('''    try (CancellableContext ctx = parent.withTimeout(Duration.ofSeconds(2))) {
      if (cache.containsKey(key)) {
        return cache.get(key);
      }
      String value = key + (ctx.isDone() ? "-late" : "");
      return value;
    }
  }
}''') : lookup
true
