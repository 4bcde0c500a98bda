"""Days, date ranges, times and numbers, written as each pack language writes them.

Babel's CLDR data is used with the locales of :data:`PACK_LOCALES`: British English and Belgian French. Where
CLDR's own formats do not read as a briefing pack should, the pattern is given here:

- a long day has no comma after the weekday ("Thursday 13 June 2024"; en_GB's full format has one);
- the first day of a month is "1er" in French ("1er juin 2024"), as French administrative style writes it;
- a date range spells its months out and uses an en dash: "13–14 June 2024", "30 May – 2 June 2024",
  "30 December 2024 – 2 January 2025". Babel's ``format_interval`` has no pattern with full month names and
  falls back to abbreviations ("13–14 Jun 2024"), with thin spaces (U+2009) around the dash;
- a French time is "10 h 30" with no-break spaces (U+00A0), so it never breaks across lines; fr_BE's own short
  time is "10:30".

Numbers are Babel's: fr_BE groups digits with a narrow no-break space (U+202F) and uses a decimal comma, so
1234.5 is "1\u202f234,5"; en_GB gives "1,234.5".
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.dates import format_time as babel_format_time
from babel.numbers import format_decimal

from briefing.i18n import pack_language

PACK_LOCALES: dict[str, str] = {"en": "en_GB", "fr": "fr_BE"}
"""The Babel locale each pack language is written in."""

RANGE_DASH = "–"
"""The en dash between the two ends of a range."""


@cache
def locale_for(lang: str) -> Locale:
    """The Babel locale of pack language ``lang`` ("en" → en_GB, "fr" → fr_BE)."""
    return Locale.parse(PACK_LOCALES[pack_language(lang)])


def load_locales() -> None:
    """Read the CLDR data of every pack locale now, rather than the first time a day or number is written.

    Babel reads and merges a locale's data on first use (tens of milliseconds each); the app does it while it
    starts, off the UI thread, so the first day the window writes (or the first switch to French) does not.
    """
    for lang in PACK_LOCALES:
        format_day(dt.date(2000, 1, 1), lang)
        format_number(Decimal("1234.5"), lang)


def format_day(day: dt.date, lang: str) -> str:
    """A day with its month spelt out: "13 June 2024", "13 juin 2024", "1er juin 2024"."""
    return _format(day, _day_pattern(day, lang) + " MMMM y", lang)


def format_long_day(day: dt.date, lang: str) -> str:
    """A day with its weekday: "Thursday 13 June 2024", "jeudi 13 juin 2024"."""
    return _format(day, "EEEE " + _day_pattern(day, lang) + " MMMM y", lang)


def format_range(start: dt.date, end: dt.date | None, lang: str) -> str:
    """The days from ``start`` to ``end``, naming the shared month and year once.

    "13 June 2024" when ``end`` is None or the same day; "13–14 June 2024"; "30 May – 2 June 2024";
    "30 December 2024 – 2 January 2025". Raises ValueError when ``end`` comes before ``start``.
    """
    if end is None or end == start:
        return format_day(start, lang)
    if end < start:
        raise ValueError(f"a range cannot end ({end}) before it starts ({start})")
    if (start.year, start.month) == (end.year, end.month):
        return _format(start, _day_pattern(start, lang), lang) + RANGE_DASH + format_day(end, lang)
    if start.year == end.year:
        first = _format(start, _day_pattern(start, lang) + " MMMM", lang)
    else:
        first = format_day(start, lang)
    return f"{first} {RANGE_DASH} {format_day(end, lang)}"


def format_time(time: dt.time, lang: str) -> str:
    """A time of day on the 24-hour clock: "10:30" and "09:05"; "10 h 30" and "9 h 05" in French."""
    pattern = "H\u00a0'h'\u00a0mm" if pack_language(lang) == "fr" else "HH:mm"
    return babel_format_time(time, pattern, locale=locale_for(lang))


def format_number(number: int | float | Decimal, lang: str) -> str:
    """A number with the pack language's digit grouping and decimal sign: "1,234.5", "1\u202f234,5"."""
    return format_decimal(number, locale=locale_for(lang))


def _format(day: dt.date, pattern: str, lang: str) -> str:
    """``day`` written with the CLDR ``pattern`` in the locale of ``lang``."""
    return format_date(day, pattern, locale=locale_for(lang))


def _day_pattern(day: dt.date, lang: str) -> str:
    """The pattern of the day of the month: "d", or "d'er'" for the first of the month in French."""
    return "d'er'" if day.day == 1 and pack_language(lang) == "fr" else "d"
