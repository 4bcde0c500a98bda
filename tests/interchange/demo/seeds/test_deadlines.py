"""A time phrase gives the last day of the period it names."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.interchange.demo.seeds import parse_deadline


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("by the end of 2024", dt.date(2024, 12, 31)),
        ("by June 2025", dt.date(2025, 6, 30)),
        ("in 2025", dt.date(2025, 12, 31)),
        ("in the second half 2024", dt.date(2024, 12, 31)),
        ("for the first semester of 2025", dt.date(2025, 6, 30)),
        ("in autumn 2024", dt.date(2024, 11, 30)),
        ("starting early 2025", dt.date(2025, 3, 31)),
        ("on 30-31 May 2024", dt.date(2024, 5, 31)),
        ("in February 2024", dt.date(2024, 2, 29)),
        ("next year", dt.date(2025, 12, 31)),
        ("in September this year", dt.date(2024, 9, 30)),
        ("in the months to come", None),
    ],
)
def test_parse_deadline_takes_the_end_of_the_period_named(phrase: str, expected: dt.date | None) -> None:
    assert parse_deadline(phrase, dt.date(2024, 6, 3)) == expected


def test_relative_deadlines_need_a_reference_date() -> None:
    assert parse_deadline("next year") is None
