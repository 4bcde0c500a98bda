"""One library opened twice, as two advisers' copies of the app would: on a SQLite file and on PostgreSQL.

Test modules import these fixtures (and ``server`` from tests/store/test_postgresql.py) to run the same test on
both back-ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import URL

from briefing.interchange.library_json import import_document, validate
from briefing.store import Library


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str | URL:
    """A SQLite file, or the module's throw-away PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "shared.sqlite")
    url: URL = request.getfixturevalue("server")
    return url


@pytest.fixture
def two_copies(database: str | URL, sample_document: dict[str, Any]) -> Iterator[tuple[Library, Library]]:
    """The demo and the sample library, opened twice on ``database``."""
    from briefing.interchange.demo.builder import create_demo_library

    first = Library.open(database)
    create_demo_library(first, force=True)
    with first.unit_of_work() as uow:
        import_document(uow, validate(sample_document))
    second = Library.open(database)
    try:
        yield first, second
    finally:
        second.close()
        first.close()
