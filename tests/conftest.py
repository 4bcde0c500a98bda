"""Fixtures shared by the whole suite: real library files on disk, the sample library document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing.store import Library

pytest_plugins = [
    "tests.support.big_meeting",
    "tests.support.cancelling",
    "tests.support.parallel",
    "tests.support.postgres",
    "tests.support.shared_library",
]

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


def _tool(name: str) -> str:
    """The path of an external program the suite needs; a clear failure (not a skip) when it is absent."""
    import shutil

    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: run the suite through scripts/test.sh, which installs it")
    return found


@pytest.fixture(scope="session")
def ooxml_validator() -> str:
    """The Office Open XML schema validator installed by scripts/test.sh."""
    import os

    path = os.environ.get("BRIEFING_OOXML_VALIDATOR") or str(
        Path(__file__).parents[1] / ".tools" / "node_modules" / ".bin" / "ooxml-validator"
    )
    if not Path(path).exists():
        pytest.fail("the OOXML validator is not installed: run the suite through scripts/test.sh")
    return path


@pytest.fixture(scope="session")
def soffice() -> str:
    """LibreOffice, to turn packs into PDF as a reader would see them."""
    return _tool("soffice")


@pytest.fixture(scope="session")
def pdftotext() -> str:
    return _tool("pdftotext")
