#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's two commands:
#   packaging/quickstart.sh run [APP ARGS...]   install what is missing, build, open the app
#   packaging/quickstart.sh test                install what is missing, build, run every test (ctest)
# Environment: BUILD_DIR (default ./build), WERROR=ON to turn warnings into errors (CI).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=${1:-}
case "$mode" in
    run | test) shift ;;
    *) echo "usage: $0 run [APP ARGS...] | test" >&2; exit 2 ;;
esac
"$root/packaging/install-deps.sh"
build=${BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -G Ninja -DWERROR="${WERROR:-OFF}"
cmake --build "$build" -j "$(nproc)"
if [ "$mode" = run ]; then
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        echo "quickstart: no display found; set DISPLAY, or run under xvfb-run" >&2
    fi
    exec "$build/app/aleph-playground" "$@"
fi
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
