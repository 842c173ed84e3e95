#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-shape-cache.sh: migmap-render reads a shapefile once and its cache
# after that; a cache whose files changed, or that is damaged in any way
# (make-cache-variants.py), is ignored and the picture is the same as
# without a cache; a cache folder that is read-only or full costs nothing
# but time.  The last part needs root (a mount namespace); without it,
# that part is skipped and the rest still runs.
set -eu
render=${MIGMAP_RENDER:?MIGMAP_RENDER names migmap-render}
srcdir=${G_TEST_SRCDIR:?G_TEST_SRCDIR names tests/}

if [ -z "${MIGMAP_TEST_NAMESPACE:-}" ] && command -v unshare >/dev/null &&
   unshare --mount --propagation private true 2>/dev/null; then
  MIGMAP_TEST_NAMESPACE=1 exec unshare --mount --propagation private "$0" "$@"
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/migmap-shape-cache-XXXXXX")
trap 'umount "$dir/fs" 2>/dev/null; rm -rf "$dir"' EXIT
mkdir "$dir/src" "$dir/variants"
for ext in shp shx dbf prj; do
  cp "$srcdir/data/small.$ext" "$dir/src/small.$ext"
done
shp=$dir/src/small.shp
export G_MESSAGES_DEBUG=migmap-core
unset MIGMAP_SHAPE_CACHE

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# run CACHE_HOME OUT: renders the world from $shp; its messages (GLib writes
# debug messages to stdout) in OUT.err.
run() {
  if ! XDG_CACHE_HOME=$1 "$render" --view world --size 480x270 --no-labels --shapes "$shp" \
       -o "$2" >"$2.err" 2>&1; then
    fail "$2: migmap-render failed"
    cat "$2.err"
  fi
  if grep -q -e "runtime error" -e "Sanitizer" "$2.err"; then
    fail "$2: sanitizer report"
    cat "$2.err"
  fi
}

said() {
  grep -q "$2" "$1.err" || { fail "$1: does not say '$2'"; cat "$1.err"; }
}

not_said() {
  if grep -q "$2" "$1.err"; then fail "$1: says '$2'"; cat "$1.err"; fi
}

same_png() {
  cmp -s "$dir/reference.png" "$1" || fail "$1 differs from the picture drawn without a cache"
}

# Without a cache: the reference, and nothing written.
MIGMAP_SHAPE_CACHE=off run "$dir/cache" "$dir/reference.png"
[ ! -e "$dir/cache" ] || fail "MIGMAP_SHAPE_CACHE=off wrote a cache"

# The first run writes the cache, the second reads it and not the shapefile.
run "$dir/cache" "$dir/first.png"
said "$dir/first.png" "cached in"
same_png "$dir/first.png"
cache=$(ls "$dir"/cache/migmap/shapes-*.cache)
[ -f "$cache" ] || fail "no cache file written"
run "$dir/cache" "$dir/second.png"
said "$dir/second.png" "read from the cache"
same_png "$dir/second.png"

# A source that changed is read again: a new time on the .shp (same size),
# then a companion that grew.
touch -d "2001-02-03 04:05:06" "$shp"
run "$dir/cache" "$dir/touched.png"
not_said "$dir/touched.png" "read from the cache"
said "$dir/touched.png" "written for other files"
same_png "$dir/touched.png"
run "$dir/cache" "$dir/touched-again.png"
said "$dir/touched-again.png" "read from the cache"
printf '\n' >>"$dir/src/small.prj"
run "$dir/cache" "$dir/prj.png"
not_said "$dir/prj.png" "read from the cache"
same_png "$dir/prj.png"

# Damaged caches: each ignored, the picture unchanged, the cache rewritten.
run "$dir/cache" "$dir/valid.png"
said "$dir/valid.png" "read from the cache"
cp "$cache" "$dir/valid.cache"
python3 "$srcdir/data/make-cache-variants.py" "$dir/valid.cache" "$dir/variants"
count=0
for variant in "$dir"/variants/*; do
  name=$(basename "$variant")
  cp "$variant" "$cache"
  run "$dir/cache" "$dir/$name.png"
  said "$dir/$name.png" "is not used"
  said "$dir/$name.png" "cached in"
  same_png "$dir/$name.png"
  cmp -s "$cache" "$dir/valid.cache" || fail "$name: the cache was not rewritten"
  count=$((count + 1))
done
[ "$count" -ge 40 ] || fail "only $count damaged caches tried"
echo "ok: $count damaged caches ignored"

# A cache folder that cannot be written: a read-only file system, then a
# full one.  Rendering works and leaves no partial cache behind.
if [ -n "${MIGMAP_TEST_NAMESPACE:-}" ] && mkdir "$dir/fs" && mount -t tmpfs -o size=64k migmap-test "$dir/fs"; then
  mkdir -p "$dir/fs/full/migmap"
  head -c 60k /dev/zero >"$dir/fs/filler" 2>/dev/null || true
  run "$dir/fs/full" "$dir/full.png"
  said "$dir/full.png" "not cached"
  same_png "$dir/full.png"
  [ -z "$(ls -A "$dir/fs/full/migmap")" ] || fail "a full disk left $(ls -A "$dir/fs/full/migmap")"
  rm "$dir/fs/filler"
  mount -o remount,ro "$dir/fs"
  run "$dir/fs/ro" "$dir/ro.png"
  said "$dir/ro.png" "not cached"
  same_png "$dir/ro.png"
  echo "ok: read-only and full cache folders"
else
  echo "SKIP: read-only and full cache folders (needs root for a mount namespace)"
fi

[ "$failures" -eq 0 ] || exit 1
echo "ok: shape cache"
