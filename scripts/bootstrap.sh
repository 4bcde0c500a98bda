# Shared set-up for scripts/run.sh and scripts/test.sh: Debian packages when root, then a venv with the project.
# Sourced, not executed. Expects WITH_TEST_EXTRAS=0|1.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${BRIEFING_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

apt_install_missing() {
    # Install the Debian packages named in "$@" that are not installed yet (only when running as root).
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
        echo "note: missing Debian packages (install them as root): ${missing[*]}" >&2
        return 0
    fi
    echo "Installing Debian packages: ${missing[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# What Qt needs to run (offscreen or on a screen).
QT_RUNTIME_PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
                     libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
                     libxcb-render-util0 libxcb-image0 fonts-dejavu-core)

make_venv() {
    if [ ! -x "$VENV/bin/python" ]; then
        "$PYTHON" -m venv "$VENV"
    fi
    local stamp="$VENV/.briefing-installed"
    local wanted
    wanted="$(cat "$ROOT/pyproject.toml" "$ROOT/setup.py" | sha256sum | cut -c1-16)-$WITH_TEST_EXTRAS"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
        "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
        if [ "$WITH_TEST_EXTRAS" = "1" ]; then
            "$VENV/bin/python" -m pip install -q -e "$ROOT[test]"
        else
            "$VENV/bin/python" -m pip install -q -e "$ROOT"
        fi
        echo "$wanted" > "$stamp"
    fi
}
