#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-po.sh MSGFMT FILE.po: msgfmt --check passes and nothing is left
# untranslated or fuzzy.
set -eu
stats=$("$1" --check --statistics -o /dev/null "$2" 2>&1)
echo "$stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "$2: incomplete translation"; exit 1 ;;
esac
