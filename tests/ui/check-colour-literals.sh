#!/bin/sh
# SPDX-License-Identifier: MIT
# No colour literal under ui/ outside the palette table (ui/common/Palette.cpp) and the dark
# QPalette (ui/common/Theme.cpp): hex colours, QColor(r, g, b), Qt's named colours, named colours in
# style sheets. Widgets take their colours from ui::Palette (issue 20).
# Usage: check-colour-literals.sh SOURCE_DIR
set -u
root=${1:?usage: check-colour-literals.sh SOURCE_DIR}
pattern='#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|QColor(::fromRgb[F]?|::fromHs[vl][F]?)?\( *[0-9]|qRgba?\(|Qt::(white|black|red|darkRed|green|darkGreen|blue|darkBlue|cyan|darkCyan|magenta|darkMagenta|yellow|darkYellow|gray|darkGray|lightGray)\b|(color|background(-color)?) *: *(white|black|red|green|blue|gray|grey|yellow|orange)\b'
found=$(grep -rnE --include='*.cpp' --include='*.h' "$pattern" "$root/ui" \
        | grep -v -e "^$root/ui/common/Palette.cpp:" -e "^$root/ui/common/Theme.cpp:")
if [ -n "$found" ]; then
    echo "Colour literals outside ui/common/Palette.cpp (use ui::Palette instead):"
    echo "$found"
    exit 1
fi
count=$(find "$root/ui" -name '*.cpp' -o -name '*.h' | wc -l)
echo "no colour literals in $count files under ui/ (outside the palette files)"
