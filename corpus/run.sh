#!/usr/bin/env bash
# Compiles real code bases with Conduit's processor and every Conduit rule on, through
# conduit-vet, and fails unless each one compiles with no finding and no crash. Then runs the
# same tool over sources that do not compile and fails if any run shows a stack trace.
#   corpus/run.sh [CODE_BASE...]    (default: every code base in corpus/pom.xml)
# CODE_BASE is an artifactId from corpus/pom.xml, e.g. guava. Everything lands in corpus/target.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
. "$root/bin/find-jdk.sh"
conduit_use_jdk
export JAVA_HOME

echo "corpus: building conduit-vet" >&2
(cd "$root" && mvn -B -q -Dstyle.color=never -pl cli -am package -DskipTests) >&2
echo "corpus: fetching sources jars and resolving their dependencies" >&2
(cd "$here" && mvn -B -q -Dstyle.color=never generate-sources) >&2

sources="$here/target/sources"
logs="$here/target/logs"
rm -rf "$logs"
mkdir -p "$logs"
classpath="$(cat "$here/target/classpath.txt")"
if [ "$#" -gt 0 ]; then
  bases=("$@")
else
  mapfile -t bases < <(cd "$sources" && ls | sed 's/-sources-jar$//')
fi

# conduit.errorprone.rethrow: a rule that fails rethrows instead of quietly reporting nothing, so
# a crash shows up here (as javac's "unhandled exception" error and a non-zero exit).
vet() {
  "$JAVA_HOME/bin/java" -Dconduit.errorprone.rethrow=true -jar "$root/cli/target/conduit-vet.jar" "$@"
}
crashed() {
  grep -qE '^\s+at [A-Za-z_$][A-Za-z0-9_$.]*\(|Exception in thread|unhandled exception|could not run the compiler|ConduitInternalError|An exception has occurred' "$1"
}

failed=0
total=0
for base in "${bases[@]}"; do
  dir="$sources/$base-sources-jar"
  [ -d "$dir" ] || { echo "corpus: no code base $base in corpus/pom.xml" >&2; exit 2; }
  files=$(find "$dir" -name '*.java' | wc -l)
  total=$((total + files))
  log="$logs/$base.log"
  start=$(date +%s)
  status=0
  vet --classpath "$classpath" "$dir" > "$log" 2>&1 || status=$?
  secs=$(($(date +%s) - start))
  if [ "$status" -ne 0 ] || crashed "$log"; then
    failed=1
    echo "FAIL  $base: $files files, exit $status, ${secs}s (see $log)"
    grep -v '^\s*at ' "$log" | head -20
  else
    echo "ok    $base: $files files, no findings, no crash, ${secs}s"
  fi
done
echo "corpus: $total files in ${#bases[@]} code bases"

# Sources that do not compile: javac's errors (or Conduit's declaration errors), never a crash.
for sample in "$root"/cli/src/test/resources/vet/robustness/*.java; do
  name=$(basename "$sample" .java)
  log="$logs/broken-$name.log"
  status=0
  vet "$sample" > "$log" 2>&1 || status=$?
  if [ "$status" -eq 0 ] || crashed "$log" || ! grep -qE 'error: |\[Conduit[A-Za-z]+\] ' "$log"; then
    failed=1
    echo "FAIL  broken/$name: exit $status (see $log)"
    head -20 "$log"
  else
    echo "ok    broken/$name: $(grep -cE 'error: |\[Conduit[A-Za-z]+\] ' "$log") errors shown, no crash"
  fi
done
exit "$failed"
