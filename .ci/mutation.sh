#!/usr/bin/env bash
# Mutation gate (docs: /work/shared/docs/TESTING.md section 7): runs Stryker.NET, restored as a local tool from
# dotnet-tools.json, on one folder of the exact core src/Djpk.Metrics (Comparison, Periods, Aggregation, Formatting)
# with the tests of tests/Djpk.Metrics.Tests, and fails (exit 2) when the score is below thresholds.break in
# stryker-config.json (85). Usage: bash .ci/mutation.sh [FOLDER]   (default Comparison; about 5-10 min on 2 cores)
# Reports: StrykerOutput/FOLDER/reports/mutation-report.{json,html}; the score is printed as "mutation score: N %".
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
folder=${1:-Comparison}
if [ ! -d "src/Djpk.Metrics/$folder" ]; then
  echo "no folder src/Djpk.Metrics/$folder" >&2
  exit 64
fi
dotnet tool restore > /dev/null || exit 1
# Only the tests of the folder's own area run against its mutants (deterministic rows and properties), which keeps a
# run to minutes; MUTATION_TEST_FILTER overrides it ("" runs every test that covers a mutant).
case "$folder" in
  Formatting) default_filter="FullyQualifiedName~ReportFormatter" ;;
  # AggregateJson's tests live with the other serializers (Ingest/AggregateJsonTests.cs, namespace ...Serialization).
  Aggregation) default_filter="FullyQualifiedName~Djpk.Metrics.Tests.Aggregation.|FullyQualifiedName~Djpk.Metrics.Tests.Serialization.AggregateJsonTests" ;;
  *) default_filter="FullyQualifiedName~Djpk.Metrics.Tests.$folder." ;;
esac
filter=${MUTATION_TEST_FILTER-$default_filter}
filter_args=()
[ -n "$filter" ] && filter_args=(--test-case-filter "$filter")
out="$PWD/StrykerOutput/$folder"
rm -rf "$out"
(cd tests/Djpk.Metrics.Tests && dotnet stryker --skip-version-check --config-file ../../stryker-config.json \
  --mutate "**/$folder/**/*.cs" "${filter_args[@]}" --output "$out")
rc=$?
report="$out/reports/mutation-report.json"
if [ -f "$report" ]; then
  python3 - "$report" "$folder" <<'PY' || true
import json, sys, collections
files = json.load(open(sys.argv[1]))["files"]
c = collections.Counter(m["status"] for f in files.values() for m in f["mutants"])
detected = c["Killed"] + c["Timeout"]
valid = detected + c["Survived"] + c["NoCoverage"]
print(f"{sys.argv[2]}: mutation score: {100 * detected / valid:.2f} % ({c['Killed']} killed, {c['Timeout']} timeout, "
      f"{c['Survived']} survived, {c['NoCoverage']} no coverage, {c['CompileError']} compile errors, {c['Ignored']} ignored)")
PY
fi
exit "$rc"
