"""Fixtures for the export history: the sample library with one meeting, and changes made to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.store import Library

MEETING = "jha-test"


def block_of(library: Library, item_key: str, part: str = "body") -> int:
    """The id of the text ``part`` ("body", "question", "answer") of the item ``item_key``."""
    with library.reading() as uow:
        ident: int = getattr(uow.items.require(item_key), f"{part}_id")
        return ident


@pytest.fixture
def outputs(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder
