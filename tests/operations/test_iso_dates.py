"""Dates typed or pasted into a record are ISO calendar dates (YYYY-MM-DD) and nothing else."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.errors import BriefingError
from briefing.operations.library import iso_date


def test_iso_calendar_dates_and_dates_are_accepted() -> None:
    assert iso_date("2024-06-13") == dt.date(2024, 6, 13)
    assert iso_date(" 2024-06-13 ") == dt.date(2024, 6, 13)
    assert iso_date(dt.date(2024, 6, 13)) == dt.date(2024, 6, 13)


@pytest.mark.parametrize(
    "value", ["20240613", "2024-W24-4", "2024-165", "2024-06-13T10:00", "2024-02-30", "x" * 5000]
)
def test_other_forms_are_a_clear_error(value: str) -> None:
    with pytest.raises(BriefingError) as caught:
        iso_date(value)
    assert "is not a date (YYYY-MM-DD)" in caught.value.message("en")
    assert "n’est pas une date" in caught.value.message("fr") or "AAAA" in caught.value.message("fr")
    assert len(caught.value.message("en")) < 100
