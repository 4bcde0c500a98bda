"""Team mode: the same library on a real PostgreSQL server, started by the tests.

Several advisers share one library by pointing BRIEFING_DB at a PostgreSQL URL. The schema, imports, exports,
assembly and optimistic locking must behave as on SQLite.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import URL

from briefing.assemble import PackRequest
from briefing.errors import ConflictError
from briefing.export import ExportRequest, export_pack
from briefing.interchange.library_json import export_document, import_document, validate
from briefing.store import Library


@pytest.fixture
def shared(server: URL, sample_document: dict[str, Any]) -> Iterator[Library]:
    library = Library.open(server)
    from briefing.interchange.demo.builder import create_demo_library

    create_demo_library(library, force=True)  # start from a known state: the demo, then the sample
    with library.unit_of_work() as uow:
        import_document(uow, validate(sample_document))
    yield library
    library.close()


def test_json_round_trip_is_exact(shared: Library, sample_document: dict[str, Any]) -> None:
    with shared.unit_of_work() as uow:
        exported = export_document(uow)
    sample_meetings = {m["slug"] for m in sample_document["meetings"]}
    assert [m for m in exported["meetings"] if m["slug"] in sample_meetings] == sample_document["meetings"]
    assert json.dumps(exported, ensure_ascii=False).count('"key": "dt-ltt-1"') == 1


def test_two_advisers_editing_the_same_topic(shared: Library, server: URL) -> None:
    colleague = Library.open(server)
    try:
        mine = shared.unit_of_work().__enter__()
        theirs = colleague.unit_of_work().__enter__()
        mine.topics.require("drug-trafficking").owner = "Me"
        theirs.topics.require("drug-trafficking").owner = "Them"
        mine.__exit__(None, None, None)
        with pytest.raises(ConflictError):
            theirs.__exit__(None, None, None)
        with colleague.unit_of_work() as uow:
            assert uow.topics.require("drug-trafficking").owner == "Me"
    finally:
        colleague.close()


def test_search_and_pack_export_from_the_server(shared: Library, tmp_path: Path) -> None:
    with shared.unit_of_work() as uow:
        hits = uow.search("Ports Alliance")
    assert any(hit.item_key == "dt-obj-1" for hit in hits)
    result = export_pack(
        shared,
        ExportRequest(
            PackRequest("jha-council-2024-06", "bilingual", allow_missing=True), tmp_path / "p.docx"
        ),
    )
    assert result.path.stat().st_size > 10_000
    assert result.marking == "LIMITE"


def test_library_exports_on_postgresql_are_never_half_old_half_new(shared: Library, tmp_path: Path) -> None:
    """A writer process changes two topic titles in one transaction while exports run: REPEATABLE READ."""
    from tests.support.concurrent_writer import exports_while_writing

    seen = exports_while_writing(
        shared, shared.url.render_as_string(hide_password=False), tmp_path, seconds=8
    )
    assert len(seen) >= 4
    assert [pair for pair in seen if pair[0] != pair[1]] == []
    assert any(pair[0] != "round 0" for pair in seen)


def test_exports_are_recorded_and_made_again_exactly_on_the_server(shared: Library, tmp_path: Path) -> None:
    from briefing.history.records import list_records
    from briefing.history.versions import export_recorded, read_recorded
    from briefing.operations.library import delete_item

    first = tmp_path / "first.xlsx"
    request = PackRequest("jha-council-2024-06", "fr", allow_missing=True)
    assert export_pack(shared, ExportRequest(request, first, "xlsx")).number == 1
    delete_item(shared, read_recorded(shared, "jha-council-2024-06", 1)[1].entries[0].item_key)
    assert export_recorded(shared, "jha-council-2024-06", 1, tmp_path / "again.xlsx").identical
    assert (tmp_path / "again.xlsx").read_bytes() == first.read_bytes()
    with shared.reading() as uow:
        assert [r.sha256 for r in list_records(uow, "jha-council-2024-06")] == [
            hashlib.sha256(first.read_bytes()).hexdigest()
        ]
