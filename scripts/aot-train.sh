#!/usr/bin/env bash
# Writes the JDK AOT cache of each ARTIFACT (jar or self-executing file) beside it, as ARTIFACT.aot, with a short
# training run (scripts/jvm-options.sh, clickclack_aot_train). The package build runs it after the jar is built:
#   scripts/aot-train.sh JAVA ARTIFACT...
# Never fails: without JDK 25+, or if training fails, it warns and the server simply starts without a cache.
# CLICKCLACK_AOT=off (or the Maven property -Daot.skip) skips it.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/jvm-options.sh"
java="${1:?usage: scripts/aot-train.sh JAVA ARTIFACT...}"
shift
for artifact in "$@"; do
  if [ "${CLICKCLACK_AOT:-on}" = off ]; then
    rm -f "$(clickclack_aot_cache "$artifact")" "$(clickclack_aot_cache "$artifact").jvm"
    echo "clickclack: CLICKCLACK_AOT=off: no AOT cache for $artifact" >&2
    continue
  fi
  if ! clickclack_aot_train "$java" "$artifact"; then
    echo "WARNING: no AOT cache for $artifact: the server works, but starts slower (see docs/development.md)" >&2
  fi
done
exit 0
