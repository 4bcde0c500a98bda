"""Fixtures for the operation tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from briefing.interchange.library_json import export_document
from briefing.store import Library

Snapshot = Callable[[], dict[str, Any]]


@pytest.fixture
def document(sample_library: Library) -> Snapshot:
    """The whole sample library as its JSON document, to compare before and after an undo."""

    def take() -> dict[str, Any]:
        with sample_library.unit_of_work() as uow:
            return export_document(uow)

    return take
