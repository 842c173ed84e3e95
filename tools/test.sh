#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets everything up and runs all the tests under a virtual display.
#   tools/test.sh              normal build (_build)
#   tools/test.sh --sanitize   AddressSanitizer + UndefinedBehaviorSanitizer (with
#                              float-cast-overflow) build (_build-sanitize)
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# CI fails on any compiler warning; elsewhere (distributions' newer
# compilers) warnings stay warnings.
ci=()
[ "${CI:-}" != "true" ] || ci=(-Dwerror=true)

if [ "${1:-}" = "--sanitize" ]; then
  shift
  build="$top/_build-sanitize"
  # float-cast-overflow is not part of "undefined"; no recovery, so that any
  # report fails the test that caused it.
  "$top/tools/setup.sh" "$build" -Db_sanitize=address,undefined -Dbuildtype=debug "${ci[@]}" \
    -Dc_args="-fsanitize=float-cast-overflow -fno-sanitize-recover=all" \
    -Dc_link_args="-fsanitize=float-cast-overflow" "$@"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
  export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
else
  build="$top/_build"
  "$top/tools/setup.sh" "$build" "${ci[@]}" "$@"
fi

status=0
# A session bus for GApplication, a virtual screen for the window tests.
dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1200x24" \
  meson test -C "$build" --print-errorlogs --num-processes 2 || status=$?

# One closing line over every GTest case that ran (meson counts executables).
/usr/bin/python3 - "$build/meson-logs/testlog.json" <<'PY'
import json, re, sys
passed = failed = skipped = 0
for line in open(sys.argv[1]):
    test = json.loads(line)
    cases = re.findall(r'^(ok|not ok) \d+.*?(# SKIP)?$', test.get('stdout', ''), re.M)
    if not cases:
        if test['result'] == 'OK': passed += 1
        elif test['result'] == 'SKIP': skipped += 1
        else: failed += 1
        continue
    for verdict, skip in cases:
        if skip: skipped += 1
        elif verdict == 'ok': passed += 1
        else: failed += 1
    if test['result'] not in ('OK', 'SKIP') and not any(v == 'not ok' for v, _ in cases):
        failed += 1  # crashed or timed out after its last case
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
PY
exit $status
