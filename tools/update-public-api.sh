#!/usr/bin/env bash
# Brings each package's PublicAPI.Unshipped.txt in line with the code: adds every public symbol the build reports as
# undeclared (RS0016) and removes every declared symbol it no longer finds (RS0017, e.g. a changed signature).
# Run it after changing public API on purpose; review the diff of the PublicAPI.Unshipped.txt files before committing.
# Usage: tools/update-public-api.sh [src/PROJECT ...]   (default: every project under src/)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
if [ "$#" -gt 0 ]; then projects=("$@"); else projects=(src/*/); fi
for project in "${projects[@]}"; do
  project=${project%/}
  name=$(basename "$project")
  unshipped="$project/PublicAPI.Unshipped.txt"
  [ -f "$unshipped" ] || continue
  log=$(mktemp)
  dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 | grep -F "[$root/$project/$name.csproj]" >"$log" || true
  sed -n "s/.*RS0017: Symbol '\(.*\)' is part of the declared API, but is either not public or could not be found.*/\1/p" "$log" | sort -u > "$log.removed"
  {
    grep -v '^#nullable enable$' "$unshipped" | grep -vxF -f "$log.removed" || true
    sed -n "s/.*RS0016: Symbol '\(.*\)' is not part of the declared public API.*/\1/p" "$log"
  } | { grep -v '^$' || true; } | sort -u > "$log.symbols"
  { echo '#nullable enable'; cat "$log.symbols"; } > "$unshipped"
  rm -f "$log" "$log.removed" "$log.symbols"
  echo "$(($(wc -l < "$unshipped") - 1)) symbols in $unshipped"
done
