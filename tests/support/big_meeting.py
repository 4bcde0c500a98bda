"""A library with one big generated meeting, built once per test session and copied for each test.

The meeting is the export benchmark's (:mod:`benchmarks.docx_export`): one agenda item per synthetic topic, 20
items a topic in English and French (some without French), 20 participants. Large enough that reading it,
assembling it and writing it take long enough to watch the progress move and to cancel in the middle.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.store import Library

TOPICS = 150
MEETING = "bench"


@pytest.fixture(scope="session")
def big_meeting_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from benchmarks.docx_export import build_library

    path = tmp_path_factory.mktemp("big-meeting") / "library.sqlite"
    build_library(path, TOPICS, 0)
    return path


@pytest.fixture
def big_library(big_meeting_file: Path, tmp_path: Path) -> Iterator[Library]:
    """The big meeting's library, a copy of its own for the test."""
    path = tmp_path / "big.sqlite"
    shutil.copyfile(big_meeting_file, path)
    library = Library.open(path)
    try:
        yield library
    finally:
        library.close()


def export_count(library: Library) -> int:
    """How many exports the big meeting's history records."""
    from briefing.history.records import list_records

    with library.reading() as uow:
        return len(list_records(uow, MEETING))
