#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian packages MigMap needs (only those missing), then
# configures and builds it.  Usage: tools/setup.sh [BUILD_DIR [MESON_OPTIONS...]]
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-"$top/_build"}
shift || true

mapfile -t wanted < <(grep -v '^\s*\(#\|$\)' "$top/tools/debian-packages.txt")
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ -f "$build/build.ninja" ]; then
  [ $# -eq 0 ] || meson configure "$build" "$@"
else
  meson setup "$build" "$top" "$@"
fi
ninja -C "$build"
