// Every pattern ran and asserted its outcome.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 10, Failures: 0, Errors: 0, Skipped: 0') : 'PatternsTest did not run all 10 patterns'
