"""Cancelling long work in tests: a cancel that comes once progress reaches a share, and a temporary folder of
the test's own in which whatever the work leaves behind can be seen."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


class CancelAt:
    """The progress callback and the "cancelled?" question of work cancelled once it reports ``at`` (0 to 1)."""

    def __init__(self, at: float) -> None:
        self.at = at
        self.reached = False

    def progress(self, fraction: float) -> None:
        self.reached = self.reached or fraction >= self.at

    def cancelled(self) -> bool:
        return self.reached


@pytest.fixture
def temporary(tmp_path: Path) -> Iterator[Path]:
    """The system's temporary folder, for this test alone: whatever is left in it was left by the work."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "tempdir", str(folder))
        yield folder
