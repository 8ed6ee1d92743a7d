// The patterns compiled under the processor and every Conduit rule at ERROR with zero findings,
// and every pattern ran and asserted its outcome.
//
// The compile proves the rules were loaded, not merely absent: Error Prone rejects an -Xep
// option that names a check it does not know, so a build whose processor path lost the checks
// fails instead of passing quietly.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'the build failed'
def findings = log.readLines().findAll { it =~ /\.java:\[\d+,\d+\]/ || it =~ /\b(error|warning): \[/ }
assert findings.isEmpty() : "expected zero findings, got:\n${findings.join('\n')}"
assert log.contains('Tests run: 10, Failures: 0, Errors: 0, Skipped: 0') : 'PatternsTest did not run all 10 patterns'
