#!/usr/bin/env bash
# Formats Conduit's Java sources with google-java-format (through spotless), or checks them.
#   bin/format.sh          check: exit 1 and name the files that are not formatted
#   bin/format.sh apply    rewrite them in place
# google-java-format reads the sources with the javac of the JVM that runs Maven and needs a JDK
# 21+ to parse Java 21; this script runs Maven on the JDK 21+ that the build itself uses
# (bin/find-jdk.sh), so it works wherever the build does, whatever Java `mvn` starts on.
# Only src/main/java and src/test/java of each module are formatted: never the integration
# tests' sample projects, the examples' inputs or anything whose line numbers a test asserts.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/bin/find-jdk.sh"
goal=check
case "${1:-check}" in
  check) goal=check ;;
  apply) goal=apply ;;
  *) echo "usage: bin/format.sh [check|apply]" >&2; exit 2 ;;
esac
jdk="$(conduit_find_jdk)"
[ -n "$jdk" ] || { echo "format.sh: no JDK 21+ found (set JAVA_HOME to one)" >&2; exit 2; }
cd "$root"
# The BOM has no parent and so no formatter configuration: leave it out of the reactor.
JAVA_HOME="$jdk" mvn -B -q -Dstyle.color=never -pl '!bom' "spotless:$goal"
