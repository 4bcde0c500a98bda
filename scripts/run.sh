#!/usr/bin/env bash
# Install Briefing into a local venv (and the Debian packages Qt needs, when root) and run it.
# With no arguments it starts the desktop app; otherwise the arguments go to the `briefing` command,
# e.g. scripts/run.sh export jha-council-2024-06 --lang fr -o pack.docx
set -euo pipefail
WITH_TEST_EXTRAS=0
source "$(dirname "$0")/bootstrap.sh"
apt_install_missing "${QT_RUNTIME_PACKAGES[@]}"
make_venv
exec "$VENV/bin/briefing" "$@"
