#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Consistency checks of the desktop integration files in data/ (TAP output):
# the application id is the same everywhere, the icons exist, parse and have the right
# size, and the compiled GSettings schema holds exactly the expected keys.
#
# usage: test-desktop-files.sh SOURCE_DATA_DIR [BUILD_DATA_DIR]
# BUILD_DATA_DIR (the build's data/ with gschemas.compiled) enables the schema key check.

set -u

app_id=io.github.migmap.MigMap
src=${1:?usage: test-desktop-files.sh SOURCE_DATA_DIR [BUILD_DATA_DIR]}
build=${2:-}

desktop=$src/$app_id.desktop.in
metainfo=$src/$app_id.metainfo.xml.in
schema=$src/$app_id.gschema.xml
icon=$src/icons/hicolor/scalable/apps/$app_id.svg
symbolic=$src/icons/hicolor/symbolic/apps/$app_id-symbolic.svg

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
check() { # check DESCRIPTION EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "expected: $2" "got:      $3"; fi
}

# One value of a key in the [Desktop Entry] group.
desktop_value() { sed -n "s/^$1=//p" "$desktop" | head -n 1; }

for f in "$desktop" "$metainfo" "$schema" "$icon" "$symbolic"; do
  if [ -f "$f" ]; then ok "exists: ${f#"$src"/}"; else not_ok "exists: ${f#"$src"/}"; fi
done

# Desktop entry
check "desktop Icon is the application id" "$app_id" "$(desktop_value Icon)"
check "desktop Exec" "migmap" "$(desktop_value Exec)"
for key in Categories Keywords; do
  case $(desktop_value $key) in
    *\;) ok "desktop $key ends with ;" ;;
    *) not_ok "desktop $key ends with ;" "got: $(desktop_value $key)" ;;
  esac
done

# Metainfo
check "metainfo id is the application id" "$app_id" \
  "$(sed -n 's|^ *<id>\(.*\)</id>.*|\1|p' "$metainfo")"
check "metainfo launchable is the desktop file" "$app_id.desktop" \
  "$(sed -n 's|^ *<launchable type="desktop-id">\(.*\)</launchable>.*|\1|p' "$metainfo")"
check "metainfo provides migmap and migmap-render" "migmap migmap-render" \
  "$(sed -n 's|^ *<binary>\(.*\)</binary>.*|\1|p' "$metainfo" | tr '\n' ' ' | sed 's/ $//')"

# Schema
check "schema id is the application id" "$app_id" \
  "$(sed -n 's|.*<schema id="\([^"]*\)".*|\1|p' "$schema")"
check "schema path" "/io/github/migmap/MigMap/" \
  "$(sed -n 's|.*<schema [^>]*path="\([^"]*\)".*|\1|p' "$schema")"

expected_keys="language projection shapes-resolution show-markers view-center view-resolution visible-layers window-height window-maximized window-width"
if [ -z "$build" ]; then
  skip "compiled schema keys" "no build directory given"
elif ! command -v gsettings >/dev/null 2>&1; then
  skip "compiled schema keys" "gsettings not found"
elif [ ! -f "$build/gschemas.compiled" ]; then
  not_ok "compiled schema keys" "$build/gschemas.compiled is missing"
else
  keys=$(GSETTINGS_SCHEMA_DIR=$build GSETTINGS_BACKEND=memory gsettings list-keys "$app_id" 2>&1 |
    LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
  check "compiled schema keys" "$expected_keys" "$keys"
fi

# Icons: the declared size, and librsvg renders them.
check "icon is 128x128" 'width="128" height="128"' \
  "$(grep -o 'width="[0-9]*" height="[0-9]*"' "$icon" | head -n 1)"
check "symbolic icon is 16x16" 'width="16" height="16"' \
  "$(grep -o 'width="[0-9]*" height="[0-9]*"' "$symbolic" | head -n 1)"
if command -v rsvg-convert >/dev/null 2>&1; then
  for f in "$icon" "$symbolic"; do
    if err=$(rsvg-convert -w 32 -h 32 "$f" 2>&1 >/dev/null); then
      ok "rsvg-convert renders ${f##*/}"
    else
      not_ok "rsvg-convert renders ${f##*/}" "$err"
    fi
  done
else
  skip "rsvg-convert renders the icons" "rsvg-convert not found"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
