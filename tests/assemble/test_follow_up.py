"""Past events are not follow-up actions; each action is listed once, under the first agenda item that has it."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.assemble import PackRequest, assemble
from briefing.assemble.follow_up import is_meeting_event, month_end, pointer
from briefing.store import Library

JUNE_14 = dt.date(2024, 6, 14)


@pytest.mark.parametrize(
    ("deadline", "event"),
    [
        (dt.date(2024, 6, 30), True),  # "submitted to the JHA Council for approval in June 2024"
        (dt.date(2024, 5, 31), True),  # before the meeting
        (dt.date(2024, 7, 1), False),
        (dt.date(2024, 12, 31), False),
        (None, False),
    ],
)
def test_an_action_due_by_the_end_of_the_meeting_month_is_an_event(
    deadline: dt.date | None, event: bool
) -> None:
    assert is_meeting_event(deadline, JUNE_14) is event


def test_a_meeting_without_dates_keeps_every_action() -> None:
    assert not is_meeting_event(dt.date(2000, 1, 1), None)


def test_month_end() -> None:
    assert month_end(dt.date(2024, 2, 3)) == dt.date(2024, 2, 29)
    assert month_end(dt.date(2023, 12, 31)) == dt.date(2023, 12, 31)


def test_pointer_is_split_around_the_page_number() -> None:
    reference = pointer("3 actions de suivi : voir « {annex} », page {page}", "fr", "Actions de suivi")
    assert (reference.before, reference.after, reference.anchor) == (
        "3 actions de suivi : voir « Actions de suivi », page ",
        "",
        "actions",
    )
    with pytest.raises(ValueError, match="page"):
        pointer("no page here", "en", "Annex")


def test_outline_lists_each_action_under_one_section_with_a_pointer(sample_library: Library) -> None:
    with sample_library.unit_of_work() as uow:
        outline = assemble(uow, PackRequest("jha-test", "fr", allow_missing=True, today=dt.date(2024, 6, 1)))
    first, second = outline.sections
    assert first.listed_actions == tuple(a.key for a in first.actions) == ("dt-act-1", "dt-act-2")
    assert second.listed_actions == () and second.follow_up == ()
    (reference,) = first.follow_up
    assert reference.lang == "fr" and reference.anchor == "actions"
    assert reference.before == "2 actions de suivi\u00a0: voir «\u202fActions de suivi\u202f», page "
