#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Rebuild shapes/disputed_lines.* (the boundaries drawn dashed) from the
# bundled shapes and Natural Earth's claim areas (tools/disputed-lines.sql).
# Re-runnable; run by tools/build-shapes.sh, needs gdal-bin.
#   usage: tools/build-disputed-lines.sh
set -euo pipefail

tools=$(cd "$(dirname "$0")" && pwd)
out=$(dirname "$tools")/shapes
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ogr2ogr -f SQLite -dsco SPATIALITE=YES "$tmp/lines.sqlite" "$out/ne_10m_admin0.shp" \
    -nln countries -nlt MULTIPOLYGON
ogr2ogr -update -f SQLite "$tmp/lines.sqlite" "$tools/data/ne_10m_disputed_selected.geojson" \
    -nln disputed -nlt MULTIPOLYGON
rm -f "$out"/disputed_lines.{shp,shx,dbf,prj,cpg}
ogr2ogr -f "ESRI Shapefile" "$out/disputed_lines.shp" "$tmp/lines.sqlite" \
    -sql @"$tools/disputed-lines.sql" -nln disputed_lines -nlt MULTILINESTRING -a_srs EPSG:4326 \
    -lco ENCODING=UTF-8 -lco RESIZE=YES -lco DBF_DATE_LAST_UPDATE=2024-12-07
n=$(ogrinfo -ro -so "$out/disputed_lines.shp" disputed_lines | sed -n 's/^Feature Count: //p')
[ "$n" = 5 ] || { echo "ERROR: $n disputed lines, expected 5" >&2; exit 1; }
