#!/usr/bin/env bash
# Runs README's test command (dotnet test tests/Djpk.Metrics.Tests) with a TRX logger, then prints "N passed, N failed, N skipped"
# alone on a line; exits with dotnet test's code.
set -uo pipefail
cd "$(dirname "$0")/.."
results=TestResults/ci
rm -rf "$results" && mkdir -p "$results"
dotnet test tests/Djpk.Metrics.Tests --logger trx --results-directory "$results" "$@" 2>&1 | tee "$results/console.log"
rc=${PIPESTATUS[0]}
passed=0 failed=0 skipped=0 found=0
shopt -s nullglob
for trx in "$results"/*.trx; do            # one TRX per test project
  found=1
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get total) - $(get executed)))   # xUnit skips are not in notExecuted
done
if [ "$found" = 0 ]; then   # fallback: the console summary lines
  while read -r f p s; do failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s)); done \
  < <(sed -nE -e 's/^(Passed|Failed)! +- Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+),.*/\2 \3 \4/p' \
              -e 's/^Test summary: total: [0-9]+, failed: ([0-9]+), succeeded: ([0-9]+), skipped: ([0-9]+),.*/\1 \2 \3/p' \
              "$results/console.log")
fi
[ "$rc" -ne 0 ] && echo "dotnet test exited with $rc" >&2
echo "$passed passed, $failed failed, $skipped skipped" | tee "$results/summary.txt"
exit "$rc"
