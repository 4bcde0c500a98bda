#!/usr/bin/env bash
# Build the offline desktop bundle: a PyInstaller one-folder build of Briefing that runs without Python, plus its
# desktop entry, AppStream metainfo, icons and install script, packed as a .tar.gz. Prints the unpacked size.
#
#   scripts/bundle.sh            # -> build/bundle/briefing-<version>-<system>-<machine>.tar.gz
#
# BRIEFING_BUNDLE_DIR changes the build folder (default build/bundle); BRIEFING_VENV the venv it builds with;
# BRIEFING_SCREENSHOTS_URL the web folder where packaging/screenshots/*.png are published, for the metainfo.
set -euo pipefail
WITH_TEST_EXTRAS="${WITH_TEST_EXTRAS:-0}"
source "$(dirname "$0")/bootstrap.sh"
apt_install_missing "${QT_RUNTIME_PACKAGES[@]}"
make_venv
cd "$ROOT"

OUT="${BRIEFING_BUNDLE_DIR:-$ROOT/build/bundle}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

# PyInstaller, at the version the `bundle` extra of pyproject.toml pins.
pin="$(grep -o '"pyinstaller==[^"]*"' pyproject.toml | tr -d '"')"
if [ "$("$VENV/bin/python" -m pip show pyinstaller 2>/dev/null | sed -n 's/^Version: //p')" != "${pin#pyinstaller==}" ]; then
    "$VENV/bin/python" -m pip install -q "$pin"
fi

version="$("$VENV/bin/python" -c 'from briefing.versions import package_version; print(package_version())')"
system="$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)"
name="briefing-$version-$system"

echo "Rendering the icons" >&2
rm -rf "$OUT/icons"
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" packaging/icons.py "$OUT/icons"

# PyInstaller reuses the analysis in its work folder when the spec's inputs are unchanged, but it does not notice
# a new import in a module it already knows. Start afresh whenever the modules, their imports, the installed
# packages or the packaging files change.
inputs="$({ find briefing -name '*.py' | sort
            grep -rhE '^[[:space:]]*(import|from)[[:space:]]' --include='*.py' briefing | sort
            "$VENV/bin/python" -m pip freeze
            cat packaging/briefing.spec packaging/bundle_contents.py packaging/hooks/*.py packaging/hooks/rthooks.dat \
                packaging/hooks/rthooks/*
          } | sha256sum | cut -c1-16)"
if [ "$(cat "$OUT/work/inputs" 2>/dev/null)" != "$inputs" ]; then
    rm -rf "$OUT/work"
fi

echo "Freezing briefing $version with PyInstaller" >&2
BRIEFING_ICON_DIR="$OUT/icons" "$VENV/bin/python" -m PyInstaller --noconfirm --log-level "${BRIEFING_PYINSTALLER_LOG:-WARN}" \
    --distpath "$OUT/dist" --workpath "$OUT/work" packaging/briefing.spec
echo "$inputs" > "$OUT/work/inputs"

# Desktop integration travels inside the bundle, so the unpacked folder installs itself.
app="$OUT/dist/briefing"
# The screenshots travel too; the metainfo lists them where they are published (BRIEFING_SCREENSHOTS_URL, or the
# "Screenshots" address of pyproject.toml): AppStream accepts only web addresses (see packaging/metainfo.py).
mkdir -p "$app/share/applications" "$app/share/metainfo" "$app/share/icons" "$app/share/briefing/screenshots"
cp packaging/org.briefing.Briefing.desktop "$app/share/applications/"
"$VENV/bin/python" packaging/metainfo.py "$app/share/metainfo/org.briefing.Briefing.metainfo.xml" \
    ${BRIEFING_SCREENSHOTS_URL:+--screenshots-url "$BRIEFING_SCREENSHOTS_URL"} >&2
cp packaging/screenshots/*.png "$app/share/briefing/screenshots/"
cp -r "$OUT/icons/hicolor" "$app/share/icons/"
cp scripts/install-desktop.sh "$app/install-desktop.sh"
chmod +x "$app/install-desktop.sh"

rm -rf "${OUT:?}/$name" "$OUT/$name.tar.gz"
mv "$app" "$OUT/$name"
tar -C "$OUT" -czf "$OUT/$name.tar.gz" "$name"

unpacked=$(du -sb "$OUT/$name" | cut -f1)
packed=$(stat -c %s "$OUT/$name.tar.gz")
echo "bundle: $OUT/$name.tar.gz"
awk -v u="$unpacked" -v p="$packed" \
    'BEGIN { printf "size: %.1f MB unpacked, %.1f MB packed (target: under 150 MB unpacked)\n", u / 1e6, p / 1e6 }'
