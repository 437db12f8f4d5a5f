#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Validates what the desktop reads: the .desktop entry (desktop-file-validate), the AppStream
# metainfo (appstreamcli validate --no-net --strict: no errors, warnings or infos; pedantic hints
# are printed) and, given a build folder, the icon PNGs rendered from the SVG (each the size its
# hicolor folder says).
#   packaging/validate-desktop-files.sh [BUILD_DIR]
# Exit status 0 when all pass, 1 when one fails, 77 (ctest's skip) when a validator is missing.
# Runs in ctest as packaging_metadata, and in packaging/check-package.sh.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:-}
app_id=org.alephplayground.AlephPlayground
for tool in desktop-file-validate appstreamcli; do
    if ! command -v "$tool" >/dev/null; then
        echo "validate-desktop-files: $tool is missing (packaging/install-deps.sh installs it)" >&2
        exit 77
    fi
done
status=0
desktop-file-validate "$here/$app_id.desktop" || status=1
echo "validate-desktop-files: desktop-file-validate $app_id.desktop: $([ $status -eq 0 ] && echo passed || echo FAILED)"
if appstreamcli validate --no-net --strict --pedantic "$here/$app_id.metainfo.xml"; then
    echo "validate-desktop-files: appstreamcli validate --no-net $app_id.metainfo.xml: passed"
else
    echo "validate-desktop-files: appstreamcli validate --no-net $app_id.metainfo.xml: FAILED"
    status=1
fi
# The desktop entry, the metainfo and the icon agree on the one id.
grep -qx "Icon=$app_id" "$here/$app_id.desktop" || { echo "validate-desktop-files: Icon= is not $app_id" >&2; status=1; }
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$here/$app_id.metainfo.xml" \
    || { echo "validate-desktop-files: the metainfo does not launch $app_id.desktop" >&2; status=1; }
if [ -n "$build" ]; then
    icons="$build/packaging/icons/hicolor"
    count=0
    for png in "$icons"/*x*/apps/"$app_id".png; do
        [ -e "$png" ] || { echo "validate-desktop-files: no icons in $icons (build first)" >&2; status=1; break; }
        dir=$(basename "$(dirname "$(dirname "$png")")") # e.g. 16x16
        want="${dir%x*} x ${dir#*x}"
        if file -b "$png" | grep -q "^PNG image data, $want, 8-bit/color RGBA"; then
            count=$((count + 1))
        else
            echo "validate-desktop-files: $png is not a $want RGBA PNG: $(file -b "$png")" >&2
            status=1
        fi
    done
    echo "validate-desktop-files: $count icon PNGs of the right size"
fi
exit $status
