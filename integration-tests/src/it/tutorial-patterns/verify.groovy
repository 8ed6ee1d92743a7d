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
assert log.contains('Tests run: 12, Failures: 0, Errors: 0, Skipped: 0') : 'PatternsTest did not run all 12 patterns'
// The processor ran too: the token cache's typed request channel was generated, and the rules
// saw the code that uses it.
assert new File(basedir, 'target/generated-sources/annotations/com/example/patterns/TokenCacheTokenRequestChannel.java').isFile()

// README.md's Maven setup is this project's, copied: the <configuration> of its compiler plugin
// must match this pom's, line for line (indentation aside), with the filtered versions written
// as the properties the README declares.
def root = new File(basedir, '../../../..').canonicalFile
def readme = new File(root, 'README.md').text
def sourcePom = new File(root, 'integration-tests/src/it/tutorial-patterns/pom.xml').text
def configuration = { String text ->
  def start = text.indexOf('<configuration>')
  def end = text.indexOf('</configuration>', start)
  assert start >= 0 && end > start
  text.substring(start, end).readLines()*.trim().findAll { it }
}
def mavenSection = readme.substring(readme.indexOf('```xml', readme.indexOf('### Maven')))
def documented = configuration(mavenSection)
def tested = configuration(sourcePom
    .replace('@conduit.version@', '${conduit.version}')
    .replace('@errorprone.version@', '${errorprone.version}'))
assert documented == tested : "README.md's Maven setup drifted from tutorial-patterns/pom.xml:\n" +
    "README:\n${documented.join('\n')}\n\npom:\n${tested.join('\n')}"
true
