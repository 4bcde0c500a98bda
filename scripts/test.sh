#!/usr/bin/env bash
# Install everything the test suite needs and run it: Debian packages (Qt offscreen, Xvfb, LibreOffice,
# poppler) when root and missing, a venv with the project and its test extras, then pytest.
# Extra arguments go to pytest. "No tests ran" is a failure.
set -euo pipefail
WITH_TEST_EXTRAS=1
source "$(dirname "$0")/bootstrap.sh"
apt_install_missing "${QT_RUNTIME_PACKAGES[@]}" xvfb xauth libreoffice-writer-nogui libreoffice-calc-nogui \
    poppler-utils
make_venv
cd "$ROOT"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
status=0
"$VENV/bin/python" -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "error: no tests ran" >&2
    exit 1
fi
exit "$status"
