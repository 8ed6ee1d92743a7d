// The Go originals compiled under the processor and every Conduit rule at ERROR with zero
// findings, and every program ran and checked its result. The build is clean for the right
// reason only if the checks ran, so this also requires:
//  - the canary (src/canary/java, one mistake per rule, compiled with the same options but
//    without failing the build) produced a finding of every one of the ten rules;
//  - the processor generated IntChannel for the daisy chain, whose @SendOnly/@ReceiveOnly
//    parameters it accepted.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'the build failed'

def lines = log.readLines()
def findingLine = { String line -> line =~ /\.java:\[\d+,\d+\]/ || line =~ /\b(error|warning): \[/ }
def originals = lines.findAll { findingLine(it) && !it.contains('/src/canary/') && !it.contains('\\src\\canary\\') }
assert originals.isEmpty() : "expected zero findings on the Go originals, got:\n${originals.join('\n')}"

// Error Prone's own checks may warn on the canary too (an unused field): count Conduit's only.
def canary = lines.findAll { (it.contains('/src/canary/') || it.contains('\\src\\canary\\')) && it =~ /error: \[[A-Za-z]+\]/ }.unique()
def rules = ['ChannelDirection', 'LostCancel', 'ContextFirst', 'NullContext', 'ContextInField',
             'ContextPropagation', 'UncancellableBlockingCall', 'WaitGroupAddInGoroutine',
             'AbandonedSender', 'DoubleClose']
def silent = rules.findAll { rule -> !canary.any { it.contains("[${rule}]") } }
assert silent.isEmpty() : "the canary saw no finding of ${silent}: the checks did not run\n${canary.join('\n')}"
assert canary.size() == rules.size() : "expected exactly one canary finding per rule, got:\n${canary.join('\n')}"

assert log.contains('Tests run: 11, Failures: 0, Errors: 0, Skipped: 0') : 'GoOriginalsTest did not run all 11 programs'
assert new File(basedir, 'target/generated-sources/annotations/com/example/gooriginals/IntChannel.java').isFile() :
    'the processor did not generate IntChannel'
assert new File(basedir, 'target/classes/com/example/gooriginals/TalkPatterns.class').isFile()
true
