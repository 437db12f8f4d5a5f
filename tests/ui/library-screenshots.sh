#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Screenshots of the prompt library with a version diff (issue 23), on a virtual display.
#   tests/ui/library-screenshots.sh [BUILD_DIR] [OUT_DIR]
# Starts the app on the offline sandbox with a fresh data folder on Xvfb :77 (1440x900), writes a
# templated prompt in the Completion tab, saves it (Ctrl+S: name and tags), runs it, changes words
# and parameters and runs twice more (versions 2 and 3), opens the library (Ctrl+Shift+L) and
# saves OUT_DIR/library-1440x900.png; then the window at 1024x700: OUT_DIR/library-1024x700.png.
# The clicks use the 1440x900 layout. Needs Xvfb, xdotool and ImageMagick's import.
set -euo pipefail
build=${1:-build} out=${2:-/tmp/shots}
mkdir -p "$out"
export DISPLAY=:77
Xvfb "$DISPLAY" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
data=$(mktemp -d)
app=""
trap '[ -n "$app" ] && kill "$app" 2>/dev/null; kill "$xvfb" 2>/dev/null; rm -rf "$data"' EXIT
sleep 1
QT_QPA_PLATFORM=xcb "$build/app/aleph-playground" --sandbox --data-dir "$data" >"$out/app.log" 2>&1 &
app=$!
win=""
for _ in $(seq 50); do
    win=$(xdotool search --name "Aleph Playground" 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 0.2
done
[ -n "$win" ] || { echo "library-screenshots: no window" >&2; exit 1; }
xdotool windowmove "$win" 0 0 windowsize "$win" 1440 900
sleep 3 # the sandbox starts and the models arrive
click() { xdotool mousemove "$1" "$2" click 1; sleep 0.3; }
retype() { click "$1" "$2"; xdotool key ctrl+a; xdotool type --delay 5 "$3"; sleep 0.3; }
run() { click 1167 857; sleep 3; }
click 105 102                                   # the Completion tab
retype 518 190 "Write a short poem about {{ topic }} for children."
retype 518 421 "the sea"                        # {{ topic }}
xdotool key ctrl+s; sleep 1                     # Save prompt…
xdotool type --delay 5 "Poem for children"; xdotool key Tab
xdotool type --delay 5 "poetry, kids"; xdotool key Return; sleep 0.5
run                                             # version 1, unchanged
retype 518 190 "Write a long, funny poem about {{ topic }} for young children."
retype 1300 246 "0.7"; xdotool key Tab          # temperature
run                                             # version 2
retype 518 190 "Write a long, funny poem about {{ topic }} and its fish for young children."
retype 1300 188 "120"; xdotool key Tab          # maximum_tokens
run                                             # version 3
xdotool key ctrl+shift+l; sleep 1.5             # View ▸ Prompt library
# Ctrl+click version 1 (v3 is selected): the diff from the first to the newest version.
v1=${V1_XY:-513 710}
# shellcheck disable=SC2086
xdotool mousemove $v1 keydown ctrl click 1 keyup ctrl; sleep 0.5
import -window root "$out/library-1440x900.png"
xdotool windowsize "$win" 1024 700; sleep 1.5
import -window root -crop 1024x700+0+0 "$out/library-1024x700.png"
echo "library-screenshots: $out/library-1440x900.png $out/library-1024x700.png"
