#!/usr/bin/env bash
# Prints the home of a JDK >= 21: $JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm,
# else the java on PATH. Exits 1 with a clear message when there is none. Sourced by ./clickclack and ./mvnw.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}
pick_java_home() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if [ -d /usr/lib/jvm ]; then
    while IFS= read -r d; do candidates+=("$d"); done < <(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -V -r)
  fi
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local best="" best_major=0 d m
  # A JAVA_HOME the user chose wins when it is new enough; otherwise take the newest JDK found.
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    m=$(java_major "$JAVA_HOME")
    if [ -n "$m" ] && [ "$m" -ge 21 ] 2>/dev/null; then echo "$JAVA_HOME"; return 0; fi
  fi
  for d in "${candidates[@]}"; do
    [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
    m=$(java_major "$d")
    if [ -n "$m" ] && [ "$m" -ge 21 ] 2>/dev/null && [ "$m" -gt "$best_major" ]; then
      best="$d"; best_major="$m"
    fi
  done
  if [ -z "$best" ]; then
    echo "clickclack: no JDK 21 or newer found (looked at \$JAVA_HOME, /usr/lib/jvm and PATH). Install one, e.g. apt-get install openjdk-21-jdk-headless." >&2
    return 1
  fi
  echo "$best"
}
