"""The selection's records, the assembler, the outline and the renderers import no database code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

MODULES = (
    "briefing.selection",
    "briefing.selection.rules",
    "briefing.assemble",
    "briefing.assemble.outline",
    "briefing.assemble.text_rows",
    "briefing.preflight",
    "briefing.export",
    "briefing.render.html",
    "briefing.render.xlsx",
    "briefing.render.docx",
)


def test_the_pack_path_imports_no_database_code() -> None:
    script = "\n".join(
        [
            "import importlib, sys",
            f"for name in {MODULES!r}:",
            "    importlib.import_module(name)",
            "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')}))",
        ]
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).parents[2],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
