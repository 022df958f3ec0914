#!/usr/bin/env bash
# Brings src/Djpk.Metrics/PublicAPI.Unshipped.txt in line with the code: adds every public symbol the build reports as
# undeclared (RS0016) and removes every declared symbol it no longer finds (RS0017, e.g. a changed signature).
# Run it after changing public API on purpose; review the diff of PublicAPI.Unshipped.txt before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
project=src/Djpk.Metrics
unshipped="$project/PublicAPI.Unshipped.txt"
log=$(mktemp)
dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 >"$log" || true
sed -n "s/.*RS0017: Symbol '\(.*\)' is part of the declared API, but is either not public or could not be found.*/\1/p" "$log" | sort -u > "$log.removed"
{
  tail -n +2 "$unshipped" | grep -vxF -f "$log.removed" || true
  sed -n "s/.*RS0016: Symbol '\(.*\)' is not part of the declared public API.*/\1/p" "$log"
} | sort -u > "$log.symbols"
{ echo '#nullable enable'; cat "$log.symbols"; } > "$unshipped"
rm -f "$log" "$log.removed" "$log.symbols"
echo "$(($(wc -l < "$unshipped") - 1)) symbols in $unshipped"
