#!/usr/bin/env bash
# Compile-time overhead of Conduit on the Guava corpus: medians of N fresh javac processes per
# configuration, run round-robin so that drift in machine load hits every configuration alike.
#   corpus/time.sh [RUNS]     (default 5; 0 only checks the configurations; run corpus/run.sh
#                             once first, it fetches the corpus)
# Configurations (all: javac --release 21, the same class path and sources, class files written):
#   plain          javac alone
#   conduit-only   + Error Prone with every check of its own off, Conduit's rules on, and
#                  Conduit's processor (what a build that adopts only Conduit pays)
#   ep-default     + Error Prone with its default checks
#   ep+conduit     + Error Prone defaults, Conduit's rules and Conduit's processor
# and the same two Conduit configurations with Conduit's runtime and annotations jars appended to
# Guava's class path (conduit-only+cp, ep+conduit+cp). Guava does not use Conduit, so without them
# every rule and the processor find their types absent and return at once (their gate is closed);
# with them the gate is open and every node goes through the per-node tests, as in a module that
# has Conduit on its class path.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
. "$root/bin/find-jdk.sh"
conduit_use_jdk
runs="${1:-5}"
work="$here/target/timing"
mkdir -p "$work"

sources="$here/target/sources/guava-sources-jar"
[ -d "$sources" ] || { echo "time.sh: run corpus/run.sh first (no $sources)" >&2; exit 2; }
find "$sources" -name '*.java' | sort > "$work/files.txt"
classpath="$(cat "$here/target/classpath.txt")"

# Error Prone alone, and Error Prone with Conduit's checks and processor, as processor paths.
# Built in the same reactor (-am), so the Conduit jars are this checkout's, never snapshots an
# earlier command left in the local repository. Every module of the reactor writes the file in
# turn; cli, which depends on all the others, comes last and its class path is the one kept.
for excluded in dev.conduit ""; do
  out="$work/conduit-path.txt"
  [ -n "$excluded" ] && out="$work/ep-path.txt"
  (cd "$root" && mvn -B -q -Dstyle.color=never -pl cli -am package -DskipTests \
    dependency:build-classpath -DincludeScope=runtime -DexcludeGroupIds="$excluded" \
    -Dmdep.outputFile="$out") >&2
done
ep_path="$(cat "$work/ep-path.txt")"
conduit_path="$(cat "$work/conduit-path.txt")"
rules=""
while read -r checker; do
  [ -n "$checker" ] && rules="$rules -Xep:${checker##*.}:WARN"
# The registration file that @AutoService wrote when the package step above compiled the checks.
done < "$root/errorprone-checks/target/classes/META-INF/services/com.google.errorprone.bugpatterns.BugChecker"

rule_names="$(echo "$rules" | sed 's/ -Xep:\([A-Za-z]*\):WARN/\1|/g; s/|$//')"

jflags=()
for p in api file main model parser processing tree util; do
  jflags+=("-J--add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED")
done
jflags+=("-J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED")
jflags+=("-J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED")
# A Conduit rule that fails rethrows, so a crash fails the timing run instead of going unseen.
jflags+=("-J-Dconduit.errorprone.rethrow=true")
# Every warning is printed (to a file), so that a Conduit finding cannot hide behind others.
common=(--release 21 -implicit:none -Xmaxwarns 100000)
# Errors as warnings: a default Error Prone check that fires on Guava must not stop javac early
# (--should-stop=ifError=FLOW would skip code generation and flatter that configuration).
ep=(-XDcompilePolicy=simple --should-stop=ifError=FLOW)
ep_flags=" -XepAllErrorsAsWarnings"
processor=(-processor dev.conduit.processor.ConduitProcessor)

configs=(plain conduit-only ep-default ep+conduit conduit-only+cp ep+conduit+cp)

# Conduit's runtime and annotations, from the processor path, for the +cp configurations.
conduit_jars="$(tr ':' '\n' <<< "$conduit_path" | grep -E '/conduit-(runtime|annotations)-[^/]*\.jar$' | paste -sd:)"
[ -n "$conduit_jars" ] || { echo "time.sh: no Conduit runtime or annotations jar in $work/conduit-path.txt" >&2; exit 1; }

# compile CONFIG FILE_LIST CLASS_PATH: runs javac in that configuration; output in out-CONFIG/.
compile() {
  local config=$1 files=$2 cp=$3 out="$work/out-$1"
  case "$config" in *+cp) cp="$cp:$conduit_jars" ;; esac
  rm -rf "$out" && mkdir -p "$out/classes" "$out/generated"
  local cmd=("$JAVA_HOME/bin/javac" "${jflags[@]}" ${CONDUIT_TIMING_JAVAC_FLAGS:-} "${common[@]}"
    -cp "$cp" -d "$out/classes" -s "$out/generated")
  case "${config%+cp}" in
    plain) cmd+=(-proc:none) ;;
    conduit-only)
      cmd+=("${ep[@]}" -processorpath "$conduit_path" "${processor[@]}"
        "-Xplugin:ErrorProne$ep_flags -XepDisableAllChecks$rules") ;;
    ep-default) cmd+=("${ep[@]}" -proc:none -processorpath "$ep_path" "-Xplugin:ErrorProne$ep_flags") ;;
    ep+conduit)
      cmd+=("${ep[@]}" -processorpath "$conduit_path" "${processor[@]}" "-Xplugin:ErrorProne$ep_flags$rules") ;;
  esac
  # CPU time (user + system) as well as wall time: on a machine shared with other work the wall
  # time of one run can vary several-fold, its CPU time much less.
  /usr/bin/time -f "%U %S" -o "$out/cpu.txt" "${cmd[@]}" "@$files" > "$out/javac.log" 2>&1
}

conduit_findings() { grep -cE "\[(Conduit[A-Za-z]+|${rule_names})\]" "$work/out-$1/javac.log" || true; }

# First prove that the Conduit configurations really run the rules: the shipped sample of
# mistakes must give findings there, and none in the others.
# Declarations.java is left out: its processor errors would stop javac before the rules run.
find "$root/samples/mistakes" -name '*.java' ! -name Declarations.java | sort > "$work/mistakes.txt"
for config in "${configs[@]}"; do
  # The sample uses Conduit's runtime, which the Conduit processor path carries.
  compile "$config" "$work/mistakes.txt" "$conduit_path" || true
  n=$(conduit_findings "$config")
  case "$config" in
    conduit-only* | ep+conduit*) [ "$n" -gt 0 ] || { echo "time.sh: $config found no Conduit mistake in samples/mistakes" >&2; exit 1; } ;;
    *) [ "$n" -eq 0 ] || { echo "time.sh: $config reported Conduit findings without Conduit" >&2; exit 1; } ;;
  esac
  echo "time.sh: $config on samples/mistakes: $n Conduit findings" >&2
done
[ "$runs" -gt 0 ] || exit 0
if [ -n "${CONDUIT_TIMING_ONLY:-}" ]; then # one configuration once, e.g. under a profiler
  compile "$CONDUIT_TIMING_ONLY" "$work/files.txt" "$classpath"
  exit
fi

run_one() { # config -> wall and CPU seconds on stdout
  local config=$1 start end
  start=$(date +%s.%N)
  if ! compile "$config" "$work/files.txt" "$classpath"; then
    echo "time.sh: $config failed to compile Guava, see $work/out-$config/javac.log" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  if [ "$(conduit_findings "$config")" -ne 0 ]; then
    echo "time.sh: $config reported Conduit findings on Guava, see $work/out-$config/javac.log" >&2
    exit 1
  fi
  local user system
  read -r user system < "$work/out-$config/cpu.txt"
  echo "$(echo "$end - $start" | bc) $(echo "$user + $system" | bc)"
}

echo "time.sh: $(wc -l < "$work/files.txt") Guava files, $runs runs per configuration" >&2
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "time.sh: load before: $load_before, jmh processes: $(ps aux | grep -c '[j]mh')" >&2
results="$work/times.txt"
: > "$results"
for ((i = 1; i <= runs; i++)); do
  for config in "${configs[@]}"; do
    t=$(run_one "$config")
    echo "$config $t" >> "$results"
    echo "  run $i $config ${t% *}s, CPU ${t#* }s (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  done
done
echo "time.sh: load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

median() { grep "^$1 " "$results" | cut -d' ' -f"${2:-2}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
plain=$(median plain)
conduit=$(median conduit-only)
epd=$(median ep-default)
epc=$(median ep+conduit)
conduit_cp=$(median conduit-only+cp)
epc_cp=$(median ep+conduit+cp)
{
  printf '%-16s %8s %s\n' configuration median ratio
  printf '%-16s %7.2fs %s\n' plain "$plain" "1.00 x plain"
  printf '%-16s %7.2fs %s\n' conduit-only "$conduit" "$(echo "scale=3; $conduit / $plain" | bc) x plain (target <= 1.10, gate closed)"
  printf '%-16s %7.2fs %s\n' ep-default "$epd" "$(echo "scale=3; $epd / $plain" | bc) x plain"
  printf '%-16s %7.2fs %s\n' ep+conduit "$epc" "$(echo "scale=3; $epc / $plain" | bc) x plain, $(echo "scale=3; $epc / $epd" | bc) x ep-default (target <= 1.03)"
  echo "with Conduit's runtime and annotations on the class path (every gate open):"
  printf '%-16s %7.2fs %s\n' conduit-only+cp "$conduit_cp" "$(echo "scale=3; $conduit_cp / $plain" | bc) x plain (target <= 1.15, gate open)"
  printf '%-16s %7.2fs %s\n' ep+conduit+cp "$epc_cp" "$(echo "scale=3; $epc_cp / $plain" | bc) x plain, $(echo "scale=3; $epc_cp / $epd" | bc) x ep-default"
  echo "CPU time (user + system of javac; median, ratio to plain's median):"
  for config in "${configs[@]}"; do
    printf '%-16s %7.2fs %s\n' "$config" "$(median "$config" 3)" \
      "$(echo "scale=3; $(median "$config" 3) / $(median plain 3)" | bc) x plain"
  done
  echo "load average before/after: $load_before / $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
} | tee "$work/summary.txt"
