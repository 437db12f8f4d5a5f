#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Checks the desktop integration and the .deb of a finished build; CI (.ci/run) runs it after the
# tests, on the same build folder:
#   packaging/check-package.sh [BUILD_DIR]        (default ./build)
#  1. desktop-file-validate and appstreamcli validate --no-net (packaging/validate-desktop-files.sh)
#  2. cpack -G DEB in BUILD_DIR: installs what is already built, nothing is compiled again
#  3. dpkg-deb: the control fields (shlibdeps and the run-time Depends) and the files in it
#  4. lintian: fails on errors; warnings and infos are printed
#  5. apt-get install ./<package>.deb (Depends only, no Recommends: they must be enough), the
#     installed alephctl --version and aleph-playground --quit-after-first-paint (offscreen), the
#     installed desktop files validated again, then apt-get remove --purge
# Needs root (or sudo) for step 5, and a machine where installing the package is acceptable (CI, a
# container): it refuses when aleph-playground is already installed. Exit status 0 when all pass.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
app_id=org.alephplayground.AlephPlayground
package=aleph-playground
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
step() { echo "check-package: $*"; }
fail() { echo "check-package: FAILED: $*" >&2; exit 1; }

step "1/5 desktop entry and AppStream metainfo"
bash "$root/packaging/validate-desktop-files.sh" "$build" || fail "validation (above)"

step "2/5 cpack -G DEB in $build"
rm -f "$build"/package/"$package"_*.deb
(cd "$build" && cpack -G DEB) || fail "cpack"
debs=("$build"/package/"$package"_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one $build/package/${package}_*.deb"
deb=${debs[0]}
step "built $deb ($(du -k "$deb" | cut -f1) KiB)"

step "3/5 dpkg-deb: control fields and contents"
dpkg-deb --info "$deb"
depends=$(dpkg-deb --field "$deb" Depends)
for want in libqt6widgets6 libqt6network6 libqt6keychain1 libc6 qt6-qpa-plugins libqt6sql6-sqlite \
    wordnet-base dict-freedict-eng-deu dict-freedict-deu-eng; do
    grep -q "\b$want\b" <<<"$depends" || fail "Depends lacks $want: $depends"
done
contents=$(dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./|/|')
echo "$contents"
expected=(
    /usr/bin/aleph-playground /usr/bin/alephctl /usr/bin/aleph-sandbox
    /usr/share/applications/$app_id.desktop
    /usr/share/metainfo/$app_id.metainfo.xml
    /usr/share/icons/hicolor/scalable/apps/$app_id.svg
    /usr/share/man/man1/aleph-playground.1.gz /usr/share/man/man1/alephctl.1.gz
    /usr/share/man/man1/aleph-sandbox.1.gz
    /usr/share/doc/$package/copyright /usr/share/doc/$package/changelog.gz
)
for size in 16 22 24 32 48 64 128 256 512; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for file in "${expected[@]}"; do
    grep -qx "$file" <<<"$contents" || fail "$file is not in the package"
done
! grep -q '^/usr/local\|^/home\|^/root\|/tests\?/' <<<"$contents" || fail "stray files in the package"
step "all ${#expected[@]} expected files are in the package"

step "4/5 lintian"
lintian_out=$(lintian --pedantic --display-info --tag-display-limit 0 "$deb" 2>&1 | grep -v '^running with root privileges') \
    || true
echo "${lintian_out:-(no tags)}"
! grep -q '^E: ' <<<"$lintian_out" || fail "lintian reports errors"
step "lintian: no errors ($(grep -c '^W: ' <<<"$lintian_out" || true) warnings, $(grep -c '^I: ' <<<"$lintian_out" || true) infos)"

step "5/5 apt-get install, run the installed programs, apt-get remove"
if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    fail "$package is installed already; remove it first (this check installs and removes it)"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -q --no-install-recommends "$deb"
remove() { $sudo apt-get remove --purge -y -q "$package" >/dev/null || true; }
trap remove EXIT
version=$(/usr/bin/alephctl --version) || fail "the installed alephctl --version"
[ "$version" = "alephctl $(dpkg-deb --field "$deb" Version)" ] || fail "alephctl --version printed \"$version\""
step "installed /usr/bin/alephctl --version: $version"
data=$(mktemp -d)
paint=$(QT_QPA_PLATFORM=offscreen timeout 120 /usr/bin/aleph-playground --quit-after-first-paint --data-dir "$data" 2>/dev/null) \
    || fail "the installed aleph-playground --quit-after-first-paint (exit status $?)"
rm -rf "$data"
grep -q '^first-paint-ms: [0-9]\+$' <<<"$paint" || fail "aleph-playground printed \"$paint\""
step "installed /usr/bin/aleph-playground --quit-after-first-paint: $paint"
desktop-file-validate "/usr/share/applications/$app_id.desktop" || fail "installed desktop entry"
appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml" >/dev/null || fail "installed metainfo"
# (Not the man pages on disk: container images often exclude /usr/share/man from every install.)
dpkg -L "$package" | grep -q "^/usr/share/man/man1/alephctl.1.gz$" || fail "dpkg -L lists no alephctl man page"
trap - EXIT
$sudo apt-get remove --purge -y -q "$package"
! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || fail "$package is still installed"
[ ! -e /usr/bin/alephctl ] || fail "/usr/bin/alephctl is still there after the removal"
step "passed: $deb"
