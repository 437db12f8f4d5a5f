#!/bin/sh
# Runs a command with a private D-Bus session and an unlocked gnome-keyring (Secret Service), the
# way QtKeychain works on a headless machine (DESIGN.md, platform notes). The password is a
# throw-away; the keyring lives in a temporary HOME that is removed afterwards, and the keyring
# daemon started here is stopped when the command ends.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- sh -c '
    printf throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
    status=0
    "$@" || status=$?
    for pid in $(pgrep -x gnome-keyring-d || true); do
        if tr "\0" "\n" < /proc/$pid/environ 2>/dev/null | grep -qx "HOME=$HOME"; then kill "$pid"; fi
    done
    exit $status' sh "$@"
