#!/usr/bin/env bash
# Packs the djpk-metrics tool with the packages it depends on into a local feed, installs it with `dotnet tool install
# --tool-path`, writes a small CSV log with this script (not the sample's generator), runs `djpk-metrics report` (text and
# HTML) and `aggregate` on it and checks their output, exit codes included; then `report --profile FILE` with another agency's profile.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/Directory.Build.props)

for package in Djpk.Metrics Djpk.Metrics.Csv Djpk.Metrics.Excel Djpk.Metrics.Phone Djpk.Metrics.Statistics Djpk.Metrics.Reporting Djpk.Metrics.Tool; do
  dotnet pack "src/$package" -c Release -o "$work/feed" --nologo -v quiet
done
test -f "$work/feed/Djpk.Metrics.Tool.$version.nupkg"
dotnet tool install --tool-path "$work/bin" --add-source "$work/feed" Djpk.Metrics.Tool --version "$version"
tool="$work/bin/djpk-metrics"

# 40 consultations: December 2022, November and December 2023, in three timestamp styles; one user per row number mod 7.
{
  echo "timestamp,channel,segment,topic,user,id"
  channels=(whatsapp phone email hai-kemenkeu live-chat)
  segments=(akademisi pemda kementerian-lembaga lainnya)
  for i in $(seq 0 39); do
    case $((i % 3)) in
      0) ts="2023-12-$(printf '%02d' $((1 + i % 28)))T09:00:00+07:00" ;;
      1) ts="2023-11-$(printf '%02d' $((1 + i % 28)))T02:00:00Z" ;;
      2) ts="2022-12-$(printf '%02d' $((1 + i % 28))) 10:30" ;;
    esac
    echo "$ts,${channels[$((i % 5))]},${segments[$((i % 4))]},DBH,$((i % 7)),row-$i"
  done
} > "$work/my.csv"

cd "$work"
"$tool" report --log my.csv --month 2023-12 --format text --out r.txt
# 14 rows fall in December 2023 (i = 0, 3, …, 39), 13 in November 2023.
text=$(cat r.txt)
grep -qF "Laporan Layanan Informasi DJPK — Desember 2023" <<<"$text" || { echo "r.txt lacks its title" >&2; exit 1; }
grep -qF "Jumlah konsultasi di bulan Desember 2023 sebanyak 14 konsultasi" <<<"$text" || { echo "r.txt lacks December's count" >&2; exit 1; }

"$tool" report --log my.csv --month 2023-12 --format html --out r.html
html=$(cat r.html)
grep -qF '<!DOCTYPE html>' <<<"$html" || { echo "r.html is not HTML" >&2; exit 1; }
grep -qF 'data-figure="consultations.total">14<' <<<"$html" || { echo "r.html lacks December's count" >&2; exit 1; }
grep -qiF '<script' <<<"$html" && { echo "r.html has a script: it must be self-contained" >&2; exit 1; }

csv=$("$tool" aggregate --log my.csv --by channel --grain year)
expected=$'period,channel,count\n2022,whatsapp,3\n2022,phone,2\n2022,email,3\n2022,hai-kemenkeu,3\n2022,live-chat,2\n2023,whatsapp,5\n2023,phone,6\n2023,email,5\n2023,hai-kemenkeu,5\n2023,live-chat,6'
[ "$csv" = "$expected" ] || { echo "aggregate gave:"; echo "$csv"; exit 1; } >&2

# Another agency's profile file (docs/tool.md, "Profile files"): its channels, zone and title, none of DJPK's words.
cat > prov.json <<'JSON'
{"schema": 1, "name": "nusa-sejahtera",
 "channels": [{"id": "sms", "kind": "consultation", "name": {"id": "SMS Center Provinsi", "en": "Provincial SMS centre"}, "aliases": ["Pesan Singkat"]}],
 "segments": [{"id": "warga", "name": {"id": "Warga", "en": "Residents"}, "includes": "Warga provinsi"}],
 "settings": {"zone": "Asia/Makassar"},
 "wording": {"id": {"title": "Laporan Bulanan Provinsi Nusa Sejahtera — {month}"}}}
JSON
printf 'timestamp,channel,segment,user\n2026-10-01 09:30,sms,warga,1\n2026-10-31 23:30,Pesan Singkat,warga,2\n' > prov.csv
prov=$("$tool" report --log prov.csv --month 2026-10 --profile prov.json)
grep -qF "Laporan Bulanan Provinsi Nusa Sejahtera — Oktober 2026" <<<"$prov" || { echo "the profile's report lacks its title:"; echo "$prov"; exit 1; } >&2
grep -qF "Jumlah konsultasi di bulan Oktober 2026 sebanyak 2 konsultasi" <<<"$prov" || { echo "the profile's report lacks October's count:"; echo "$prov"; exit 1; } >&2
grep -qiE "DJPK|Kemenkeu" <<<"$prov" && { echo "the profile's report names DJPK:"; echo "$prov"; exit 1; } >&2

# A bad row: strict by default in report (exit 1, one line on stderr), collected by ingest (exit 0); a usage error is 2.
echo "2023-12-31T10:00:00+07:00,telegram,pemda,DBH,1,bad" >> my.csv
set +e
"$tool" report --log my.csv --month 2023-12 > /dev/null 2> err.txt; report_rc=$?
summary=$("$tool" ingest my.csv); ingest_rc=$?
"$tool" report --log my.csv --month 2023-13 > /dev/null 2>&1; usage_rc=$?
"$tool" report --log my.csv --month 2023-12 --profile no-such-profile.json > /dev/null 2>&1; profile_rc=$?
set -e
[ "$report_rc" -eq 1 ] && [ "$(wc -l < err.txt)" -eq 1 ] || { echo "report on a bad row: rc=$report_rc, stderr:"; cat err.txt; exit 1; } >&2
[ "$ingest_rc" -eq 0 ] && [ "$(head -n 1 <<<"$summary")" = "41 rows read: 40 accepted, 1 rejected (UnknownChannel 1)" ] || { echo "ingest: rc=$ingest_rc"; echo "$summary"; exit 1; } >&2
[ "$usage_rc" -eq 2 ] || { echo "a usage error gave rc=$usage_rc" >&2; exit 1; }
[ "$profile_rc" -eq 2 ] || { echo "a missing profile file gave rc=$profile_rc" >&2; exit 1; }
echo "tool smoke test: Djpk.Metrics.Tool $version installed from the local feed; report (also with a profile file), aggregate and ingest gave the expected output and exit codes"
