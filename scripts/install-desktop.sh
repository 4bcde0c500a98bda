#!/usr/bin/env bash
# Install an unpacked Briefing bundle for the current user: the bundle in ~/.local/lib/briefing, the `briefing`
# command in ~/.local/bin, the desktop entry, the AppStream metainfo and the icons in ~/.local/share.
#
#   ./install-desktop.sh              # from inside an unpacked bundle (scripts/bundle.sh copies this script there)
#   scripts/install-desktop.sh DIR    # the unpacked bundle in DIR
#
# Nothing needs root. XDG_DATA_HOME is honoured; running it again replaces the previous installation.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bundle="${1:-$here}"
if [ ! -x "$bundle/briefing" ] || [ ! -d "$bundle/share/applications" ]; then
    echo "error: $bundle is not an unpacked Briefing bundle (build one with scripts/bundle.sh)" >&2
    exit 1
fi
bundle="$(cd "$bundle" && pwd)"

data="${XDG_DATA_HOME:-$HOME/.local/share}"
lib="$HOME/.local/lib/briefing"
bin="$HOME/.local/bin"
mkdir -p "$HOME/.local/lib" "$bin" "$data/applications" "$data/metainfo" "$data/icons"

# Copy next to the old installation first, then swap, so a failed copy leaves the old one working.
if [ "$bundle" != "$lib" ]; then
    rm -rf "$lib.new"
    cp -a "$bundle" "$lib.new"
    rm -rf "$lib"
    mv "$lib.new" "$lib"
fi
ln -sfn "$lib/briefing" "$bin/briefing"

# The desktop entry starts the installed binary by its full path (quoted: the home folder may hold spaces).
sed "s|^Exec=.*|Exec=\"$lib/briefing\"|" "$lib/share/applications/org.briefing.Briefing.desktop" \
    > "$data/applications/org.briefing.Briefing.desktop"
cp "$lib/share/metainfo/org.briefing.Briefing.metainfo.xml" "$data/metainfo/"
cp -r "$lib/share/icons/hicolor" "$data/icons/"

# Refresh the desktop's caches when the tools are there (they are optional).
if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$data/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null && [ -f "$data/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
fi

echo "Briefing installed: $bin/briefing, and in the applications menu"
case ":$PATH:" in
    *":$bin:"*) ;;
    *) echo "note: $bin is not on PATH; add it to run briefing from a terminal" >&2 ;;
esac
