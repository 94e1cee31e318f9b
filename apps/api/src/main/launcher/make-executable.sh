#!/usr/bin/env bash
# Builds the single-file release executable: a small launcher script with the jar appended.
# The JVM reads a jar from its end (the zip central directory), so the prefix does not disturb it.
#   make-executable.sh JAR OUT JVM_OPTIONS_SH
# The launcher gets its JVM options and AOT-cache logic from scripts/jvm-options.sh (copied in, so the file stays
# self-contained): it starts with OUT.aot when that cache exists and fits the Java running it, and
# `clickclack aot-training` writes that cache for the Java at hand (JDK 25+).
set -euo pipefail
jar="$1"
out="$2"
options="$3"
{
  cat <<'STUB'
#!/usr/bin/env bash
# ClickClack single-file executable: this script followed by the server jar.
# JVM options: below (from scripts/jvm-options.sh); add your own with CLICKCLACK_JAVA_OPTS="-Xmx512m ...".
# `clickclack aot-training` writes an AOT cache beside this file (JDK 25+), which cuts the start-up time by 2-3x;
# CLICKCLACK_AOT=off starts without it.
STUB
  sed -n '/^# ---- end of the part make-executable.sh copies/q;p' "$options" | grep -v '^# shellcheck shell='
  cat <<'STUB'
pick_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; return; fi
  local d
  for d in $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -V -r); do
    if [ -x "$d/bin/java" ] && [ "$(clickclack_java_major "$d/bin/java")" -ge 21 ] 2>/dev/null; then
      echo "$d/bin/java"; return
    fi
  done
  command -v java
}
JAVA=$(pick_java)
[ -n "$JAVA" ] || { echo "clickclack: no Java 21+ found (set JAVA_HOME)" >&2; exit 1; }
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
if [ "${1:-}" = aot-training ]; then
  clickclack_aot_train "$JAVA" "$self"
  exit
fi
clickclack_java_args "$JAVA" "$self"
exec "$JAVA" "${CLICKCLACK_JAVA_ARGS[@]}" -jar "$self" "$@"
STUB
} > "$out"
cat "$jar" >> "$out"
chmod +x "$out"
# a cache trained on an earlier build of this file no longer matches it
rm -f "$out.aot" "$out.aot.jvm"
