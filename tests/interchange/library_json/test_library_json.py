"""The library JSON format: exact round trip, update by key, whole-file validation with JSON paths."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from briefing.errors import InterchangeError
from briefing.interchange.library_json import (
    export_document,
    import_document,
    read_document,
    validate,
    write_library_json,
)
from briefing.model import TextStatus
from briefing.model.enums import TranslationState
from briefing.store import Library


def export(library: Library) -> dict[str, Any]:
    with library.unit_of_work() as uow:
        return export_document(uow)


def test_sample_round_trip_is_exact(sample_library: Library, sample_document: dict[str, Any]) -> None:
    assert export(sample_library) == sample_document


def test_export_import_export_through_files(sample_library: Library, tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    write_library_json(sample_library, first)
    other = Library.open(tmp_path / "other.sqlite")
    with other.unit_of_work() as uow:
        import_document(uow, read_document(first))
    second = tmp_path / "second.json"
    write_library_json(other, second)
    other.close()
    assert first.read_bytes() == second.read_bytes()


def test_import_by_key_updates_instead_of_duplicating(
    sample_library: Library, sample_document: dict[str, Any]
) -> None:
    changed = copy.deepcopy(sample_document)
    topic = changed["areas"][0]["topics"][0]
    topic["owner"] = "New owner"
    topic["items"][1]["text"]["en"] = "Port security is a shared European responsibility."
    with sample_library.unit_of_work() as uow:
        summary = import_document(uow, validate(changed))
    assert summary.created == {}
    assert summary.updated["items"] == 8
    with sample_library.unit_of_work() as uow:
        assert uow.topics.count() == 2
        assert uow.items.count() == 8
        assert uow.topics.require("drug-trafficking").owner == "New owner"
        item = uow.items.require("dt-ltt-1")
        # the English changed and the file's French is the old one: the French is now stale
        assert item.body is not None
        assert item.body.state("fr") is TranslationState.STALE


def test_statuses_and_source_language_are_kept(sample_library: Library) -> None:
    with sample_library.unit_of_work() as uow:
        fact = uow.items.require("dt-fact-1")
        assert fact.body is not None and fact.body.translations["fr"].status is TextStatus.DRAFT
        french_first = uow.items.require("pf-bg-1")
        assert french_first.body is not None
        assert french_first.body.source_lang == "fr"
        assert french_first.body.state("fr") is TranslationState.SOURCE
        assert french_first.body.state("en") is TranslationState.TRANSLATED


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: d["areas"][0]["topics"][0]["items"][1].update(kind="lines"),
            'areas[0].topics[0].items[1].kind: unknown kind "lines"',
        ),
        (lambda d: d.update(format="something-else"), 'format: expected "briefing-library"'),
        (lambda d: d.update(version=2), "version: version 2 is newer"),
        (
            lambda d: d["areas"][0]["topics"][0].update(reviewed_on="30/05/2024"),
            'areas[0].topics[0].reviewed_on: "30/05/2024" is not a date',
        ),
        (
            lambda d: d["areas"][0]["topics"][0]["items"][0]["text"].update({"EN!": "x"}),
            'areas[0].topics[0].items[0].text.EN!: "EN!" is not a language code',
        ),
        (
            lambda d: d["areas"][0]["topics"][0]["items"][4].pop("answer"),
            "areas[0].topics[0].items[4].answer: missing",
        ),
        (
            lambda d: d["areas"][0]["topics"][0]["items"][2].update(key="dt-ltt-1"),
            'areas[0].topics[0].items[2].key: duplicate item key "dt-ltt-1"',
        ),
        (
            lambda d: d["meetings"][0]["agenda"][0]["topics"].append("no-such-topic"),
            'meetings[0].agenda[0].topics[1]: no topic with key "no-such-topic"',
        ),
        (
            lambda d: d["meetings"][0]["agenda"][1].update(items=["dt-ltt-1"]),
            'meetings[0].agenda[1].items[0]: item "dt-ltt-1" does not belong',
        ),
        (
            lambda d: d["areas"][0]["topics"][0]["actions"][0].update(status="maybe"),
            'areas[0].topics[0].actions[0].status: unknown status "maybe"',
        ),
        (
            lambda d: d["areas"][0]["topics"][0].update(marking="SECRET"),
            'areas[0].topics[0].marking: unknown marking "SECRET"',
        ),
        (lambda d: d["areas"][1].update(topics={"a": 1}), "areas[1].topics: expected a list"),
        (lambda d: d["meetings"][0].update(ends_on="2024-06-01"), "meetings[0].ends_on: the meeting ends"),
    ],
)
def test_broken_document_is_refused_with_its_path_and_nothing_written(
    library: Library, sample_document: dict[str, Any], mutate: Any, expected: str
) -> None:
    broken = copy.deepcopy(sample_document)
    mutate(broken)
    with pytest.raises(InterchangeError) as caught, library.unit_of_work() as uow:
        import_document(uow, validate(broken))
    assert expected in caught.value.message("en")
    with library.unit_of_work() as uow:
        assert uow.areas.count() == 0
        assert uow.translations.count() == 0


def test_error_message_in_french(sample_document: dict[str, Any]) -> None:
    broken = copy.deepcopy(sample_document)
    broken["areas"][0]["topics"][0]["items"][1]["kind"] = "lines"
    with pytest.raises(InterchangeError) as caught:
        validate(broken)
    french = caught.value.message("fr")
    assert french.startswith("areas[0].topics[0].items[1].kind")
    assert "inconnu" in french


def test_unreadable_files(tmp_path: Path) -> None:
    not_json = tmp_path / "broken.json"
    not_json.write_text('{"format": "briefing-library", ', encoding="utf-8")
    with pytest.raises(InterchangeError, match="not valid JSON"):
        read_document(not_json)
    with pytest.raises(InterchangeError, match="Cannot read"):
        read_document(tmp_path / "absent.json")
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(InterchangeError, match="UTF-8"):
        read_document(binary)


def test_failed_export_leaves_the_previous_file(sample_library: Library, tmp_path: Path) -> None:
    target = tmp_path / "library.json"
    target.write_text("previous", encoding="utf-8")
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    with pytest.raises(Exception, match="does not exist"):
        write_library_json(sample_library, tmp_path / "missing-folder" / "library.json")
    write_library_json(sample_library, target)
    assert hashlib.sha256(target.read_bytes()).hexdigest() != before
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "briefing-library"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_stale_translations_stay_stale_through_export_and_import(
    library: Library, sample_document: dict[str, Any], tmp_path: Path
) -> None:
    document = copy.deepcopy(sample_document)
    topic = document["areas"][0]["topics"][0]
    press = next(item for item in topic["items"] if item["key"] == "dt-press-1")
    press["text"]["fr"] = "L'Europe est unie face au crime organisé."
    press["stale"] = ["fr"]
    topic["actions"][1]["stale"] = ["fr"]
    with library.unit_of_work() as uow:
        import_document(uow, validate(document))
    with library.unit_of_work() as uow:
        item = uow.items.require("dt-press-1")
        assert item.body is not None and item.body.state("fr") is TranslationState.STALE
        assert uow.actions.require("dt-act-2").text.state("fr") is TranslationState.STALE
        assert uow.items.require("dt-ltt-1").body.state("fr") is TranslationState.TRANSLATED  # type: ignore[union-attr]
        assert export_document(uow) == document
    # an existing library: importing the file again keeps them stale, and an edit of the English makes others so
    with library.unit_of_work() as uow:
        import_document(uow, validate(document))
        uow.items.require("dt-ltt-1").body.set_text("en", "Port security is everyone's business.")  # type: ignore[union-attr]
    with library.unit_of_work() as uow:
        exported = export_document(uow)
    ltt = next(i for i in exported["areas"][0]["topics"][0]["items"] if i["key"] == "dt-ltt-1")
    assert ltt["stale"] == ["fr"]
    assert next(i for i in exported["areas"][0]["topics"][0]["items"] if i["key"] == "dt-press-1")[
        "stale"
    ] == ["fr"]


def test_stale_languages_must_be_language_codes(sample_document: dict[str, Any]) -> None:
    broken = copy.deepcopy(sample_document)
    broken["areas"][0]["topics"][0]["items"][0]["stale"] = ["French"]
    with pytest.raises(InterchangeError, match=r'items\[0\]\.stale\[0\]: "French" is not a language code'):
        validate(broken)


def test_short_fields_read_as_a_string_or_per_language(
    sample_library: Library, sample_document: dict[str, Any]
) -> None:
    """A plain string is the source-language text (older files); an object gives the French too."""
    changed = copy.deepcopy(sample_document)
    topic = changed["areas"][0]["topics"][0]
    topic["owner"] = "Police co-operation unit"  # the same English, as a plain string: the French stays
    topic["sources"] = [{"en": "ST 10270/24", "fr": "ST 10270/24"}, "Joint communiqué, 11 June 2018"]
    topic["actions"][0]["owner"] = {"en": "Member States", "fr": "États membres"}
    changed["meetings"][0]["prepared_by"] = "Home Affairs unit"
    with sample_library.unit_of_work() as uow:
        import_document(uow, validate(changed))
    with sample_library.unit_of_work() as uow:
        found = uow.topics.require("drug-trafficking")
        assert (
            found.owner_block is not None and found.owner_block.text("fr") == "Unité de coopération policière"
        )
        assert found.sources == ["ST 10270/24", "Joint communiqué, 11 June 2018"]
        assert [link.title.state("fr") for link in found.source_links] == [
            TranslationState.TRANSLATED,
            TranslationState.MISSING,
        ]
    exported = export(sample_library)
    topic_out = exported["areas"][0]["topics"][0]
    assert topic_out["owner"] == {"en": "Police co-operation unit", "fr": "Unité de coopération policière"}
    assert topic_out["sources"] == [
        {"en": "ST 10270/24", "fr": "ST 10270/24"},
        "Joint communiqué, 11 June 2018",
    ]
    assert topic_out["actions"][0]["owner"] == {"en": "Member States", "fr": "États membres"}
    loose = exported["actions"][0]
    assert loose["owner"] == "Secretariat"  # no translation: still written as a plain string
    bad = copy.deepcopy(sample_document)
    bad["areas"][0]["topics"][0]["owner"] = {"fr": "Unité"}
    with pytest.raises(InterchangeError) as caught:
        validate(bad)
    assert "areas[0].topics[0].owner.en" in caught.value.message("en")
