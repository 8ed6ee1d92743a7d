// The patterns compiled under the processor and every Conduit rule (the style rules raised to
// ERROR, the others at their default ERROR) with zero findings, errors or warnings, and every
// pattern ran and asserted its outcome.
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

// README.md's Maven setup is this project's, copied: the BOM import, the runtime dependency, the
// toolchains plugin and the compiler plugin must match this pom's, line for line (indentation
// aside), once the README's own properties are substituted. The pom compared is the one that was
// built (filtered), so the versions the README names are the versions this test used.
def root = new File(basedir, '../../../..').canonicalFile
def readme = new File(root, 'README.md').text
def mavenSection = readme.substring(readme.indexOf('```xml', readme.indexOf('### Maven')) + 6)
def documented = mavenSection.substring(0, mavenSection.indexOf('```'))
(documented =~ /<((?:conduit|errorprone)\.version)>([^<]+)</).each { all, name, value ->
  documented = documented.replace('${' + name + '}', value)
}
def built = new File(basedir, 'pom.xml').text
// The <tag> element that contains <artifactId>artifactId</artifactId>, as trimmed lines.
def element = { String text, String tag, String artifactId ->
  def at = text.indexOf("<artifactId>${artifactId}</artifactId>")
  assert at >= 0 : "no ${artifactId} in:\n${text}"
  def start = text.lastIndexOf("<${tag}>", at)
  def end = text.indexOf("</${tag}>", at)
  assert start >= 0 && end > at
  text.substring(start, end).readLines()*.trim().findAll { it }
}
[['dependencyManagement', 'conduit-bom'], ['dependency', 'conduit-runtime'],
 ['plugin', 'maven-toolchains-plugin'], ['plugin', 'maven-compiler-plugin']].each { tag, id ->
  def inReadme = element(documented, tag, id)
  def inPom = element(built, tag, id)
  assert inReadme == inPom : "README.md's Maven setup drifted from tutorial-patterns/pom.xml " +
      "(<${tag}> of ${id}):\nREADME:\n${inReadme.join('\n')}\n\npom:\n${inPom.join('\n')}"
}
true
