#!/bin/sh
# SPDX-License-Identifier: MIT
# check-translations.sh LUPDATE SOURCE_DIR: runs lupdate over the sources (ui/, core/, app/main.cpp,
# as `update_translations` does) into temporary copies of the committed .ts files and fails when
# any entry is left unfinished: every tr() string has its German, every %n string its English
# plural forms. Entries that vanished from the sources are dropped (-no-obsolete), not counted.
set -eu
lupdate=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for lang in de en; do
    ts=$tmp/aleph-playground_$lang.ts
    cp "$src/resources/translations/aleph-playground_$lang.ts" "$ts"
    options="-locations none -no-obsolete -no-ui-lines"
    [ "$lang" = en ] && options="$options -pluralonly"
    # shellcheck disable=SC2086
    (cd "$src" && "$lupdate" -silent $options -I "$src" ui core app/main.cpp -ts "$ts") || exit 1
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    if [ "$unfinished" -ne 0 ]; then
        echo "aleph-playground_$lang.ts: $unfinished unfinished entries after lupdate:"
        grep -B3 'type="unfinished"' "$ts" | grep '<source>' | sed 's/^ */  /'
        status=1
    else
        echo "aleph-playground_$lang.ts: complete ($(grep -c '<message' "$ts") entries)"
    fi
done
exit $status
