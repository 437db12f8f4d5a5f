#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's three commands:
#   packaging/quickstart.sh run [APP ARGS...]   install what is missing, build, open the app
#   packaging/quickstart.sh test                install what is missing, build, run every test (ctest)
#   packaging/quickstart.sh package             install what is missing, build, make the .deb in
#                                               $BUILD_DIR/package/ (cpack -G DEB)
# Environment: BUILD_DIR (default ./build), WERROR=ON to turn warnings into errors (CI).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=${1:-}
case "$mode" in
    run | test | package) shift ;;
    *) echo "usage: $0 run [APP ARGS...] | test | package" >&2; exit 2 ;;
esac
# The app needs a display; without one Qt would abort after the whole build. Say so first.
if [ "$mode" = run ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "quickstart: no display found. Run this from a desktop session, or set DISPLAY (for example" >&2
    echo "quickstart: under 'xvfb-run -a $0 run', or with QT_QPA_PLATFORM=offscreen for a check)." >&2
    exit 1
fi
"$root/packaging/install-deps.sh"
build=${BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -G Ninja -DWERROR="${WERROR:-OFF}"
cmake --build "$build" -j "$(nproc)"
if [ "$mode" = run ]; then
    exec "$build/app/aleph-playground" "$@"
fi
if [ "$mode" = package ]; then
    rm -f "$build"/package/aleph-playground_*.deb
    (cd "$build" && cpack -G DEB)
    deb=$(ls "$build"/package/aleph-playground_*.deb)
    echo "quickstart: the package is $deb"
    echo "quickstart: install it with: sudo apt-get install $deb"
    exit 0
fi
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
