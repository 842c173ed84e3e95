#!/usr/bin/env bash
# Sets everything up and starts MigMap.
#   tools/run.sh                      the application window
#   tools/run.sh --snapshot map.pdf   render a snapshot headless instead (.png, .svg or .pdf);
#                                     further options go to migmap-render (see --help)
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$top/_build"
"$top/tools/setup.sh" "$build" >&2

export MIGMAP_DATA_DIR="$top"
if [ "${1:-}" = "--snapshot" ]; then
  out=${2:?"--snapshot needs a file name, e.g. map.png"}
  shift 2
  exec "$build/src/cli/migmap-render" -o "$out" "$@"
fi
if [ -x "$build/src/app/migmap" ]; then
  exec "$build/src/app/migmap" "$@"
fi
# Until the window lands, show what the headless renderer makes.
out="$top/migmap-snapshot.png"
"$build/src/cli/migmap-render" --view mediterranean -o "$out" "$@"
echo "Wrote $out"
