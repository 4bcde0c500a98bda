"""Keep the French catalogue of the interface in step with the code, and compile it.

::

    python -m briefing.gui.i18n.build update    # pyside6-lupdate: new strings into translations/briefing_fr.ts
    (translate them in Qt Linguist: pyside6-linguist translations/briefing_fr.ts)
    python -m briefing.gui.i18n.build release   # pyside6-lrelease: briefing/gui/i18n/briefing_fr.qm

The .qm is committed with the package; the test suite fails when the .ts has unfinished or vanished entries,
when the code has strings the .ts lacks, or when the .qm is not what the .ts compiles to.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

GUI_DIR = Path(__file__).resolve().parents[1]
ROOT = GUI_DIR.parents[1]
TS_DIR = ROOT / "translations"
LANGUAGES = ("fr",)


def ts_path(lang: str) -> Path:
    return TS_DIR / f"briefing_{lang}.ts"


def qm_path(lang: str) -> Path:
    return GUI_DIR / "i18n" / f"briefing_{lang}.qm"


def sources() -> list[Path]:
    """The interface's Python files, whose tr() and translate() strings the catalogue holds."""
    return sorted(p for p in GUI_DIR.rglob("*.py") if p.parent.name != "i18n")


def tool(name: str) -> str:
    """A PySide6 tool, from the running environment first."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install pyside6-essentials")
    return found


def update(ts: Path, keep_obsolete: bool = False) -> None:
    """Run lupdate on the sources into ``ts`` (no line numbers, so the file only changes with the strings)."""
    args = [tool("pyside6-lupdate"), *map(str, sources()), "-locations", "none", "-silent"]
    if not keep_obsolete:
        args.append("-no-obsolete")
    subprocess.run([*args, "-ts", str(ts)], check=True, capture_output=True)


def release(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm``."""
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("command", choices=("update", "release", "all"))
    args = parser.parse_args(argv)
    for lang in LANGUAGES:
        if args.command in ("update", "all"):
            update(ts_path(lang))
        if args.command in ("release", "all"):
            release(ts_path(lang), qm_path(lang))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
