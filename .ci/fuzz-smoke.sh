#!/usr/bin/env bash
# Fuzz smoke test: replays the committed corpus (seeds and the regression inputs of every fixed finding,
# fuzz/corpus/TARGET/regress-*) through every target, then fuzzes each target under AFL++ for
# FUZZ_SMOKE_SECONDS (20) seconds, two at a time. Fails on any finding. Installs afl++ (apt-get) and SharpFuzz.CommandLine
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
mkdir -p fuzz/findings
rc=0
targets=$(dotnet fuzz/out/Djpk.Metrics.Fuzz.dll --list) || exit 1
for target in $targets; do
  dotnet fuzz/out/Djpk.Metrics.Fuzz.dll "$target" --replay "fuzz/corpus/$target" || rc=1
done
# Two targets at a time (afl-fuzz is single-threaded; CI has 2 cores): about 3 x 20 s.
jobs=${FUZZ_SMOKE_JOBS:-2}
set -- $targets
while [ $# -gt 0 ]; do
  pids=() names=()
  for _ in $(seq 1 "$jobs"); do
    [ $# -gt 0 ] || break
    FUZZ_NO_BUILD=1 bash fuzz/run.sh "$1" "$seconds" > "fuzz/findings/smoke-$1.log" 2>&1 &
    pids+=($!) names+=("$1")
    shift
  done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || rc=1
    cat "fuzz/findings/smoke-${names[$i]}.log"
  done
done
echo "fuzz smoke: rc=$rc in $((SECONDS - start)) s"
exit "$rc"
