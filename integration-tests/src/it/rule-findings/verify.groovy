// Every rule ran at its default severity (the pom raises none): the build failed for the
// correctness rules' errors, and the style rules (ContextFirst, ContextInField) reported their
// mistakes as warnings. Each mistake was reported by its own rule with its own message at its own
// file, line and column, and nothing else was reported: not the mistake in Suppressed.java, which
// @SuppressWarnings("ChannelDirection") silences.
def log = new File(basedir, 'build.log').text

def expected = [
  'AbandonedSenderMistake.java:[14,43] error: [AbandonedSender] A goroutine sends on unbuffered channel \'ch\', but this method may stop waiting for it (the select at line 17 may take its onTimeout clause instead). The send then blocks forever and the goroutine leaks. Give the channel a slot for each send: Channel.buffered(1).',
  'ChannelDirectionMistake.java:[12,22] error: [ChannelDirection] Calling receive() on send-only channel \'out\' (declared @SendOnly at line 10) is not allowed. Code holding a send-only end may only send on it: Go rejects this at compile time, and here it would take values meant for the receiving side. Use the channel in its declared direction, or give this code the bidirectional channel if it must do both.',
  'ContextFirstMistake.java:[9,42] warning: [ContextFirst] Context parameter \'ctx\' is parameter 2 of 2. Calls then pass their context in different places, unlike Go code. Put it first, so that every call passes its context in the same place.',
  'ContextInFieldMistake.java:[7,24] warning: [ContextInField] Context field \'ctx\' outlives the call it came with. Later calls run under a cancellation and deadline that are not theirs. Pass the context as the first parameter of each method, or carry it in a record message.',
  'ContextPropagationMistake.java:[14,35] error: [ContextPropagation] Context.background() starts a new root although \'ctx\' is in scope. This work no longer stops when the caller\'s is cancelled or times out. Pass the context in scope, or ctx.withoutCancel() to detach on purpose.',
  'DoubleCloseMistake.java:[17,15] error: [DoubleClose] Channel \'out\' is closed although it may already be closed at line 15. Closing a closed channel throws. Close it once, in the one place that owns it, or reassign it before closing again.',
  'LostCancelMistake.java:[15,6] error: [LostCancel] This return may be reached without cancelling the handle created on line 13 by Context.withTimeout(). On that path the handle is never released, so it leaks (with its timer and its place in its parent, if it has them). Release it on every path, most simply by creating it in a try-with-resources (cancelling it in a finally block works too).',
  'NullContextMistake.java:[14,17] error: [NullContext] null is passed as a Context. The callee fails, or cannot tell a missing context from an uncancellable one. Pass the caller\'s context, or Context.todo() if there is none yet.',
  'UncancellableBlockingCallMistake.java:[11,23] error: [UncancellableBlockingCall] receive() blocks with no way to give up although \'ctx\' is in scope. This goroutine then stays stuck after the work is cancelled. Pass the context to it.',
  'WaitGroupAddInGoroutineMistake.java:[16,18] error: [WaitGroupAddInGoroutine] wg.add() runs inside the goroutine it counts. wg.await() may see a zero counter and return before this goroutine has started. Call wg.add() before starting the goroutine, or start it with wg.go(...).',
]

// Every reported finding, reduced to "File.java:[line,col] error: [Rule] message" or, for what
// Maven prints as a [WARNING], "File.java:[line,col] warning: [Rule] message".
def finding = ~/^\[(ERROR|WARNING)\] .*\/src\/main\/java\/com\/example\/mistakes\/(\S+\.java:\[\d+,\d+\]) (?:error: |warning: )?(\[.*)$/
def reported = log.readLines()
    .collect { it.replace('\\', '/') =~ finding }
    .findAll { it.matches() }
    .collect { m -> "${m.group(2)} ${m.group(1).toLowerCase()}: ${m.group(3)}".toString() }
    .toSet()

def missing = expected.findAll { !reported.contains(it) }
def unexpected = reported.findAll { !expected.contains(it) }
assert missing.isEmpty() : "findings missing or worded differently:\n${missing.join('\n')}\n\nreported:\n${reported.join('\n')}"
assert unexpected.isEmpty() : "unexpected findings:\n${unexpected.join('\n')}"

// The rules that have a mechanical fix offer it with the finding.
[
  'Did you mean \'Channel<String> ch = Channel.buffered(1);\'?',
  'Did you mean \'return query(ctx, id);\'?',
  'Did you mean \'try (CancellableContext ctx = parent.withTimeout(Duration.ofSeconds(2))) {\'?',
  'Did you mean \'return fetch(Context.todo(), url);\'?',
  'Did you mean \'return jobs.receive(ctx);\'?',
].each { assert log.contains(it) : "suggested fix missing: $it" }
true
