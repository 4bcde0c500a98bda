"""Hostile library JSON files: each is one clear error naming where the problem is, and nothing is written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from briefing.errors import InterchangeError
from briefing.interchange.library_json import read_document
from briefing.store import Library


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "hostile.json"
    path.write_text(text, encoding="utf-8")
    return path


def problem(tmp_path: Path, text: str) -> InterchangeError:
    with pytest.raises(InterchangeError) as caught:
        read_document(write(tmp_path, text))
    assert caught.value.message("fr")
    return caught.value


def doc(**parts: Any) -> str:
    return json.dumps({"format": "briefing-library", "version": 1, **parts})


def test_a_document_nested_100000_deep(tmp_path: Path) -> None:
    error = problem(tmp_path, "[" * 100_000 + "]" * 100_000)
    assert "nested too deeply" in error.message("en")


def test_an_integer_of_5000_digits(tmp_path: Path) -> None:
    error = problem(tmp_path, '{"format": "briefing-library", "version": ' + "9" * 5000 + "}")
    assert "more than 20 digits" in error.message("en")


def test_nan_and_infinity_are_not_numbers(tmp_path: Path) -> None:
    assert "NaN" in problem(tmp_path, '{"format": "briefing-library", "version": NaN}').message("en")


def test_a_key_repeated_inside_one_object(tmp_path: Path) -> None:
    text = '{"format": "briefing-library", "version": 1, "areas": [{"key": "a", "key": "b", "title": {"en": "A"}}]}'
    assert 'the key "key" appears twice' in problem(tmp_path, text).message("en")


@pytest.mark.parametrize("where", ["title", "tag", "key"])
def test_a_lone_surrogate_anywhere_in_a_text(tmp_path: Path, where: str) -> None:
    topic: dict[str, Any] = {"key": "t", "title": {"en": "Topic"}, "tags": []}
    if where == "title":
        topic["title"]["fr"] = "Sujet \ud800 x"
    elif where == "tag":
        topic["tags"] = ["ok", "bad \udfff"]
    else:
        topic["key"] = "t\ud800"
    text = doc(areas=[{"key": "a", "title": {"en": "A"}, "topics": [topic]}])  # json escapes it as \ud800
    message = problem(tmp_path, text).message("en")
    assert "U+D" in message and "areas[0].topics[0]" in message


@pytest.mark.parametrize(
    ("meeting", "fragment"),
    [
        ({"participants": ["p1", "p1"]}, "meetings[0].participants[1]"),
        ({"agenda": [{"title": {"en": "A"}, "topics": ["t", "t"]}]}, "meetings[0].agenda[0].topics[1]"),
        ({"agenda": [{"title": {"en": "A"}, "topics": ["t"], "items": ["i", "i"]}]}, "agenda[0].items[1]"),
        (
            {"presets": [{"name": "Short", "agenda": []}, {"name": "Short", "agenda": []}]},
            "meetings[0].presets[1]",
        ),
    ],
)
def test_repeats_the_schema_check_used_to_miss(
    tmp_path: Path, meeting: dict[str, Any], fragment: str
) -> None:
    text = doc(
        areas=[{"key": "a", "title": {"en": "A"}, "topics": [{"key": "t", "title": {"en": "T"},
               "items": [{"key": "i", "kind": "background", "text": {"en": "I"}}]}]}],
        participants=[{"key": "p1", "name": "P"}],
        meetings=[{"slug": "m", "title": {"en": "M"}, **meeting}],
    )  # fmt: skip
    message = problem(tmp_path, text).message("en")
    assert fragment in message and "already listed" in message


@pytest.mark.parametrize(
    "value", ["20240613", "2024-W24-4", "2024-165", "2024-06-13T10:00", "2024-6-13", "２０２４-06-13"]
)
def test_dates_are_iso_calendar_dates_only(tmp_path: Path, value: str) -> None:
    text = doc(meetings=[{"slug": "m", "title": {"en": "M"}, "starts_on": value}])
    assert "is not a date (YYYY-MM-DD)" in problem(tmp_path, text).message("en")


@pytest.mark.parametrize(
    ("participant", "fragment"),
    [
        ({"key": "p", "name": "N" * 301}, "participants[0].name: too long: 301 characters, at most 300"),
        ({"key": "p", "name": "N", "organisation": "O" * 5000}, "participants[0].organisation: too long"),
        ({"key": "p", "name": "N", "function": {"abc-12345678": "x"}}, "is not a language code"),
    ],
)
def test_fields_longer_than_the_library_holds(
    tmp_path: Path, participant: dict[str, Any], fragment: str
) -> None:
    assert fragment in problem(tmp_path, doc(participants=[participant])).message("en")


def test_the_command_line_gives_one_line_and_leaves_the_library_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite"
    data = Path(__file__).parents[2] / "data" / "sample-library.json"
    env = {**os.environ, "LANG": "fr_BE.UTF-8"}
    env.pop("LANGUAGE", None)
    env.pop("LC_ALL", None)
    subprocess.run([sys.executable, "-m", "briefing", "import-library", str(data), "--db", str(db)], check=True,
                   capture_output=True)  # fmt: skip
    before = db.read_bytes()
    for name, text in {
        "deep.json": "[" * 100_000 + "]" * 100_000,
        "digits.json": '{"format": "briefing-library", "version": ' + "7" * 5000 + "}",
        "surrogate.json": doc(areas=[{"key": "a", "title": {"en": "\ud800"}}]),
        "repeated.json": doc(participants=[{"key": "p", "name": "P"}],
                             meetings=[{"slug": "m", "title": {"en": "M"}, "participants": ["p", "p"]}]),
    }.items():  # fmt: skip
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "briefing", "import-library", str(path), "--db", str(db)],
                                capture_output=True, text=True, env=env, check=False)  # fmt: skip
        assert result.returncode == 1, (name, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr, (
            result.stderr
        )
        assert "Restaurez" not in result.stderr
    assert db.read_bytes() == before
    with Library.open(db) as library, library.unit_of_work() as uow:
        assert uow.areas.count() > 0
