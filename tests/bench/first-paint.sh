#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Start-to-first-painted-window time of aleph-playground (DESIGN.md budget: ≤ 250 ms).
# Usage: tests/bench/first-paint.sh BUILD_DIR [RUNS]   (offscreen platform unless QT_QPA_PLATFORM is set)
set -euo pipefail
app="$1/app/aleph-playground"
runs=${2:-10}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
values=()
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    ms=$("$app" --quit-after-first-paint 2>/dev/null | sed -n 's/^first-paint-ms: //p')
    end=$(date +%s%N)
    values+=("$ms")
    wall+=($(( (end - start) / 1000000 )))
done
printf '%s\n' "${values[@]}" | sort -n | awk -v runs="$runs" '{a[NR]=$1} END {printf "first-paint-ms (in-process, from main): min %d median %d max %d over %d runs\n", a[1], a[int((NR+1)/2)], a[NR], runs}'
printf '%s\n' "${wall[@]}" | sort -n | awk '{a[NR]=$1} END {printf "process start to exit after first paint (wall): min %d median %d max %d ms\n", a[1], a[int((NR+1)/2)], a[NR]}'
