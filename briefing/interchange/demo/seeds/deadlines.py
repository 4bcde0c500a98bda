"""The deadline a time phrase gives ("by the end of 2024", "in autumn 2024", "next year")."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from briefing.interchange.demo.seeds.cleanup import SUPERSCRIPT_DIGITS, normalise_spaces

_MONTHS = {name.casefold(): number for number, name in enumerate(calendar.month_name) if name}
_MONTH = "(" + "|".join(_MONTHS) + ")"
_SEASON_LAST_MONTH = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2}

_DateRule = Callable[["re.Match[str]", "dt.date | None"], "dt.date | None"]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _day(match: re.Match[str], _: dt.date | None) -> dt.date:
    return dt.date(int(match[3]), _MONTHS[match[2]], int(match[1]))


def _season_end(match: re.Match[str], _: dt.date | None) -> dt.date:
    season, year = match[1], int(match[2])
    last_month = _SEASON_LAST_MONTH[season]
    return _month_end(year + 1 if season == "winter" else year, last_month)


def _half_end(match: re.Match[str], _: dt.date | None) -> dt.date:
    return _month_end(int(match[2]), 6 if match[1] == "first" else 12)


def _part_of_year_end(match: re.Match[str], _: dt.date | None) -> dt.date:
    return _month_end(int(match[2]), {"early": 3, "mid": 6, "mid-": 6, "late": 12}[match[1]])


def _month_year_end(match: re.Match[str], _: dt.date | None) -> dt.date:
    return _month_end(int(match[2]), _MONTHS[match[1]])


def _relative_month_end(match: re.Match[str], reference: dt.date | None) -> dt.date | None:
    if reference is None:
        return None
    return _month_end(reference.year + (match[2] == "next"), _MONTHS[match[1]])


def _relative_year_end(match: re.Match[str], reference: dt.date | None) -> dt.date | None:
    if reference is None:
        return None
    return dt.date(reference.year + (match[1] == "next"), 12, 31)


def _year_end(match: re.Match[str], _: dt.date | None) -> dt.date:
    return dt.date(int(match[1]), 12, 31)


# Most precise first: a day, a season, a half-year, part of a year, a month, a relative year, a year.
_DATE_RULES: tuple[tuple[re.Pattern[str], _DateRule], ...] = (
    (re.compile(rf"\b(?:\d{{1,2}}\s*[-–]\s*)?(\d{{1,2}}) {_MONTH} (\d{{4}})\b"), _day),
    (re.compile(r"\b(spring|summer|autumn|fall|winter) (?:of )?(\d{4})\b"), _season_end),
    (re.compile(r"\b(first|second) (?:half|semester)(?: of)? (\d{4})\b"), _half_end),
    (re.compile(r"\b(early|mid-?|late) ?(\d{4})\b"), _part_of_year_end),
    (re.compile(rf"\b{_MONTH} (\d{{4}})\b"), _month_year_end),
    (re.compile(rf"\b{_MONTH} (this|next) year\b"), _relative_month_end),
    (re.compile(r"\b(this|next) year\b"), _relative_year_end),
    (re.compile(r"\b(\d{4})\b"), _year_end),
)


def parse_deadline(phrase: str, reference: dt.date | None = None) -> dt.date | None:
    """The date a time phrase such as "by the end of 2024" gives as a deadline, or None.

    The rule is: **the last day of the period named.** A day is itself ("on 30 May 2024"; a range of days
    ends on its last day); a month ends on its last day ("by June 2025" → 30 June 2025); a year ends on 31
    December ("in 2025", "by the end of 2024"); a half-year or semester ends on 30 June or 31 December;
    "early", "mid" and "late" a year end on 31 March, 30 June and 31 December; seasons are meteorological
    (spring ends 31 May, summer 31 August, autumn 30 November, winter on the last day of February of the
    next year), so "end of autumn 2024" is 30 November 2024. "this year", "next year" and "September this
    year" count from ``reference`` (the document's date) and give None without one.
    """
    text = normalise_spaces(phrase.translate({ord(digit): None for digit in SUPERSCRIPT_DIGITS})).casefold()
    for pattern, rule in _DATE_RULES:
        match = pattern.search(text)
        if match:
            return rule(match, reference)
    return None
