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


def test_the_test_command_runs_the_core_tests_with_qt_unimportable() -> None:
    """scripts/test.sh runs every test outside tests/gui and tests/packaging with the no-Qt plugin."""
    script = (Path(__file__).parents[2] / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert (
        "run_pytest -p tests.support.no_qt -p no:pytest-qt --ignore=tests/gui --ignore=tests/packaging"
        in script
    )


def test_qt_stays_unimportable_in_the_parallel_workers_of_the_core_run(tmp_path: Path) -> None:
    """The core run shares its tests between pytest-xdist workers: each worker loads the no-Qt plugin too, so a
    core test that imports PySide6 fails there as it would in one process."""
    probe = tmp_path / "test_probe.py"
    probe.write_text(
        "import os\n\n"
        "def test_imports_qt():\n"
        "    assert os.environ.get('PYTEST_XDIST_WORKER')  # run by a worker, not the controller\n"
        "    import PySide6  # noqa: F401\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.support.no_qt", "-p", "no:pytest-qt", "-p",
         "no:cacheprovider", "-n", "2", "--dist", "loadscope", "--no-loadscope-reorder", "-q", str(probe)],
        cwd=Path(__file__).parents[2], capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr
    assert "ImportError: Qt is not available in this run: PySide6" in result.stdout, result.stdout
    assert "1 failed" in result.stdout, result.stdout
