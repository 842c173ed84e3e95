#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Rebuild shapes/ne_{50m,10m}_admin0.* (Natural Earth admin-0 countries) from
# the npm package world-atlas. Re-runnable; needs Debian's apt and npm only.
#   usage: tools/build-shapes.sh
set -euo pipefail

WORLD_ATLAS_VERSION=2.0.2
# sha1 of the registry tarball (npm's dist.shasum), so a changed upload fails.
WORLD_ATLAS_SHA1=4bca4a578f3a413bd409c3f07f2054fe7375824f
PY=/usr/bin/python3          # Debian's python, not whatever is first on PATH
ISO_JSON=/usr/share/iso-codes/json/iso_3166-1.json

tools=$(cd "$(dirname "$0")" && pwd)
out=$(dirname "$tools")/shapes

# Install the tools only when one is missing, so a ready machine needs no apt.
if ! command -v ogr2ogr >/dev/null || ! command -v npm >/dev/null ||
   [ ! -x "$PY" ] || [ ! -f "$ISO_JSON" ]; then
    sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)
    $sudo apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y gdal-bin iso-codes npm python3
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# npm pack fetches just the tarball: no node_modules, nothing left in the repo.
(cd "$tmp" && npm pack --silent "world-atlas@$WORLD_ATLAS_VERSION" >/dev/null)
tgz=$tmp/world-atlas-$WORLD_ATLAS_VERSION.tgz
echo "$WORLD_ATLAS_SHA1  $tgz" | sha1sum -c --quiet
tar -xzf "$tgz" -C "$tmp"

mkdir -p "$out"
for res in 50m 10m; do
    name=ne_${res}_admin0
    echo "== $name"
    ogr2ogr -f GeoJSON "$tmp/$res-raw.geojson" "$tmp/package/countries-$res.json" countries
    # ISO codes, merge by code, antimeridian split, sorted by ISO_A3.
    "$PY" "$tools/fix-shapes.py" fix "$tmp/$res-raw.geojson" "$tmp/$res-fixed.geojson"
    # world-atlas's quantization leaves self-intersecting rings in 10m (tiny
    # loops and spikes); GEOS repairs them, then clean drops the slivers.
    ogr2ogr -f GeoJSON "$tmp/$res-valid.geojson" "$tmp/$res-fixed.geojson" \
        -makevalid -nlt MULTIPOLYGON 2>"$tmp/makevalid.log" || { cat "$tmp/makevalid.log" >&2; exit 1; }
    # Crimea to Ukraine, the Golan to Syria, all of Western Sahara apart from
    # Morocco, as the UN and the EU draw them (tools/disputed-areas.sql), on
    # the repaired rings: GEOS refuses to cut invalid ones.
    rm -f "$tmp/$res.sqlite"
    ogr2ogr -f SQLite -dsco SPATIALITE=YES "$tmp/$res.sqlite" "$tmp/$res-valid.geojson" \
        -nln countries -nlt MULTIPOLYGON
    ogr2ogr -update -f SQLite "$tmp/$res.sqlite" "$tools/data/ne_${res}_disputed_selected.geojson" \
        -nln disputed -nlt MULTIPOLYGON
    ogr2ogr -f GeoJSON "$tmp/$res-redrawn.geojson" "$tmp/$res.sqlite" \
        -sql @"$tools/disputed-areas.sql" -nln countries
    mv "$tmp/$res-redrawn.geojson" "$tmp/$res-valid.geojson"
    "$PY" "$tools/fix-shapes.py" clean "$tmp/$res-valid.geojson" "$tmp/$res.geojson"
    rm -f "$out/$name".{shp,shx,dbf,prj,cpg}
    # RESIZE shrinks the text fields to their longest value; ENCODING writes
    # .cpg; a fixed .dbf date (world-atlas's release) keeps re-runs identical.
    ogr2ogr -f "ESRI Shapefile" "$out/$name.shp" "$tmp/$res.geojson" \
        -nln "$name" -nlt MULTIPOLYGON -a_srs EPSG:4326 \
        -lco ENCODING=UTF-8 -lco RESIZE=YES -lco DBF_DATE_LAST_UPDATE=2024-12-07
    # Verify what was written, read back through GDAL: bounds, no >180 deg
    # jumps, ring orientation, unique codes, required countries present.
    ogr2ogr -f GeoJSON "$tmp/$res-check.geojson" "$out/$name.shp"
    "$PY" "$tools/fix-shapes.py" check "$tmp/$res-check.geojson"
    invalid=$(ogrinfo -ro -q -dialect sqlite -sql \
        "SELECT COUNT(*) AS n FROM $name WHERE NOT ST_IsValid(geometry)" "$out/$name.shp" |
        sed -n 's/^ *n (Integer) = //p')
    [ "$invalid" = 0 ] || { echo "ERROR: $invalid invalid geometries in $name" >&2; exit 1; }
done
# The boundaries drawn dashed, from the 10m shapes just written.
"$tools/build-disputed-lines.sh"
ls -l "$out"
