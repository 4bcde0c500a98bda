"""The pack selection: read in the same few statements for a small and a large meeting, as plain records."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from briefing.assemble import PackRequest, assemble
from briefing.assemble.workbook_rows import pack_text_rows
from briefing.errors import NotFoundError
from briefing.interchange.library_json import import_document, validate
from briefing.model.enums import ActionStatus, CopyType, ItemKind, Marking
from briefing.operations import queries
from briefing.operations.presets import preset_data
from briefing.preflight import run_preflight
from briefing.selection import PackSelection, load_pack_selection
from briefing.selection.load import STATEMENTS
from briefing.store import Library

KINDS = ("line_to_take", "background", "qa", "objective")


def texts(en: str, fr: str | None = None) -> dict[str, str]:
    return {"en": en, "fr": fr} if fr is not None else {"en": en}


def meeting_document(slug: str, topics: int, prefix: str) -> dict[str, Any]:
    """A library document with a meeting of ``topics`` agenda items, one topic each (3 items, 2 actions)."""
    topic_list = []
    for t in range(topics):
        key = f"{prefix}-topic-{t}"
        items = []
        for i, kind in enumerate(KINDS[:3]):
            item: dict[str, Any] = {"key": f"{key}-i{i}", "kind": kind}
            if kind == "qa":
                item["question"] = texts(f"Question {t}?", f"Question {t} ?")
                item["answer"] = texts(f"Answer {t}.")
            else:
                item["text"] = texts(f"Text {t}.{i}", f"Texte {t}.{i}")
            if i == 1 and t % 2 == 0:
                item["internal"] = True
            items.append(item)
        topic_list.append(
            {
                "key": key,
                "title": texts(f"Topic {t}", f"Sujet {t}"),
                "owner": f"Unit {t % 3}",
                "marking": "LIMITE" if t % 5 == 0 else None,
                "reviewed_on": "2024-01-01",
                "sources": [f"ST {t}/24"],
                "items": items,
                "actions": [
                    {"key": f"{key}-late", "text": texts("Later.", "Plus tard."), "deadline": "2024-12-01",
                     "status": "open"},
                    {"key": f"{key}-soon", "text": texts("Soon.", "Bientôt."), "deadline": "2024-07-01",
                     "status": "in_progress"},
                    {"key": f"{key}-gone", "text": texts("Dropped."), "status": "cancelled"},
                ],
            }
        )  # fmt: skip
    agenda = []
    for t in range(topics):
        key = f"{prefix}-topic-{t}"
        point: dict[str, Any] = {"title": texts(f"Point {t}", f"Point {t}"), "topics": [key]}
        if t % 2:
            point["items"] = [f"{key}-i2", f"{key}-i0"]
        agenda.append(point)
    return {
        "format": "briefing-library",
        "version": 1,
        "areas": [{"key": f"{prefix}-area", "title": texts("Area", "Domaine"), "topics": topic_list}],
        "participants": [
            {
                "key": f"{prefix}-p{n}",
                "name": f"Person {n}",
                "organisation": "Ministry",
                "function": texts("Minister", "Ministre"),
                "bio": texts("A bio."),
            }
            for n in range(2)
        ],
        "meetings": [
            {
                "slug": slug,
                "kind": "council",
                "title": texts(f"Meeting {slug}", f"Réunion {slug}"),
                "location": texts("Brussels", "Bruxelles"),
                "starts_on": "2024-06-13",
                "participants": [f"{prefix}-p0", f"{prefix}-p1"],
                "objectives": [texts("Agree.", "Convenir.")],
                "agenda": agenda,
            }
        ],
    }


@pytest.fixture(scope="module")
def meetings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """A library with a 20-topic and a 200-topic meeting."""
    library = Library.open(tmp_path_factory.mktemp("selection") / "library.sqlite")
    for slug, size in (("small", 20), ("large", 200)):
        with library.unit_of_work() as uow:
            import_document(uow, validate(meeting_document(slug, size, slug)))
    yield library
    library.close()


@contextmanager
def counted(library: Library) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(library.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(library.engine, "before_cursor_execute", record)


def statements_for(library: Library, slug: str, read: Any) -> int:
    """Statements run by ``read(uow, slug)``; no ORM object may be loaded on the way."""
    with library.unit_of_work() as uow:
        with counted(library) as statements:
            read(uow, slug)
        assert len(uow.session.identity_map) == 0, "the selection path loaded ORM objects"
    return len(statements)


READERS = {
    "selection": load_pack_selection,
    "assembly": lambda uow, slug: assemble(uow, PackRequest(slug, "bilingual", allow_missing=True)),
    "preflight": lambda uow, slug: run_preflight(uow, PackRequest(slug, "fr")),
    "excel rows": lambda uow, slug: pack_text_rows(uow, PackRequest(slug, "fr")),
    "presets": lambda uow, slug: preset_data(load_pack_selection(uow, slug)),
    "builder agenda": queries.agenda,
}


@pytest.mark.parametrize("reader", sorted(READERS))
def test_the_same_statements_for_a_small_and_a_large_meeting(meetings: Library, reader: str) -> None:
    small = statements_for(meetings, "small", READERS[reader])
    large = statements_for(meetings, "large", READERS[reader])
    assert small == large == STATEMENTS


def test_the_selection_holds_the_meeting_in_pack_order(meetings: Library) -> None:
    with meetings.unit_of_work() as uow:
        selection = load_pack_selection(uow, "small")
    assert selection.meeting.slug == "small"
    assert selection.meeting.title.text("fr") == "Réunion small"
    assert [person.key for person in selection.participants] == ["small-p0", "small-p1"]
    assert len(selection.agenda) == 20
    first, second = selection.agenda[0], selection.agenda[1]
    assert [a.number for a in selection.agenda[:3]] == [1, 2, 3]
    # select all: every item, slot by slot
    assert [item.kind for item in first.included] == [ItemKind.LINE_TO_TAKE, ItemKind.BACKGROUND, ItemKind.QA]
    assert first.included[0].effective_marking is Marking.LIMITE  # topic 0 is marked, the item is not
    # an explicit selection keeps its order; the rest follows unchecked
    assert [(item.key, on) for item, on in second.selection] == [
        ("small-topic-1-i2", True),
        ("small-topic-1-i0", True),
        ("small-topic-1-i1", False),
    ]
    assert [item.key for item in first.pack_items(CopyType.EXTERNAL)] == [
        "small-topic-0-i0",
        "small-topic-0-i2",
    ]
    # actions: cancelled ones left out, earliest deadline first
    assert [(a.key, a.status) for a in first.actions] == [
        ("small-topic-0-soon", ActionStatus.IN_PROGRESS),
        ("small-topic-0-late", ActionStatus.OPEN),
    ]
    answer = first.included[2].answer
    assert answer is not None and answer.state("fr").value == "missing"
    assert first.topics[0].sources == ("ST 0/24",)


def test_sqlite3_and_sqlalchemy_read_the_same_selection(meetings: Library) -> None:
    with meetings.unit_of_work() as uow:
        through_sqlalchemy = load_pack_selection(uow, "large")
    path = meetings.path
    assert path is not None
    connection = sqlite3.connect(Path(path))
    try:
        plain = load_pack_selection(connection, "large")
        by_id = load_pack_selection(connection, plain.meeting.id)
    finally:
        connection.close()
    assert isinstance(plain, PackSelection)
    assert plain == through_sqlalchemy == by_id


def test_ids_are_ints_and_slugs_are_strings(meetings: Library) -> None:
    with meetings.unit_of_work() as uow:
        small = load_pack_selection(uow, "small")
        with pytest.raises(NotFoundError):
            load_pack_selection(uow, str(small.meeting.id))  # a string is a slug, never an id
        assert load_pack_selection(uow, small.meeting.id).meeting.slug == "small"


def test_reading_a_selection_reports_each_statement(big_library: Library) -> None:
    from briefing.progress import stepper
    from tests.support.big_meeting import MEETING

    seen: list[float] = []
    with big_library.reading() as uow:
        selection = load_pack_selection(uow, MEETING, step=stepper(seen.append))
    assert len(selection.agenda) > 100
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert len(seen) >= STATEMENTS  # a step per statement, then the records made
