#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# migmap-query import: the CSV of an export back into a catalogue, as a
# secretariat keeps its data.  An export imported again changes nothing; a
# new row shows up in country and search; a bad row refuses the whole file
# naming file, line, column and value; the file on disk is never half
# written, never overwritten when someone saved it meanwhile, and the
# bundled catalogue is never written.
# Works on copies in a temp dir: MIGMAP_DATA_DIR and XDG_DATA_HOME point
# there, so neither the source tree nor the real home is touched.
# Needs $MIGMAP_QUERY and $MIGMAP_DATA_DIR (the source tree, copied from).
set -u

query="$MIGMAP_QUERY"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bundled/data" "$tmp/xdg" "$tmp/work"
cp "$MIGMAP_DATA_DIR/data/catalogue.json" "$tmp/bundled/data/catalogue.json"
cp "$tmp/bundled/data/catalogue.json" "$tmp/bundled.orig"
MIGMAP_DATA_DIR="$tmp/bundled"
XDG_DATA_HOME="$tmp/xdg"
export MIGMAP_DATA_DIR XDG_DATA_HOME
user_catalogue="$XDG_DATA_HOME/migmap/catalogue.json"
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; shift; for line in "$@"; do echo "# $line"; done; }
# check NAME COMMAND...: a compound condition goes in as eval '...'.
check () { _name=$1; shift; if "$@"; then ok "$_name"; else not_ok "$_name" "$(cat "$tmp/out" "$tmp/err" 2>/dev/null)"; fi; }

# Nothing but the catalogue in its folder: no temporary file of the
# atomic writer, no journal of unsaved changes.
only_catalogue () { [ "$(ls -A "$(dirname "$1")")" = "$(basename "$1")" ]; }

cat="$tmp/work/catalogue.json"
cp "$tmp/bundled.orig" "$cat"

# Export then import: byte-identical, for each table.
for table in projects groups places events; do
  "$query" --catalogue "$cat" export $table --format csv -o "$tmp/$table.csv"
  "$query" --catalogue "$cat" import "$tmp/$table.csv" > "$tmp/out" 2> "$tmp/err"
  status=$?
  check "export $table then import: exit 0, catalogue byte-identical" \
    eval 'test $status -eq 0 -a -s "$tmp/$table.csv" && cmp -s "$cat" "$tmp/bundled.orig" && only_catalogue "$cat"'
  check "import $table says nothing changed" \
    grep -qx "$tmp/$table.csv: 0 added, 0 changed; $cat left as it was" "$tmp/out"
done

# A new project row, as a user appends it to the export.
cp "$tmp/projects.csv" "$tmp/new.csv"
printf '%s\r\n' 'coastal-pilot,CPT,Coastal pilot for labour mobility,2031-03,2032-06,current,TUN;MLT,ICMPD,,France,,"Training, and a ""pilot"".",Steering committee minutes 2031' >> "$tmp/new.csv"
"$query" --catalogue "$cat" import "$tmp/new.csv" > "$tmp/out" 2> "$tmp/err"
status=$?
check "a new row: exit 0, one line on stdout" \
  test $status -eq 0 -a "$(cat "$tmp/out")" = "$tmp/new.csv: 1 added, 0 changed; saved $cat" -a ! -s "$tmp/err"
check "a new row: nothing left beside the catalogue" only_catalogue "$cat"
"$query" --catalogue "$cat" country TUN --date 2031 > "$tmp/out" 2> "$tmp/err"
check "country TUN --date 2031 lists the new project" \
  grep -q "^project	coastal-pilot	Coastal pilot for labour mobility$" "$tmp/out"
"$query" --catalogue "$cat" country TUN --date 2030 > "$tmp/out" 2> "$tmp/err"
check "country TUN --date 2030, before its start, does not" eval '! grep -q coastal-pilot "$tmp/out"'
"$query" --catalogue "$cat" search "coastal pilot" > "$tmp/out" 2> "$tmp/err"
check "search finds the new project first" \
  test "$(head -n 1 "$tmp/out" | cut -f 1,2)" = "$(printf 'project\tcoastal-pilot')"

# The change log names who saved and what.
user=$(id -un)
check "the change log records the user name and the new project" python3 -c '
import json, sys
changes = json.load(open(sys.argv[1])).get("changes", [])
sys.exit(0 if any(c.get("by") == sys.argv[2] and c.get("id") == "coastal-pilot" for c in changes) else 1)
' "$cat" "$user"

# Once saved by the writer: an export imported again still changes nothing.
cp "$cat" "$tmp/saved"
for table in projects groups places events; do
  "$query" --catalogue "$cat" export $table --format csv -o "$tmp/again-$table.csv"
  "$query" --catalogue "$cat" import "$tmp/again-$table.csv" > "$tmp/out" 2> "$tmp/err"
  status=$?
  check "saved catalogue: export $table then import is byte-identical" \
    eval 'test $status -eq 0 && cmp -s "$cat" "$tmp/saved"'
done

# Bad rows: the whole file refused, one line each naming file, line,
# column and value; the catalogue untouched, nothing left beside it.
head -n 1 "$tmp/projects.csv" > "$tmp/bad.csv"
printf '%s\r\n' \
  'good-one,,Good,2031,,,TUN,,,,,,minutes' \
  'bad-country,,Bad country,2031,,,TUN;XTN,,,,,,minutes' \
  'bad-month,,Bad month,2031-13,,,TUN,,,,,,minutes' >> "$tmp/bad.csv"
"$query" --catalogue "$cat" import "$tmp/bad.csv" > "$tmp/out" 2> "$tmp/err"
status=$?
cat > "$tmp/expected" <<EOF
migmap-query: $tmp/bad.csv:3:7: column "countries", value "TUN;XTN": unknown country code "XTN"
migmap-query: $tmp/bad.csv:4:4: column "start", value "2031-13": bad date "2031-13" (expected YYYY, YYYY-MM or YYYY-MM-DD)
migmap-query: $tmp/bad.csv: nothing imported, $cat is unchanged
EOF
check "bad rows: exit 1" test $status -eq 1
check "bad rows: one line each with file, line, column and value" cmp -s "$tmp/err" "$tmp/expected"
check "bad rows: nothing on stdout" test ! -s "$tmp/out"
check "bad rows: the catalogue is byte-identical" cmp -s "$cat" "$tmp/saved"
check "bad rows: no temporary file or journal left" only_catalogue "$cat"
"$query" --catalogue "$cat" export projects --format csv > "$tmp/out"
check "bad rows: the good row was not imported either" eval 'grep -q "^coastal-pilot," "$tmp/out" && ! grep -q "^good-one," "$tmp/out"'

# A colleague saves the file while the import runs: not overwritten, exit 1.
# The CSV is a pipe, so the import waits for it after opening the
# catalogue: the save happens then, without a sleep.
mkfifo "$tmp/slow.csv"
sed 's/Coastal pilot for labour mobility/Coastal pilot (renamed by a colleague)/' "$cat" > "$tmp/colleague"
"$query" --catalogue "$cat" import "$tmp/slow.csv" > "$tmp/out" 2> "$tmp/err" &
pid=$!
CAT="$cat" COLLEAGUE="$tmp/colleague" NEW="$tmp/new.csv" FIFO="$tmp/slow.csv" timeout 60 sh -c '
  { cp "$COLLEAGUE" "$CAT.tmp" && mv "$CAT.tmp" "$CAT" &&
    sed "s/^coastal-pilot,CPT,[^,]*/coastal-pilot,CPT,Coastal pilot (ours)/" "$NEW"; } > "$FIFO"'
wait $pid
status=$?
check "changed on disk: exit 1, said so" \
  eval 'test $status -eq 1 && grep -q "^migmap-query: $cat changed on disk since it was opened" "$tmp/err"'
check "changed on disk: the colleague's file is kept as saved" cmp -s "$cat" "$tmp/colleague"
check "changed on disk: no temporary file or journal left" only_catalogue "$cat"
rm -f "$tmp/slow.csv"

# Unsaved changes of a window session (its journal): refused, both kept.
cp "$cat" "$tmp/before-journal"
printf '%s\n' '{"kind":"projects","id":"coastal-pilot","entity":null,"source":null}' > "$cat.journal"
cp "$cat.journal" "$tmp/journal"
"$query" --catalogue "$cat" import "$tmp/new.csv" > "$tmp/out" 2> "$tmp/err"
status=$?
check "a journal of unsaved changes: exit 1, named" \
  eval 'test $status -eq 1 && grep -qF "migmap-query: $cat: 1 unsaved change(s) of an earlier session are in $cat.journal" "$tmp/err"'
check "a journal of unsaved changes: catalogue and journal untouched" \
  eval 'cmp -s "$cat" "$tmp/before-journal" && cmp -s "$cat.journal" "$tmp/journal"'
rm -f "$cat.journal"

# Without --catalogue: import writes the user's catalogue, starting from
# the bundled one, and never the bundled file; the read commands then read
# the user's.
check "before: no user catalogue, search reads the bundled one" \
  eval '[ ! -e "$user_catalogue" ] && "$query" search AMEDIP | head -n 1 | grep -q "^project	amedip	"'
"$query" import "$tmp/new.csv" > "$tmp/out" 2> "$tmp/err"
status=$?
check "import without --catalogue saves the user's catalogue" \
  test $status -eq 0 -a "$(cat "$tmp/out")" = "$tmp/new.csv: 1 added, 0 changed; saved $user_catalogue"
check "the bundled catalogue is byte-identical" cmp -s "$MIGMAP_DATA_DIR/data/catalogue.json" "$tmp/bundled.orig"
check "the user's catalogue is alone in its folder" only_catalogue "$user_catalogue"
"$query" search "coastal pilot" > "$tmp/out" 2> "$tmp/err"
check "search without --catalogue reads the user's catalogue" grep -q "^project	coastal-pilot	" "$tmp/out"
"$query" country TUN --date 2031 > "$tmp/out" 2> "$tmp/err"
check "country without --catalogue reads the user's catalogue" grep -q "^project	coastal-pilot	" "$tmp/out"
"$query" export projects --format csv > "$tmp/out" 2> "$tmp/err"
check "export without --catalogue reads the user's catalogue" grep -q "^coastal-pilot," "$tmp/out"

# Usage errors exit 2, unreadable files 1, as the other commands.
usage () {
  what=$1; shift
  "$query" "$@" > /dev/null 2> "$tmp/err"
  status=$?
  if [ $status -eq 2 ] && grep -q "^migmap-query: .*$what" "$tmp/err"; then ok "usage error: $*"
  else not_ok "usage error: $*" "exit $status" "$(cat "$tmp/err")"; fi
}
usage "import: expected exactly one argument, got 0" import
usage "import: expected exactly one argument, got 2" import a.csv b.csv
usage "import: --format applies to export only" import "$tmp/new.csv" --format csv
usage "import: --date does not apply" import "$tmp/new.csv" --date 2020
usage "import: --output does not apply" import "$tmp/new.csv" -o "$tmp/x"
"$query" --catalogue "$cat" import "$tmp/missing.csv" > /dev/null 2> "$tmp/err"
status=$?
check "a missing CSV: exit 1, named" \
  eval 'test $status -eq 1 && grep -q "^migmap-query: $tmp/missing.csv: cannot read file" "$tmp/err"'
"$query" --catalogue "$tmp/work/missing.json" import "$tmp/new.csv" > /dev/null 2> "$tmp/err"
status=$?
check "a missing --catalogue: exit 1, named, not created" \
  eval 'test $status -eq 1 -a ! -e "$tmp/work/missing.json" && grep -q "missing.json" "$tmp/err"'
"$query" --help > "$tmp/out"
check "--help lists import" grep -q "import FILE.csv" "$tmp/out"

echo "1..$n"
exit $failed
