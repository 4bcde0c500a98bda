"""Units of work: all or nothing, and concurrent edits detected by the version column."""

from __future__ import annotations

import pytest

from briefing.errors import ConflictError, NotFoundError
from briefing.model import Area, TextBlock
from briefing.store import Library


def new_area(key: str) -> Area:
    title = TextBlock()
    title.set_text("en", key.title())
    return Area(key=key, title=title)


def test_an_exception_rolls_everything_back(library: Library) -> None:
    with pytest.raises(RuntimeError), library.unit_of_work() as uow:
        uow.areas.add(new_area("one"))
        uow.flush()
        raise RuntimeError("boom")
    with library.unit_of_work() as uow:
        assert uow.areas.count() == 0
        assert uow.translations.count() == 0


def test_concurrent_edit_is_a_conflict_and_keeps_the_first_change(library: Library) -> None:
    with library.unit_of_work() as uow:
        uow.areas.add(new_area("sec"))
    first = library.unit_of_work().__enter__()
    second = library.unit_of_work().__enter__()
    mine = first.areas.require("sec")
    theirs = second.areas.require("sec")
    mine.position = 1
    first.__exit__(None, None, None)
    theirs.position = 2
    with pytest.raises(ConflictError):
        second.__exit__(None, None, None)
    with library.unit_of_work() as uow:
        area = uow.areas.require("sec")
        assert (area.position, area.version) == (1, 2)


def test_require_names_what_is_missing(library: Library) -> None:
    with pytest.raises(NotFoundError, match="no-such-topic"), library.unit_of_work() as uow:
        uow.topics.require("no-such-topic")


def test_keys_and_ids_are_never_taken_for_one_another(library: Library) -> None:
    with library.unit_of_work() as uow:
        first = uow.areas.add(new_area("first"))
        uow.flush()
        named_like_an_id = uow.areas.add(new_area(str(first.id)))
        uow.flush()
        assert uow.areas.require(str(first.id)) is named_like_an_id  # a string is a key
        assert uow.areas.require_id(first.id) is first  # an int is an id
        with pytest.raises(NotFoundError):
            uow.areas.require(str(named_like_an_id.id))  # no area has that key, whatever its id
        with pytest.raises(TypeError):
            uow.areas.require(first.id)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            uow.areas.require_id(str(first.id))  # type: ignore[arg-type]
