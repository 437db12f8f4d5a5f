#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Idle memory of aleph-playground on the embedded offline sandbox (issue 22 target: <= 60 MB).
# Starts the app (offscreen unless QT_QPA_PLATFORM is set) with an empty data folder, waits until its
# resident size has not changed for 3 s (the sandbox's WordNet load has finished), then prints
# RSS, PSS, and the anonymous and file-backed parts from /proc. Usage:
#   tests/bench/idle-memory.sh BUILD_DIR [RUNS]
set -euo pipefail
app="$1/app/aleph-playground"
runs=${2:-3}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
for run in $(seq "$runs"); do
    data=$(mktemp -d)
    "$app" --data-dir "$data" >/dev/null 2>&1 &
    pid=$!
    last=-1
    stable=0
    for _ in $(seq 120); do
        sleep 0.5
        rss=$(awk '/^VmRSS:/{print $2}' "/proc/$pid/status")
        if [ "$rss" = "$last" ]; then stable=$((stable + 1)); else stable=0; fi
        last=$rss
        [ "$stable" -ge 6 ] && break
    done
    awk -v run="$run" '/^VmRSS:/{rss=$2} /^RssAnon:/{anon=$2} /^RssFile:/{file=$2} /^VmHWM:/{hwm=$2}
        END {printf "run %d: idle RSS %.1f MB (anonymous %.1f, file-backed %.1f), peak %.1f MB",
             run, rss/1024, anon/1024, file/1024, hwm/1024}' "/proc/$pid/status"
    awk '/^Pss:/{printf ", PSS %.1f MB\n", $2/1024}' "/proc/$pid/smaps_rollup"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    rm -rf "$data"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
