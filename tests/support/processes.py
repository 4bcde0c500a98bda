"""Running ``briefing`` as a user would, in a process of its own, and a small real disk to fill up."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "BRIEFING_DB")


def briefing(*args: str | bytes, lang: str = "en_GB.UTF-8", **extra: str) -> subprocess.CompletedProcess[str]:
    """``python -m briefing ARGS`` in the locale ``lang``, with no library chosen by the environment."""
    env = {k: v for k, v in os.environ.items() if k not in _LOCALE_VARIABLES}
    env.update(LANG=lang, **extra)
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, env=env, check=False
    )


def one_line(result: subprocess.CompletedProcess[str], status: int = 1) -> str:
    """The one line a failed command wrote, after checking it failed with ``status`` and printed no traceback."""
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@contextlib.contextmanager
def small_tmpfs(folder: Path, size: str = "2m") -> Iterator[Path]:
    """A file system of its own, ``size`` big, mounted in ``folder`` (the suite runs as root on CI)."""
    mount_point = folder / f"disk-{uuid.uuid4().hex[:6]}"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount_point)],
                             capture_output=True, check=False)  # fmt: skip
    if mounted.returncode != 0:
        pytest.fail("cannot mount a small tmpfs here; run the suite as root (as scripts/test.sh does on CI)")
    try:
        yield mount_point
    finally:  # detached even if a file is still open
        subprocess.run(["umount", "--lazy", str(mount_point)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Fill ``disk`` until only about ``leave`` bytes are free; the filler file."""
    filler = disk / "filler.bin"
    stats = os.statvfs(disk)
    filler.write_bytes(b"\0" * max(0, stats.f_bavail * stats.f_frsize - leave))
    return filler
