"""Days, ranges, times and numbers in both pack languages, as exact strings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from babel.numbers import get_decimal_symbol, get_group_symbol

from briefing.i18n.dates import (
    format_day,
    format_long_day,
    format_number,
    format_range,
    format_time,
    locale_for,
)

D = dt.date


@pytest.mark.parametrize(
    ("lang", "name"), [("en", "en_GB"), ("fr", "fr_BE"), ("fr_BE", "fr_BE"), ("EN", "en_GB")]
)
def test_locale_for_pack_languages(lang: str, name: str) -> None:
    assert str(locale_for(lang)) == name


def test_locale_for_refuses_other_languages() -> None:
    with pytest.raises(ValueError, match="nl"):
        locale_for("nl")


@pytest.mark.parametrize(
    ("day", "en", "fr"),
    [
        (D(2024, 6, 13), "13 June 2024", "13 juin 2024"),
        (D(2024, 6, 1), "1 June 2024", "1er juin 2024"),
        (D(2025, 2, 2), "2 February 2025", "2 février 2025"),
        (D(2024, 8, 31), "31 August 2024", "31 août 2024"),
        (D(2024, 12, 1), "1 December 2024", "1er décembre 2024"),
    ],
)
def test_format_day(day: dt.date, en: str, fr: str) -> None:
    assert format_day(day, "en") == en
    assert format_day(day, "fr") == fr


@pytest.mark.parametrize(
    ("day", "en", "fr"),
    [
        (D(2024, 6, 13), "Thursday 13 June 2024", "jeudi 13 juin 2024"),
        (D(2024, 6, 1), "Saturday 1 June 2024", "samedi 1er juin 2024"),
        (D(2024, 12, 30), "Monday 30 December 2024", "lundi 30 décembre 2024"),
    ],
)
def test_format_long_day(day: dt.date, en: str, fr: str) -> None:
    assert format_long_day(day, "en") == en
    assert format_long_day(day, "fr") == fr


@pytest.mark.parametrize(
    ("start", "end", "en", "fr"),
    [
        (D(2024, 6, 13), None, "13 June 2024", "13 juin 2024"),
        (D(2024, 6, 13), D(2024, 6, 13), "13 June 2024", "13 juin 2024"),
        (D(2024, 6, 13), D(2024, 6, 14), "13–14 June 2024", "13–14 juin 2024"),
        (D(2024, 6, 1), D(2024, 6, 3), "1–3 June 2024", "1er–3 juin 2024"),
        (D(2024, 5, 30), D(2024, 6, 2), "30 May – 2 June 2024", "30 mai – 2 juin 2024"),
        (D(2024, 5, 1), D(2024, 6, 1), "1 May – 1 June 2024", "1er mai – 1er juin 2024"),
        (
            D(2024, 12, 30),
            D(2025, 1, 2),
            "30 December 2024 – 2 January 2025",
            "30 décembre 2024 – 2 janvier 2025",
        ),
        (D(2024, 6, 13), D(2025, 6, 14), "13 June 2024 – 14 June 2025", "13 juin 2024 – 14 juin 2025"),
    ],
)
def test_format_range(start: dt.date, end: dt.date | None, en: str, fr: str) -> None:
    assert format_range(start, end, "en") == en
    assert format_range(start, end, "fr") == fr


def test_format_range_refuses_an_end_before_the_start() -> None:
    with pytest.raises(ValueError, match="before"):
        format_range(D(2024, 6, 14), D(2024, 6, 13), "en")


@pytest.mark.parametrize(
    ("time", "en", "fr"),
    [
        (dt.time(10, 30), "10:30", "10\u00a0h\u00a030"),
        (dt.time(9, 5), "09:05", "9\u00a0h\u00a005"),
        (dt.time(0, 0), "00:00", "0\u00a0h\u00a000"),
        (dt.time(23, 59, 59), "23:59", "23\u00a0h\u00a059"),
    ],
)
def test_format_time(time: dt.time, en: str, fr: str) -> None:
    assert format_time(time, "en") == en
    assert format_time(time, "fr") == fr


def test_french_time_reads_as_the_style_guide_writes_it() -> None:
    assert format_time(dt.time(10, 30), "fr").replace("\u00a0", " ") == "10 h 30"


@pytest.mark.parametrize(
    ("number", "en", "fr"),
    [
        (1234.5, "1,234.5", "1\u202f234,5"),
        (1234567.891, "1,234,567.891", "1\u202f234\u202f567,891"),
        (Decimal("0.25"), "0.25", "0,25"),
        (1000, "1,000", "1\u202f000"),
        (999, "999", "999"),
        (-1234.5, "-1,234.5", "-1\u202f234,5"),
        (0, "0", "0"),
    ],
)
def test_format_number(number: int | float | Decimal, en: str, fr: str) -> None:
    assert format_number(number, "en") == en
    assert format_number(number, "fr") == fr


def test_fr_be_groups_digits_with_a_narrow_no_break_space() -> None:
    assert get_group_symbol("fr_BE") == "\u202f"
    assert get_decimal_symbol("fr_BE") == ","
    assert get_group_symbol("en_GB") == ","


def test_load_locales_reads_every_pack_locale_ahead_of_its_first_use() -> None:
    """Babel reads a locale's data the first time it writes with it; the app reads both at start-up, off the UI
    thread (a fresh process: this one has read them already)."""
    import subprocess
    import sys

    script = (
        "from babel import localedata\n"
        "from briefing.i18n.dates import load_locales\n"
        "before = set(localedata._cache)\n"
        "load_locales()\n"
        "print(sorted(before), sorted(set(localedata._cache) - before))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    before, loaded = done.stdout.strip().split("] [")
    assert "fr_BE" not in before
    assert "en_GB" in loaded and "fr_BE" in loaded
