"""The core never imports Qt, and works with PySide6 absent."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).parents[2] / "briefing"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def core_modules() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "gui" not in p.relative_to(PACKAGE).parts]


def test_no_core_module_imports_qt() -> None:
    offenders = []
    for path in core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path}: {n}" for n in names if n.split(".")[0] in QT_MODULES]
    assert offenders == []


IMPORT_EVERY_CORE_MODULE = """
import importlib, pkgutil
import tests.support.no_qt  # from here on, importing Qt fails
import briefing
for info in pkgutil.walk_packages(briefing.__path__, 'briefing.'):
    if '.gui' in info.name or info.name.startswith('briefing.store.migrations') or info.name == 'briefing.__main__':
        continue
    importlib.import_module(info.name)
print('ok')
"""


def test_core_imports_without_pyside6() -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_CORE_MODULE],
        cwd=Path(__file__).parents[2], capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


CORE_TEST_PATHS = (
    "tests/model", "tests/store", "tests/assemble", "tests/interchange/library_json", "tests/preflight",
    "tests/render/docx", "tests/cli/test_export_command.py", "tests/selection",
)  # fmt: skip


def test_core_tests_pass_with_qt_unimportable() -> None:
    """The core's own tests, run in a process where importing PySide6 fails."""
    root = Path(__file__).parents[2]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.support.no_qt", "-p", "no:pytest-qt",
         "-p", "no:cacheprovider", "--ignore=tests/store/test_postgresql.py", *CORE_TEST_PATHS],
        cwd=root, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
