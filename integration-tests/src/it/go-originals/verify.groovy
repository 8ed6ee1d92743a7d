// The Go originals compiled under the processor and every Conduit rule, at its default severity,
// with zero findings (errors or warnings), and every program ran and checked its result. The
// build is clean for the right reason only if the checks ran, so this also requires:
//  - the canary (src/canary/java, one mistake per rule, compiled with the same options but
//    without failing the build) produced a finding of every rule at the line it marks;
//  - the processor generated IntChannel for the daisy chain, whose @SendOnly/@ReceiveOnly
//    parameters it accepted.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'the build failed'

def lines = log.readLines()
def findingLine = { String line -> line =~ /\.java:\[\d+,\d+\]/ || line =~ /\b(error|warning): \[/ }
def originals = lines.findAll { findingLine(it) && !it.contains('/src/canary/') && !it.contains('\\src\\canary\\') }
assert originals.isEmpty() : "expected zero findings on the Go originals, got:\n${originals.join('\n')}"

// The canary marks each mistake with a trailing "// Rule" comment: every marked line must be
// reported by that rule (as an error or, for a style rule, a warning), and no marked rule
// anywhere else. Error Prone's own checks may warn on the canary too (an unused field): only the
// marked rules are counted.
def canarySource = new File(basedir, 'src/canary/java/com/example/canary/Canary.java').readLines()
def marked = [:]
canarySource.eachWithIndex { line, i ->
  def m = line =~ /\/\/\s*([A-Z][A-Za-z]+)\s*$/
  if (m.find()) { marked["${m.group(1)}@${i + 1}".toString()] = true }
}
def rules = marked.keySet().collect { it.substring(0, it.indexOf('@')) }.toSet()
assert rules.size() >= 10 : "the canary marks only ${rules}"
def canary = lines.collect { it.replace('\\', '/') =~ /\/src\/canary\/.*Canary\.java:\[(\d+),\d+\] (?:error: |warning: )?\[([A-Za-z]+)\]/ }
    .findAll { it.find() }
    .collect { "${it.group(2)}@${it.group(1)}".toString() }
    .findAll { rules.contains(it.substring(0, it.indexOf('@'))) }
    .toSet()
def silent = marked.keySet().findAll { !canary.contains(it) }
assert silent.isEmpty() : "the canary saw no finding at ${silent}: the checks did not run\n${canary.join('\n')}"
def stray = canary.findAll { !marked.containsKey(it) }
assert stray.isEmpty() : "canary findings on unmarked lines: ${stray}"

assert log.contains('Tests run: 11, Failures: 0, Errors: 0, Skipped: 0') : 'GoOriginalsTest did not run all 11 programs'
assert new File(basedir, 'target/generated-sources/annotations/com/example/gooriginals/IntChannel.java').isFile() :
    'the processor did not generate IntChannel'
assert new File(basedir, 'target/classes/com/example/gooriginals/TalkPatterns.class').isFile()
true
