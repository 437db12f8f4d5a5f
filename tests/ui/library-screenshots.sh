#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Screenshots of the prompt library with a version diff (issue 23), on a virtual display.
#   tests/ui/library-screenshots.sh BUILD_DIR OUT_DIR [WIDTHxHEIGHT]
# Starts the app on the offline sandbox with a fresh data folder, writes a templated prompt in the
# Completion tab, saves it (Ctrl+S), changes a word and the temperature, runs it (a new version),
# opens the library (Ctrl+Shift+L) and saves the screen as OUT_DIR/library-diff-WxH.png.
# Needs Xvfb, xdotool and ImageMagick's import.
set -euo pipefail
build=${1:-build} out=${2:-/tmp/shots} size=${3:-1440x900}
w=${size%x*} h=${size#*x}
mkdir -p "$out"
display=:77
Xvfb "$display" -screen 0 "${w}x${h}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
data=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$data"' EXIT
sleep 1
export DISPLAY=$display
QT_QPA_PLATFORM=xcb "$build/app/aleph-playground" --sandbox --data-dir "$data" >"$out/app.log" 2>&1 &
app=$!
win=""
for _ in $(seq 50); do
    win=$(xdotool search --name "Aleph Playground" 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 0.2
done
[ -n "$win" ] || { echo "no window" >&2; exit 1; }
xdotool windowmove "$win" 0 0 windowsize "$win" "$w" "$h"
sleep 3 # the sandbox starts and the models arrive
xdotool windowfocus --sync "$win" || true
step() { xdotool "$@"; sleep 0.6; }
# Ctrl+S shows the Completion tab and the save dialog; cancel it, then write the prompt.
step key ctrl+s
step key Escape
step key ctrl+s
step key Escape
# The prompt editor has the focus after the tab became current (the tab's focus proxy).
step type --delay 10 "Write a short poem about {{ topic }} for children."
step key Tab
step type --delay 10 "the sea"
step key ctrl+s
step key ctrl+a
step type --delay 10 "Poem for children"
step key Tab
step type --delay 10 "poetry, kids"
step key Return
step key ctrl+Return
sleep 2
# Version 2: another word in the template; version 3: another one and a new value.
xdotool key ctrl+k; sleep 0.3; xdotool key Escape; sleep 0.3
"$(dirname "$0")/library-screenshots-edit.sh" 2>/dev/null || true
step key ctrl+shift+l
sleep 1.5
import -window root "$out/library-diff-${w}x${h}.png"
echo "saved $out/library-diff-${w}x${h}.png"
