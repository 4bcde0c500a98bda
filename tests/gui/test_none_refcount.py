"""The Qt binding must not leak references to None (PySide6 6.12.0 on Python 3.11 aborts the app that way)."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("none_refcount_probe.py")
ROOT = Path(__file__).parents[2]
DEFECTIVE = "6.12.0"


def run_probe(python: str | Path, rounds: int = 5000) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [str(python), str(PROBE), str(rounds)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_void_qt_calls_leave_none_alone() -> None:
    """30,000 void Qt calls in one process: the reference count of None does not fall."""
    result = run_probe(sys.executable)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "steady over 30000 void Qt calls" in result.stdout


def test_installed_binding_is_not_the_defective_one() -> None:
    import PySide6

    if sys.version_info < (3, 12):
        assert PySide6.__version__ != DEFECTIVE


@pytest.mark.slow
@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: the defect cannot show"
)
def test_probe_fails_on_the_defective_binding() -> None:
    """The probe is worth something only if it catches the defect: run it against PySide6 6.12.0 itself."""
    env_dir = ROOT / ".tools" / f"pyside6-{DEFECTIVE}-py{sys.version_info.major}{sys.version_info.minor}"
    python = env_dir / "bin" / "python"
    if not (env_dir / ".ready").exists():
        venv.create(env_dir, with_pip=True, clear=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", f"pyside6-essentials=={DEFECTIVE}"],
            check=True,
            timeout=900,
        )
        (env_dir / ".ready").write_text(DEFECTIVE)
    result = run_probe(python)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"PySide6 {DEFECTIVE}: references to None fell" in result.stdout
