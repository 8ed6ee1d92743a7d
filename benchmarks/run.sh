#!/usr/bin/env bash
# Builds the benchmarks jar, runs every benchmark (JMH with -prof gc, then the heap per parked
# goroutine), and writes the tables and the chart into benchmarks/README.md and chart.png.
#
#   benchmarks/run.sh --quick     a few minutes: 1 fork, 2 warm-up + 3 measured 1 s iterations
#   benchmarks/run.sh             the iterations the benchmark classes declare (about 15 min)
#   benchmarks/run.sh --quick --forks 3   the quick iterations in 3 forks each (about 20 min):
#                                 every fork's figure shows in the README
#
# Other options (see RunBenchmarks): --no-spin-gate, --include REGEX runs a subset and then leaves the README
# alone; --parked N changes the number of parked goroutines; --note TEXT adds a remark.
set -euo pipefail
cd "$(dirname "$0")/.."

# The benchmarks jar needs a JDK 21+ to run, which need not be the default java.
. bin/find-jdk.sh
conduit_use_jdk
java_bin="$JAVA_HOME/bin/java"

# clean: after a source change, an incremental package fails in the runtime's jar or javadoc step
# when Maven itself runs on Java 17; a clean build does not.
mvn -q -B -pl benchmarks -am clean package -DskipTests

readme=(--readme benchmarks/README.md --command benchmarks/run.sh)
for arg in "$@"; do
  if [ "$arg" = "--include" ]; then
    readme=()
  fi
done

exec "$java_bin" -jar benchmarks/target/benchmarks.jar --out benchmarks/target/results \
  "${readme[@]}" "$@"
