#!/usr/bin/env bash
# Runs one of this module's command-line tools: tool.sh <main class> [args...]
# Builds the module (offline) and its runtime class path on first use.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
main="$1"
shift
classpath_file="$here/target/runtime.classpath"
if [ ! -f "$here/target/classes/id/kotacerdas/election/crypto/verifier/VerifierCli.class" ] || [ ! -f "$classpath_file" ]; then
  (cd "$here/.." && ./mvnw -o -q -B -pl election-crypto compile dependency:build-classpath \
      -DincludeScope=runtime -Dmdep.outputFile="$classpath_file" >&2)
fi
exec java ${JAVA_OPTS:--Xmx2g} -cp "$here/target/classes:$(cat "$classpath_file")" "$main" "$@"
