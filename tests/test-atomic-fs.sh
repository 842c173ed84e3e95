#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-atomic-fs.sh: exports to a full disk and to a read-only folder fail with
# a message naming the file, and leave the old file as it was and no other.
# Needs root to mount, in a mount namespace of its own; skips (77) otherwise.
set -eu
render=${MIGMAP_RENDER:?MIGMAP_RENDER names migmap-render}

if [ -z "${MIGMAP_TEST_NAMESPACE:-}" ]; then
  if ! command -v unshare >/dev/null || ! unshare --mount --propagation private true 2>/dev/null; then
    echo "SKIP: cannot make a mount namespace (needs root and unshare)"
    exit 77
  fi
  MIGMAP_TEST_NAMESPACE=1 exec unshare --mount --propagation private "$0" "$@"
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/migmap-atomic-fs-XXXXXX")
trap 'umount "$dir/ro" 2>/dev/null; umount "$dir" 2>/dev/null; rm -rf "$dir" "$dir.err"' EXIT
if ! mount -t tmpfs -o size=1m migmap-test "$dir" 2>/dev/null; then
  echo "SKIP: cannot mount a tmpfs"
  exit 77
fi

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# export NAME EXPECTED-MESSAGE OPTIONS...: migmap-render must exit 1 with
# "migmap-render: NAME: ...EXPECTED-MESSAGE..." on one line.
export_fails() {
  out=$1 expected=$2
  shift 2
  if "$render" "$@" -o "$out" 2>"$dir.err"; then
    fail "$out: export succeeded"
    return
  fi
  message=$(cat "$dir.err")
  echo "$message"
  case $message in
    "migmap-render: $out: "*"$expected"*) ;;
    *) fail "$out: unexpected message" ;;
  esac
  [ "$(wc -l <"$dir.err")" -eq 1 ] || fail "$out: message is not one line"
}

# Only the files named are in the folder: no torn file, no temporary.
only() {
  folder=$1
  shift
  actual=$(ls -A "$folder" | tr '\n' ' ')
  [ "$actual" = "$* " ] || fail "$folder holds '$actual', expected '$*'"
}

intact() {
  for file; do
    [ "$(cat "$file")" = precious ] || fail "$file changed"
  done
}

page="--layout page --paper a3 --view world"

# A full disk: old files and a filler leave about 100 KB, less than any export.
for format in png pdf svg; do
  printf precious >"$dir/old.$format"
done
head -c 900k /dev/zero >"$dir/filler"
for format in png pdf svg; do
  export_fails "$dir/new.$format" "No space left on device" $page --dpi 300
  export_fails "$dir/old.$format" "No space left on device" $page --dpi 300
done
only "$dir" filler old.pdf old.png old.svg
intact "$dir/old.pdf" "$dir/old.png" "$dir/old.svg"

# With room again, the same export replaces the old file.
rm "$dir/filler"
"$render" --view world -o "$dir/old.png"
[ "$(head -c 4 "$dir/old.png" | tail -c 3)" = PNG ] || fail "old.png was not replaced"
printf precious >"$dir/old.png"

# A read-only folder (root writes anywhere else, whatever the permissions).
mkdir "$dir/ro"
printf precious >"$dir/ro/old.png"
mount --bind "$dir/ro" "$dir/ro"
mount -o remount,bind,ro "$dir/ro"
export_fails "$dir/ro/old.png" "Read-only file system" --view world
export_fails "$dir/ro/new.pdf" "Read-only file system" --view world
only "$dir/ro" old.png
intact "$dir/ro/old.png"

[ "$failures" -eq 0 ] || exit 1
echo "ok: full disk and read-only folder"
