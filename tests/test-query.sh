#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# migmap-query as researchers and scripts use it: ranked search, a country's
# things, CSV and GeoJSON that GDAL (QGIS's reader) opens, clear usage errors.
# Needs $MIGMAP_QUERY; ogrinfo from gdal-bin.
set -u

query="$MIGMAP_QUERY"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Without --catalogue the user's catalogue is read once it exists: not the
# real home's, so these read the bundled one.
XDG_DATA_HOME="$tmp/xdg"
export XDG_DATA_HOME
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; shift; for line in "$@"; do echo "# $line"; done; }

# search TEXT: the first line is KIND<TAB>ID<TAB>LABEL of what was meant.
first_is () {
  text=$1 kind=$2 id=$3
  out=$("$query" --language en search "$text" 2>"$tmp/err")
  first=$(printf '%s\n' "$out" | head -n 1 | cut -f 1,2)
  want=$(printf '%s\t%s' "$kind" "$id")
  if [ "$first" = "$want" ]; then ok "search \"$text\" -> $kind $id"
  else not_ok "search \"$text\" -> $kind $id" "got: $first" "$(cat "$tmp/err")"; fi
}

first_is "Turkey" country TUR
first_is "Cape Verde" country CPV
first_is "Tunsia" country TUN
first_is "Maroc" country MAR
first_is "لبنان" country LBN
first_is "Tunis" place tunis
first_is "AMEDIP" project amedip
first_is "EU-27" group eu-27-2007-2013
first_is "Frontex" organisation frontex
first_is "RO MED" place ro-med
first_is "5+5" dialogue five-plus-five

# Every line has three tab-separated fields and a known kind.
"$query" search "migration" > "$tmp/lines"
if [ -s "$tmp/lines" ] && awk -F '\t' 'NF != 3 || $1 !~ /^(country|project|group|dialogue|organisation|place|event|document)$/ { bad = 1 } END { exit bad }' "$tmp/lines"
then ok "search lines are KIND<TAB>ID<TAB>LABEL"
else not_ok "search lines are KIND<TAB>ID<TAB>LABEL" "$(head -n 3 "$tmp/lines")"; fi

# Labels in the interface language: iso-codes' French name.
label=$("$query" --language fr search LBN | head -n 1 | cut -f 3)
if [ "$label" = "Liban" ]; then ok "--language fr labels Lebanon Liban"
else not_ok "--language fr labels Lebanon Liban" "got: $label"; fi

# country ISO3 [--date D]
"$query" country TUN > "$tmp/tun"
if grep -q "^project	ibm-tunisia-iii	" "$tmp/tun" && grep -q "^event	amedip-workshop-tunis	" "$tmp/tun" && grep -q "^group	" "$tmp/tun"
then ok "country TUN lists its groups, projects and events"
else not_ok "country TUN lists its groups, projects and events" "$(cat "$tmp/tun")"; fi
"$query" country TUN --date 2012-11-07 > "$tmp/tun-2012"
if grep -q "^event	amedip-workshop-tunis	" "$tmp/tun-2012" && ! grep -q "^event	amedip-workshop-dakar" "$tmp/tun-2012" &&
   [ "$(wc -l < "$tmp/tun-2012")" -lt "$(wc -l < "$tmp/tun")" ]
then ok "country TUN --date keeps what was on that day"
else not_ok "country TUN --date keeps what was on that day" "$(cat "$tmp/tun-2012")"; fi

# ... and what the state funds as a donor, one line each: funds<TAB>ID<TAB>TITLE.
"$query" country FRA > "$tmp/fra"
if grep -q "^funds	amedip	Strengthening African" "$tmp/fra" && grep -q "^funds	stredeca	" "$tmp/fra" &&
   ! grep -q "^funds	mtm-i-map-2009-2010	" "$tmp/fra" && ! grep -q "^funds	" "$tmp/tun"
then ok "country FRA lists the projects France funds"
else not_ok "country FRA lists the projects France funds" "$(cat "$tmp/fra")"; fi

# export projects --format csv: the columns researchers asked for; GDAL opens it.
"$query" export projects --format csv --output "$tmp/projects.csv"
header=$(head -n 1 "$tmp/projects.csv" | tr -d '\r')
missing=""
for column in id acronym title start end countries implementing_agency partners donors objective source; do
  case ",$header," in *",$column,"*) ;; *) missing="$missing $column" ;; esac
done
if [ -z "$missing" ]; then ok "projects.csv has the columns"
else not_ok "projects.csv has the columns" "missing:$missing" "header: $header"; fi
if ogrinfo -ro -al -so "$tmp/projects.csv" > "$tmp/csv-info" 2>&1 && grep -q "Feature Count: 30" "$tmp/csv-info" &&
   grep -q "implementing_agency: String" "$tmp/csv-info"
then ok "ogrinfo opens projects.csv: 30 projects"
else not_ok "ogrinfo opens projects.csv: 30 projects" "$(cat "$tmp/csv-info")"; fi
# Lists joined by ";", an objective with commas and quotes in one field.
if ogrinfo -ro -al "$tmp/projects.csv" -where "id = 'linking-emigrant-communities'" > "$tmp/lec" 2>&1 &&
   grep -q "countries (String) = DZA;CPV;" "$tmp/lec" && grep -q 'objective (String) = This joint ICMPD-IOM project, of which the main deliverable has been an "Inventory' "$tmp/lec"
then ok "CSV fields: lists joined by ;, quotes and commas kept"
else not_ok "CSV fields: lists joined by ;, quotes and commas kept" "$(cat "$tmp/lec")"; fi

# export places --format geojson: points, approximate ones flagged.
"$query" export places --format geojson > "$tmp/places.geojson"
if ogrinfo -ro -al -so "$tmp/places.geojson" > "$tmp/geo-info" 2>&1 && grep -q "Geometry: Point" "$tmp/geo-info" &&
   grep -q "Feature Count: 33" "$tmp/geo-info"
then ok "ogrinfo opens places.geojson: 33 points"
else not_ok "ogrinfo opens places.geojson: 33 points" "$(cat "$tmp/geo-info")"; fi
ogrinfo -ro -al "$tmp/places.geojson" -where "id = 'ro-med'" > "$tmp/romed" 2>&1
ogrinfo -ro -al "$tmp/places.geojson" -where "id = 'tunis'" > "$tmp/tunis" 2>&1
if grep -q "approximate (Integer(Boolean)) = 1" "$tmp/romed" && grep -q "approximate (Integer(Boolean)) = 0" "$tmp/tunis" &&
   grep -q "POINT (10.16579 36.81897)" "$tmp/tunis"
then ok "RO MED (Malta, no city stated) is flagged approximate, Tunis is not"
else not_ok "RO MED (Malta, no city stated) is flagged approximate, Tunis is not" "$(cat "$tmp/romed" "$tmp/tunis")"; fi

for table in groups events; do
  for format in csv geojson; do
    "$query" export $table --format $format > "$tmp/$table.$format"
    if ogrinfo -ro -al -so "$tmp/$table.$format" > "$tmp/info" 2>&1 && grep -q "Feature Count: [1-9]" "$tmp/info"
    then ok "ogrinfo opens $table.$format"
    else not_ok "ogrinfo opens $table.$format" "$(cat "$tmp/info")"; fi
  done
done
all=$("$query" export groups --format csv | wc -l)
dated=$("$query" export groups --format csv --date 2021 | wc -l)
if [ "$dated" -lt "$all" ] && [ "$dated" -gt 1 ]; then ok "export --date keeps the groups valid then"
else not_ok "export --date keeps the groups valid then" "all $all, 2021: $dated"; fi

# Usage errors: exit 2 and a message that says what is wrong.
usage () {
  what=$1; shift
  "$query" "$@" > /dev/null 2> "$tmp/err"
  status=$?
  if [ $status -eq 2 ] && grep -q "^migmap-query: .*$what" "$tmp/err"; then ok "usage error: $*"
  else not_ok "usage error: $*" "exit $status" "$(cat "$tmp/err")"; fi
}
usage "a command is required"
usage "unknown command \"find\"" find x
usage "exactly one argument" search
usage "\"tables\" is not projects" export tables --format csv
usage "--format csv or --format geojson is required" export places
usage "\"kml\" is not csv or geojson" export places --format kml
usage "\"yesterday\" is not a date" country TUN --date yesterday
usage "\"XYZ\" is not an ISO 3166-1 alpha-3" country XYZ
usage "\"de\" is not ar, en or fr" --language de search x
usage "Unknown option" --frobnicate search x

# A catalogue that cannot be read: exit 1, the file named.
printf '{"schema_version": 1, "sources": [' > "$tmp/broken.json"
"$query" --catalogue "$tmp/broken.json" search x > /dev/null 2> "$tmp/err"
status=$?
if [ $status -eq 1 ] && grep -q "broken.json" "$tmp/err"; then ok "a broken catalogue: exit 1, file named"
else not_ok "a broken catalogue: exit 1, file named" "exit $status" "$(cat "$tmp/err")"; fi

echo "1..$n"
exit $failed
