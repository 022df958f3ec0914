#!/usr/bin/env bash
# Fuzzes one target under AFL++ (Debian's afl++) for SECONDS, starting from fuzz/corpus/TARGET.
# Usage: bash fuzz/run.sh TARGET SECONDS      targets: jsonl csv adonet claims numbers report-json
# Builds and instruments first (fuzz/build.sh) unless FUZZ_NO_BUILD=1. Findings go to fuzz/findings/TARGET/default/
# (crashes/, hangs/, queue/); exits 1 when afl-fuzz saved a crash. Reproduce one with
#   dotnet fuzz/out/Djpk.Metrics.Fuzz.dll TARGET < fuzz/findings/TARGET/default/crashes/id:000000…
# and, once fixed, minimize it (afl-tmin) into fuzz/corpus/TARGET/regress-… as a regression seed.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 2 ]; then
  echo "usage: bash fuzz/run.sh TARGET SECONDS" >&2
  exit 64
fi
target=$1 seconds=$2
if [ ! -d "fuzz/corpus/$target" ]; then
  echo "no corpus fuzz/corpus/$target: unknown target" >&2
  exit 64
fi
command -v afl-fuzz > /dev/null || { echo "afl-fuzz is missing: apt-get install -y afl++" >&2; exit 1; }
if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  bash fuzz/build.sh || exit 1
fi
out="fuzz/findings/$target"
rm -rf "$out"
mkdir -p "$out"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 \
  AFL_AUTORESUME=0 AFL_FORKSRV_INIT_TMOUT=60000 DOTNET_TieredPGO=0
# -V ends the run after SECONDS of fuzzing; timeout is a guard in case afl-fuzz hangs at start.
timeout -s INT $((seconds + 90)) afl-fuzz -V "$seconds" -i "fuzz/corpus/$target" -o "$out" -t 10000 -m none \
  -- dotnet fuzz/out/Djpk.Metrics.Fuzz.dll "$target" > "$out/afl.log" 2>&1
afl_rc=$?
stats="$out/default/fuzzer_stats"
if [ ! -f "$stats" ]; then
  echo "$target: afl-fuzz did not start (rc $afl_rc); see $out/afl.log" >&2
  tail -20 "$out/afl.log" >&2
  exit 1
fi
get() { sed -n "s/^$1 *: *//p" "$stats"; }
crashes=$(find "$out/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
hangs=$(find "$out/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
echo "$target: $(get execs_done) execs in $(get run_time)s ($(get execs_per_sec)/s), corpus $(get corpus_count), crashes $crashes, hangs $hangs"
if [ "$crashes" -gt 0 ]; then
  for crash in "$out"/default/crashes/id:*; do
    echo "crash: $crash" >&2
    dotnet fuzz/out/Djpk.Metrics.Fuzz.dll "$target" < "$crash" 2>&1 | head -20 >&2
  done
  exit 1
fi
exit 0
