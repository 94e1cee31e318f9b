# shellcheck shell=bash
# How ClickClack's JVM is started: the one source of truth for its JVM options and its AOT cache.
#
# Sourced by ./clickclack and scripts/aot-train.sh, copied into the self-executing apps/api/target/clickclack
# by apps/api/src/main/launcher/make-executable.sh (so the Docker image has it too), and run by the benchmark:
#   scripts/jvm-options.sh JAVA ARTIFACT [EXTRA_OPTION...]   prints the options, one per line
# Documented in docs/configuration.md ("JVM options").

# Every start uses these (the AOT training run too: a cache only loads under compatible options).
# - native access for sqlite-jdbc (JDK 24+ warns without it);
# - JVM log messages (warnings, errors) go to stderr, never into the stdout that scripts read from the CLI.
CLICKCLACK_JVM_OPTIONS=(
  --enable-native-access=ALL-UNNAMED
  -Xlog:disable
  -Xlog:all=warning:stderr
)
# The garbage collector: none named, so the JVM's own choice applies (G1 on 2+ CPUs and 2+ GiB, Serial on smaller
# boxes). SerialGC with a 32 MiB young generation keeps 10,000 idle sockets ~130 MiB smaller, but under the
# 2,000-user mix its stop-the-world collections (premature promotion, then full GCs) pushed request p99 to
# ~1 s where G1 stayed at 158 ms (BENCHMARKS.md); latency under load wins. Operators with mostly idle sockets
# can pick it: CLICKCLACK_JAVA_OPTS="-XX:+UseSerialGC -XX:MaxNewSize=32m".
CLICKCLACK_GC_OPTIONS=()
# JDK 25+ only: 8-byte object headers (JEP 519) make the heap ~10 % smaller.
CLICKCLACK_JVM_OPTIONS_25=(
  -XX:+UseCompactObjectHeaders
)

# Reads JAVA's release file once (bash builtins only: the launchers run this before every start):
# CLICKCLACK_JAVA_RELEASE_MAJOR (21, 25, ...; empty when unknown) and CLICKCLACK_JAVA_RELEASE_BUILD.
clickclack_java_release() {
  local java="$1" home line
  [ "${CLICKCLACK_JAVA_RELEASE_OF:-}" = "$java" ] && return 0
  CLICKCLACK_JAVA_RELEASE_OF="$java" CLICKCLACK_JAVA_RELEASE_MAJOR="" CLICKCLACK_JAVA_RELEASE_BUILD=""
  home="$(readlink -f "$java")"
  home="${home%/bin/java}"
  [ -r "$home/release" ] || return 0
  while IFS= read -r line; do
    case "$line" in
      JAVA_VERSION=*) line="${line#JAVA_VERSION=\"}"; CLICKCLACK_JAVA_RELEASE_MAJOR="${line%%[!0-9]*}" ;;
      IMPLEMENTOR=* | IMPLEMENTOR_VERSION=* | JAVA_RUNTIME_VERSION=*)
        CLICKCLACK_JAVA_RELEASE_BUILD="$CLICKCLACK_JAVA_RELEASE_BUILD$line " ;;
    esac
  done <"$home/release"
}

# The feature version (21, 25, ...) of a java binary, from the JDK's release file (no JVM start).
clickclack_java_major() {
  local java="$1" v
  clickclack_java_release "$java"
  v="$CLICKCLACK_JAVA_RELEASE_MAJOR"
  if [ -z "$v" ]; then
    v="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    v="${v%%.*}"
  fi
  echo "${v:-0}"
}

# Names the exact JVM build and the options a cache is trained with: a cache only loads in the JVM build that
# wrote it, and only under compatible options (object header size, ...).
clickclack_aot_stamp() {
  local java="$1" build
  clickclack_java_release "$java"
  build="$CLICKCLACK_JAVA_RELEASE_BUILD"
  if [ -z "$build" ]; then
    build="$("$java" -version 2>&1 | tr '\n' ' ')"
  fi
  echo "$build| ${CLICKCLACK_JVM_OPTIONS[*]} ${CLICKCLACK_GC_OPTIONS[*]} ${CLICKCLACK_JVM_OPTIONS_25[*]}"
}

# The AOT cache of an artifact (jar or self-executing file) lives beside it: ARTIFACT.aot, plus ARTIFACT.aot.jvm
# with the stamp of the JVM build and options that wrote it.
clickclack_aot_cache() {
  echo "$1.aot"
}

# Whether JAVA (JDK 25+) can use ARTIFACT's AOT cache: the cache exists, was written after the artifact (an older
# cache belongs to an older build: JDK 25.0.3 does not notice a changed jar itself, JDK-8377932), by this JVM
# build and under these options (else the JVM refuses it with an error on every start). CLICKCLACK_AOT=off
# disables it.
clickclack_aot_usable() {
  local java="$1" artifact="$2" cache
  cache="$(clickclack_aot_cache "$artifact")"
  [ "${CLICKCLACK_AOT:-on}" != off ] || return 1
  [ -f "$cache" ] && [ "$cache" -nt "$artifact" ] || return 1
  local stamp=""
  [ -r "$cache.jvm" ] && stamp="$(<"$cache.jvm")"
  [ "$stamp" = "$(clickclack_aot_stamp "$java")" ] || return 1
}

# Sets the array CLICKCLACK_JAVA_ARGS: the JVM options to run ARTIFACT with JAVA, then $CLICKCLACK_JAVA_OPTS and
# any EXTRA options (later options win; a garbage collector chosen there replaces ours).
clickclack_java_args() {
  local java="$1" artifact="$2" extra
  shift 2
  # shellcheck disable=SC2206 # word splitting is the point: CLICKCLACK_JAVA_OPTS="-Xmx1g -XX:+UseG1GC"
  extra=(${CLICKCLACK_JAVA_OPTS:-} "$@")
  CLICKCLACK_JAVA_ARGS=("${CLICKCLACK_JVM_OPTIONS[@]}")
  if [[ " ${extra[*]} " != *" -XX:+Use"*"GC "* ]]; then
    CLICKCLACK_JAVA_ARGS+=("${CLICKCLACK_GC_OPTIONS[@]}")
  fi
  local major
  major="$(clickclack_java_major "$java")"
  if [ "$major" -ge 25 ] 2>/dev/null; then
    CLICKCLACK_JAVA_ARGS+=("${CLICKCLACK_JVM_OPTIONS_25[@]}")
    if clickclack_aot_usable "$java" "$artifact"; then
      CLICKCLACK_JAVA_ARGS+=("-XX:AOTCache=$(clickclack_aot_cache "$artifact")")
    fi
  fi
  CLICKCLACK_JAVA_ARGS+=("${extra[@]}")
}

# Writes ARTIFACT's AOT cache with a training run (the hidden `aot-training` command: starts the server on a
# temporary directory, drives a few dozen API calls and a WebSocket, stops). Returns 1 with a message on stderr
# when it cannot (JDK < 25, the run failed); never leaves a stale or partial cache behind.
clickclack_aot_train() {
  local java="$1" artifact="$2" cache tmp major started
  # an absolute path: the cache records the class path and must match however the server is started later
  artifact="$(cd "$(dirname "$artifact")" && pwd)/$(basename "$artifact")"
  cache="$(clickclack_aot_cache "$artifact")"
  rm -f "$cache" "$cache.jvm"
  major="$(clickclack_java_major "$java")"
  if [ "$major" -lt 25 ] 2>/dev/null; then
    echo "clickclack: no AOT cache: Java $major (it needs JDK 25 or newer)" >&2
    return 1
  fi
  tmp="$cache.tmp.$$"
  started=$SECONDS
  # the stamp promises the base options: train with exactly those, whatever CLICKCLACK_JAVA_OPTS says
  local CLICKCLACK_AOT=off CLICKCLACK_JAVA_OPTS=""
  clickclack_java_args "$java" "$artifact"
  # run beside the cache, so a crash report (hs_err_pid*.log) of the JVM that assembles it lands there too
  if (cd "$(dirname "$cache")" \
      && "$java" "${CLICKCLACK_JAVA_ARGS[@]}" "-XX:AOTCacheOutput=$tmp" -jar "$artifact" aot-training) >"$tmp.log" 2>&1 \
      && [ -s "$tmp" ]; then
    mv -f "$tmp" "$cache"
    clickclack_aot_stamp "$java" >"$cache.jvm"
    rm -f "$tmp.log"
    echo "clickclack: AOT cache $cache ($(( $(stat -c %s "$cache") / 1048576 )) MiB, $((SECONDS - started)) s)" >&2
    return 0
  fi
  echo "clickclack: the AOT training run failed, no cache written (last lines of its output follow)" >&2
  tail -n 15 "$tmp.log" >&2
  rm -f "$tmp" "$tmp.log" "$tmp.config"
  return 1
}

# ---- end of the part make-executable.sh copies into the self-executing file ----

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  if [ $# -lt 2 ]; then
    echo "usage: scripts/jvm-options.sh JAVA ARTIFACT [EXTRA_OPTION...]  (prints the JVM options, one per line)" >&2
    exit 2
  fi
  clickclack_java_args "$@"
  printf '%s\n' "${CLICKCLACK_JAVA_ARGS[@]}"
fi
