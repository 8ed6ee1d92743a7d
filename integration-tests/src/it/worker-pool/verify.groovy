// The sample built and its test really ran: a bare "build succeeded" proves nothing.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : 'PoolTest did not run'
assert new File(basedir, 'target/worker-pool-1.0.jar').isFile()
