#!/usr/bin/env bash
# Packs every package (Djpk.Metrics, .Csv, .Excel, .Phone, .Parquet, .Statistics, .Reporting), checks each one's dependencies, installs all seven as
# packages (not project references) into a fresh console app outside the solution, runs README's quick start
# (samples/Djpk.Metrics.Samples.QuickStart/Program.cs) and checks its output, under the host's culture, under Turkish and
# Indonesian cultures, and in invariant-globalization mode.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/Directory.Build.props)
packages=(Djpk.Metrics Djpk.Metrics.Csv Djpk.Metrics.Excel Djpk.Metrics.Phone Djpk.Metrics.Parquet Djpk.Metrics.Statistics Djpk.Metrics.Reporting)

for package in "${packages[@]}"; do
  dotnet pack "src/$package" -c Release -o "$work/feed" --nologo
  test -f "$work/feed/$package.$version.nupkg"
  test -f "$work/feed/$package.$version.snupkg"
  # The listing goes to a file first: `unzip -l | grep -q` under pipefail fails with SIGPIPE (141) when grep stops early.
  unzip -l "$work/feed/$package.$version.nupkg" > "$work/listing.txt"
  grep -q "lib/net10.0/$package.xml" "$work/listing.txt"
  grep -q 'package-readme.md' "$work/listing.txt"
done
ls "$work/feed"

# Each package depends only on the packages below it and its one external library.
dependencies() { unzip -p "$work/feed/$1.$version.nupkg" "$1.nuspec" | sed -n 's:.*<dependency id="\([^"]*\)".*:\1:p' | sort | tr '\n' ' '; }
check_dependencies() {
  actual=$(dependencies "$1")
  [ "$actual" = "$2" ] || { echo "$1 depends on '$actual', expected '$2'" >&2; exit 1; }
  echo "$1 depends on: $actual"
}
check_dependencies Djpk.Metrics "NodaTime System.IO.Hashing "
check_dependencies Djpk.Metrics.Csv "Djpk.Metrics Sylvan.Data.Csv "
check_dependencies Djpk.Metrics.Excel "Djpk.Metrics ExcelDataReader "
check_dependencies Djpk.Metrics.Phone "Djpk.Metrics libphonenumber-csharp "
check_dependencies Djpk.Metrics.Parquet "Djpk.Metrics Parquet.Net "
check_dependencies Djpk.Metrics.Statistics "Djpk.Metrics MathNet.Numerics "
check_dependencies Djpk.Metrics.Reporting "Djpk.Metrics Djpk.Metrics.Statistics "

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
    <PackageReference Include="Djpk.Metrics.Csv" Version="$version" />
    <PackageReference Include="Djpk.Metrics.Excel" Version="$version" />
    <PackageReference Include="Djpk.Metrics.Phone" Version="$version" />
    <PackageReference Include="Djpk.Metrics.Parquet" Version="$version" />
    <PackageReference Include="Djpk.Metrics.Statistics" Version="$version" />
    <PackageReference Include="Djpk.Metrics.Reporting" Version="$version" />
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
for package in "${packages[@]}"; do
  grep -q '"'"$package"'/'"$version"'"' "$work/consumer/obj/project.assets.json"   # resolved as a package
done
expected="$root/samples/Djpk.Metrics.Samples.QuickStart/expected-output.txt"
app="$work/consumer/bin/Release/net10.0/Consumer.dll"
dotnet "$app" | diff -u "$expected" -
LC_ALL=tr_TR.UTF-8 LANG=tr_TR.UTF-8 dotnet "$app" | diff -u "$expected" -
LC_ALL=id_ID.UTF-8 LANG=id_ID.UTF-8 dotnet "$app" | diff -u "$expected" -
DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 dotnet "$app" | diff -u "$expected" -
echo "consumer smoke test: the packed ${packages[*]} $version installed, and README's quick start gave the expected output"
