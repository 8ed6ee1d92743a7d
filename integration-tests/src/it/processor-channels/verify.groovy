// The processor ran from annotationProcessorPaths (JavaPoet resolved transitively), the
// generated code compiled under -Werror, and the test that uses it really ran.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : 'CheckoutTest did not run'
def generated = new File(basedir, 'target/generated-sources/annotations/com/example/shop')
assert new File(generated, 'OrderChannel.java').isFile()
assert new File(generated, 'IntChannel.java').isFile()
