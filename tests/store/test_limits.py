"""The same limits on SQLite and PostgreSQL, checked before writing, naming the field; nothing written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from briefing.model import Area, Participant, TextBlock, TextStatus, Topic
from briefing.store import Library
from briefing.store.bulk import insert_returning_ids, insert_text_blocks
from briefing.store.limits import LimitError


@pytest.fixture(params=["sqlite", "postgresql"])
def any_library(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Library]:
    if request.param == "sqlite":
        library = Library.open(tmp_path / "library.sqlite")
    else:
        url: URL = request.getfixturevalue("server")
        library = Library.open(url)
        with library.unit_of_work() as uow:  # a clean slate on the shared server
            for person in uow.participants.list():
                uow.participants.delete(person)
    yield library
    library.close()


def person(name: str, organisation: str | None = None) -> Participant:
    return Participant(
        key=f"p-{len(name)}", name=name, organisation=organisation, function=TextBlock(), bio=TextBlock()
    )


def add_participant(library: Library, record: Participant) -> None:
    with library.unit_of_work() as uow:
        uow.participants.add(record)


def participants(library: Library) -> list[str]:
    with library.unit_of_work() as uow:
        return [p.name for p in uow.participants.list(Participant.key)]


def test_a_name_at_the_limit_is_kept(any_library: Library) -> None:
    add_participant(any_library, person("N" * 300))
    assert participants(any_library) == ["N" * 300]


def test_a_name_over_the_limit_is_refused_on_both_back_ends(any_library: Library) -> None:
    with pytest.raises(LimitError) as caught:
        add_participant(any_library, person("N" * 301))
    assert "participant.name is too long: 301 characters, at most 300" in caught.value.message("en")
    assert "participant.name est trop long" in caught.value.message("fr")
    assert participants(any_library) == []


@pytest.mark.parametrize(("text", "code"), [("a\x00b", "U+0000"), ("a\ud800b", "U+D800")])
def test_characters_no_database_stores_are_refused_on_both_back_ends(
    any_library: Library, text: str, code: str
) -> None:
    with pytest.raises(LimitError) as caught, any_library.unit_of_work() as uow:
        block = TextBlock()
        block.set_text("fr", text, TextStatus.TRANSLATED)
        uow.participants.add(Participant(key="p-x", name="X", function=block, bio=TextBlock()))
    assert "translation.text" in caught.value.message("en") and code in caught.value.message("en")
    assert participants(any_library) == []


def test_bulk_inserts_are_checked_too(any_library: Library) -> None:
    with pytest.raises(LimitError) as caught, any_library.unit_of_work() as uow:
        titles = insert_text_blocks(uow.session, [("en", {"en": ("Area", TextStatus.TRANSLATED)})])
        (area,) = insert_returning_ids(
            uow.session, Area, [{"key": "a", "position": 0, "title_id": titles[0]}]
        )
        insert_returning_ids(
            uow.session,
            Topic,
            [{"key": "t" * 201, "area_id": area, "position": 0, "title_id": titles[0],
              "tags": [], "source_lang": "en"}],
        )  # fmt: skip
    assert "topic.key is too long: 201 characters" in caught.value.message("en")
    with pytest.raises(LimitError), any_library.unit_of_work() as uow:
        insert_text_blocks(uow.session, [("en", {"en": ("bad \udc80 text", TextStatus.TRANSLATED)})])
    with any_library.unit_of_work() as uow:
        assert uow.areas.count() == 0 and uow.topics.count() == 0
