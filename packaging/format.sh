#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Formats the C++ sources with the repository's .clang-format (Debian's clang-format 14).
#   packaging/format.sh           rewrite every tracked .cpp/.h in place
#   packaging/format.sh --check   change nothing; list the files that differ and exit 1 if any do (CI)
# The build has the same as targets: `cmake --build build --target format` / `format-check`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
command -v clang-format >/dev/null || { echo "format: clang-format missing (apt-get install clang-format)" >&2; exit 2; }
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files -- '*.cpp' '*.h')
else
    mapfile -t files < <(find app core sandbox tests ui packaging -name '*.cpp' -o -name '*.h' | sort)
fi
if [ "${1:-}" = --check ]; then
    bad=()
    for f in "${files[@]}"; do
        clang-format --style=file "$f" | cmp -s - "$f" || bad+=("$f")
    done
    if [ ${#bad[@]} -gt 0 ]; then
        printf 'format: %s differs from .clang-format\n' "${bad[@]}" >&2
        echo "format: ${#bad[@]} of ${#files[@]} files differ; run packaging/format.sh" >&2
        exit 1
    fi
    echo "format: all ${#files[@]} files match .clang-format"
    exit 0
fi
clang-format --style=file -i "${files[@]}"
echo "format: formatted ${#files[@]} files"
