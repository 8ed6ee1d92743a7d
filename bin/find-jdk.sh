# Sourced by .ci/run and bin/conduit-vet: sets JAVA_HOME to a JDK 21+ or explains and exits.
# Prefers JAVA_HOME when it is one; otherwise takes the newest JDK 21+ found in the usual places.

conduit_java_major() {
  local home=$1
  [ -x "$home/bin/javac" ] || return 0
  "$home/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -1
}

conduit_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ]; then
    local v
    v=$(conduit_java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then
      echo "$JAVA_HOME"
      return
    fi
    echo "JAVA_HOME=$JAVA_HOME is not a JDK 21+ (version: ${v:-unknown}); looking for another." >&2
  fi
  local best="" best_v=0 home v
  for home in /usr/lib/jvm/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home \
      "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$home" ] || continue
    v=$(conduit_java_major "$home")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then
      best=$home
      best_v=$v
    fi
  done
  echo "$best"
}

conduit_use_jdk() {
  local jdk
  jdk=$(conduit_find_jdk)
  if [ -z "$jdk" ]; then
    echo "error: Conduit needs a JDK 21 or newer, and none was found." >&2
    echo "Install one (for example Eclipse Temurin 21 or 25, or your system's openjdk-21-jdk):" >&2
    echo "it is found under /usr/lib/jvm and the other usual places, or point JAVA_HOME at it." >&2
    exit 1
  fi
  export JAVA_HOME=$jdk
  export PATH="$JAVA_HOME/bin:$PATH"
}
