#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Rebuilds the broken and small shapefiles the tests read.  Needs gdal-bin.
# Run from anywhere: tests/data/make-fixtures.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shapes="$here/../../shapes/ne_50m_admin0.shp"
cd "$here"
rm -f small.* truncated.* no-dbf.* points.* empty.shp not-a-shapefile.shp

# Two countries, small enough to commit.
ogr2ogr -q -f "ESRI Shapefile" small.shp "$shapes" -where "ISO_A3 IN ('MLT','TUN')"

# Cut mid-record: the header still announces the full length.
for ext in shx dbf prj; do cp "small.$ext" "truncated.$ext"; done
head -c $(( $(stat -c %s small.shp) / 2 )) small.shp > truncated.shp

# A shapefile whose attribute table went missing.
cp small.shp no-dbf.shp
cp small.shx no-dbf.shx

# Points, not polygons.
printf 'name,lon,lat\nValletta,14.5146,35.8989\nTunis,10.1815,36.8065\n' > points.csv
ogr2ogr -q -f "ESRI Shapefile" points.shp points.csv -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat
rm points.csv

: > empty.shp
printf 'name,code\nMalta,MLT\n' > not-a-shapefile.shp
