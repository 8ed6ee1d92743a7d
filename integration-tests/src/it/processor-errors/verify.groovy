// The build failed for the processor's reasons, not for a broken setup: each error is there
// with its id, its file and its line.
def log = new File(basedir, 'build.log').text
assert log.contains('Stage.java:[9,49] [ConduitDirectionOnNonChannel] @SendOnly on the parameter') : log
assert log.contains('Stage.java:[14,41] [ConduitOverrideDirection] parameter \'in\' is bidirectional') : log
