#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets everything up and starts MigMap.
#   tools/run.sh [OPTIONS]            the application window (options such as --shapes FILE.shp)
#   tools/run.sh --snapshot map.pdf   render a snapshot headless instead (.png, .svg or .pdf);
#                                     further options go to migmap-render (see --help)
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$top/_build"
"$top/tools/setup.sh" "$build" >&2

# Run from the build tree: data, compiled settings schema and translations.
export MIGMAP_DATA_DIR="$top"
export GSETTINGS_SCHEMA_DIR="$build/data"
export MIGMAP_LOCALEDIR="$build/po"

if [ "${1:-}" = "--snapshot" ]; then
  out=${2:?"--snapshot needs a file name, e.g. map.png"}
  shift 2
  exec "$build/src/cli/migmap-render" -o "$out" "$@"
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run.sh: no display to open the window on; try: tools/run.sh --snapshot map.pdf --layout page" >&2
  exit 1
fi
exec "$build/src/app/migmap" "$@"
