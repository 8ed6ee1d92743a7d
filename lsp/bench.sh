#!/usr/bin/env bash
# conduit-lsp's benchmark: warm didChange -> publishDiagnostics latency per file, used heap after
# 50 and 500 edits, and cold start with and without the class path cache. Prints a summary.
#   lsp/bench.sh [EDITS_PER_FILE=40] [HEAP_EDITS=500] [COLD_RUNS=3]
# Builds the server first when lsp/target/conduit-lsp.jar is missing (mvn -pl lsp -am package).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/bin/find-jdk.sh"
conduit_use_jdk
jar="$root/lsp/target/conduit-lsp.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -q -pl lsp -am package -DskipTests)
fi
opens=()
for p in api file main model parser processing tree util; do
  opens+=("--add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED")
done
opens+=("--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED" "--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED")
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), Java $(conduit_java_major "$JAVA_HOME")"
"$JAVA_HOME/bin/java" -Xss4m "${opens[@]}" -cp "$jar" dev.conduit.lsp.bench.Bench "$root" "${1:-40}" "${2:-500}"
"$JAVA_HOME/bin/java" -cp "$jar" dev.conduit.lsp.bench.ColdStart "$root" "${3:-3}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
