"""Fixtures shared by the whole suite: real library files on disk, the sample library document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing.store import Library

DATA = Path(__file__).parent / "data"


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite"


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    lib = Library.open(library_path)
    yield lib
    lib.close()


@pytest.fixture
def sample_document() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "sample-library.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture
def sample_library(library: Library, sample_document: dict[str, Any]) -> Library:
    from briefing.interchange.library_json import import_document, validate

    with library.unit_of_work() as uow:
        import_document(uow, validate(sample_document))
    return library
