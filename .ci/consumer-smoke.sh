#!/usr/bin/env bash
# Packs Djpk.Metrics, installs it as a package (not a project reference) into a fresh console app outside the
# solution, runs README's quick start (samples/Djpk.Metrics.Samples.QuickStart/Program.cs) and checks its output,
# under the host's culture, under Turkish and Indonesian cultures, and in invariant-globalization mode.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/Djpk.Metrics/Djpk.Metrics.csproj)

dotnet pack src/Djpk.Metrics -c Release -o "$work/feed" --nologo
ls "$work/feed"
test -f "$work/feed/Djpk.Metrics.$version.nupkg"
test -f "$work/feed/Djpk.Metrics.$version.snupkg"
unzip -l "$work/feed/Djpk.Metrics.$version.nupkg" | grep -q 'lib/net10.0/Djpk.Metrics.xml'
unzip -l "$work/feed/Djpk.Metrics.$version.nupkg" | grep -q 'package-readme.md'

mkdir -p "$work/consumer"
cat > "$work/consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Djpk.Metrics" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$work/consumer/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$work/feed" />
  </packageSources>
</configuration>
XML
cp samples/Djpk.Metrics.Samples.QuickStart/Program.cs "$work/consumer/Program.cs"
( cd "$work/consumer" && dotnet build -c Release --nologo -v quiet )
grep -q '"Djpk.Metrics/'"$version"'"' "$work/consumer/obj/project.assets.json"   # resolved as a package
expected="$root/samples/Djpk.Metrics.Samples.QuickStart/expected-output.txt"
app="$work/consumer/bin/Release/net10.0/Consumer.dll"
dotnet "$app" | diff -u "$expected" -
LC_ALL=tr_TR.UTF-8 LANG=tr_TR.UTF-8 dotnet "$app" | diff -u "$expected" -
LC_ALL=id_ID.UTF-8 LANG=id_ID.UTF-8 dotnet "$app" | diff -u "$expected" -
DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 dotnet "$app" | diff -u "$expected" -
echo "consumer smoke test: the packed Djpk.Metrics $version ran README's quick start with the expected output"
