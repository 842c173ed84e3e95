#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the bundled 1:10m countries densified with ogr2ogr -segmentize (gdal-bin)
# into a cache directory, never into the tree: bench/growth.py uses them.
#
#   bench/make-dense-shapes.sh [DIR]   (default: $XDG_CACHE_HOME/migmap-bench)
#
# dense2m: -segmentize 0.01 (~2 million vertices), dense6m: -segmentize 0.003 (~6 million).
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${1:-"${XDG_CACHE_HOME:-$HOME/.cache}/migmap-bench"}
mkdir -p "$dir"
for spec in dense2m:0.01 dense6m:0.003; do
  name=${spec%%:*} step=${spec#*:}
  if [ ! -s "$dir/$name.shp" ]; then
    rm -f "$dir/$name".*
    ogr2ogr -f "ESRI Shapefile" -segmentize "$step" -lco ENCODING=UTF-8 "$dir/$name.shp" "$top/shapes/ne_10m_admin0.shp"
  fi
  echo "$dir/$name.shp"
done
