#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `packaging/quickstart.sh run` without a display stops at once with its hint (exit 1), before it
# installs or builds anything, instead of building and letting Qt abort.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM BUILD_DIR=/nonexistent/quickstart-check \
    timeout 60 bash "$root/packaging/quickstart.sh" run 2>&1)
status=$?
echo "$out"
if [ "$status" -ne 1 ]; then
    echo "FAIL: exit status $status, expected 1" >&2
    exit 1
fi
if ! grep -q "no display found" <<<"$out"; then
    echo "FAIL: no hint printed" >&2
    exit 1
fi
if grep -q "install-deps\|Building\|cmake" <<<"$out"; then
    echo "FAIL: it installed or built before stopping" >&2
    exit 1
fi
echo "1 passed, 0 failed"
