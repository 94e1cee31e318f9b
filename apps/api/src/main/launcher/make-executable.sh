#!/usr/bin/env bash
# Builds the single-file release executable: a small launcher script with the jar appended.
# The JVM reads a jar from its end (the zip central directory), so the prefix does not disturb it.
set -euo pipefail
jar="$1"
out="$2"
cat > "$out" <<'STUB'
#!/usr/bin/env bash
# ClickClack single-file executable: this script followed by the server jar.
pick_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; return; fi
  for d in $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -V -r); do
    if [ -x "$d/bin/java" ]; then
      v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
      if [ "${v%%.*}" -ge 21 ] 2>/dev/null; then echo "$d/bin/java"; return; fi
    fi
  done
  command -v java
}
JAVA=$(pick_java)
[ -n "$JAVA" ] || { echo "clickclack: no Java 21+ found (set JAVA_HOME)" >&2; exit 1; }
exec "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$0" "$@"
STUB
cat "$jar" >> "$out"
chmod +x "$out"
