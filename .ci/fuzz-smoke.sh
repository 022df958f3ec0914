#!/usr/bin/env bash
# Fuzz smoke test: replays the committed corpus (seeds and the regression inputs of every fixed finding,
# fuzz/corpus/TARGET/regress-*) through every target, then fuzzes each target under AFL++ for
# FUZZ_SMOKE_SECONDS (20) seconds. Fails on any finding. Installs afl++ (apt-get) and SharpFuzz.CommandLine
# (local tool, dotnet-tools.json) when missing. About 3-4 minutes on 2 cores.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
seconds=${FUZZ_SMOKE_SECONDS:-20}
start=$SECONDS
if ! command -v afl-fuzz > /dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ > /dev/null) || { echo "cannot install afl++" >&2; exit 1; }
fi
dotnet tool restore > /dev/null || exit 1
bash fuzz/build.sh || { echo "the fuzz harness does not build" >&2; exit 1; }
rc=0
targets=$(dotnet fuzz/out/Djpk.Metrics.Fuzz.dll --list) || exit 1
for target in $targets; do
  dotnet fuzz/out/Djpk.Metrics.Fuzz.dll "$target" --replay "fuzz/corpus/$target" || rc=1
done
for target in $targets; do
  FUZZ_NO_BUILD=1 bash fuzz/run.sh "$target" "$seconds" || rc=1
done
echo "fuzz smoke: rc=$rc in $((SECONDS - start)) s"
exit "$rc"
