#!/usr/bin/env bash
# Adds every public symbol that the build reports as undeclared (RS0016) to src/Djpk.Metrics/PublicAPI.Unshipped.txt.
# Run it after adding public API on purpose; review the diff of PublicAPI.Unshipped.txt before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
project=src/Djpk.Metrics
unshipped="$project/PublicAPI.Unshipped.txt"
log=$(mktemp)
dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 >"$log" || true
{
  tail -n +2 "$unshipped"
  sed -n "s/.*RS0016: Symbol '\(.*\)' is not part of the declared public API.*/\1/p" "$log"
} | sort -u > "$log.symbols"
{ echo '#nullable enable'; cat "$log.symbols"; } > "$unshipped"
rm -f "$log" "$log.symbols"
echo "$(($(wc -l < "$unshipped") - 1)) symbols in $unshipped"
