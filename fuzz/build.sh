#!/usr/bin/env bash
# Publishes the fuzz harness to fuzz/out and instruments the library assemblies for AFL++ with SharpFuzz
# (restored as a local tool from dotnet-tools.json). Usage: bash fuzz/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore > /dev/null
rm -rf fuzz/out   # dotnet publish keeps an unchanged, already instrumented dll, and sharpfuzz refuses one
dotnet publish fuzz/Djpk.Metrics.Fuzz -c Release -o fuzz/out --nologo -v quiet
for dll in Djpk.Metrics Djpk.Metrics.Csv Djpk.Metrics.Reporting; do
  dotnet sharpfuzz "fuzz/out/$dll.dll"
done
