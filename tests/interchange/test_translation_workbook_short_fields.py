"""Short fields in translation workbooks: owners, sources, who prepared a meeting, organisations, area names.

Each is a row that says which field of which record it is; its French goes back into that field's text, with the
checks every row gets (source changed since the export, formula cells, unknown IDs).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from briefing.errors import InterchangeError
from briefing.interchange.library_json import export_document, import_document, validate
from briefing.interchange.translation_workbook import export_translations, import_translations
from briefing.model.enums import TranslationState
from briefing.store import Library

SOURCE_2 = "Council conclusions on ports: 9 June 2024"

SHORT_FIELDS = {
    "internal-security / Domaine": "Internal security",
    "drug-trafficking / Responsable": "Police co-operation unit",
    "drug-trafficking / Source 1": "ST 10270/24",
    "drug-trafficking / Source 2": SOURCE_2,
    "drug-trafficking / dt-act-1 / Responsable": "Commission",
    "drug-trafficking / dt-act-1 / Source": "ST 10270/24 annex",
    "jha-test / Lieu": "Luxembourg",
    "jha-test / Préparé par": "Home Affairs unit",
    "p-minister / Organisation": "Ministry of the Interior",
}
"""The short fields the library below leaves without French, by the context their row shows."""

FRENCH = {
    "internal-security / Domaine": "Sécurité intérieure",
    "drug-trafficking / Responsable": "Unité de coopération policière",
    "drug-trafficking / Source 2": "Conclusions du Conseil sur les ports : 9 juin 2024",
    "drug-trafficking / dt-act-1 / Responsable": "Commission européenne",
    "drug-trafficking / dt-act-1 / Source": "ST 10270/24 annexe",
    "jha-test / Lieu": "Luxembourg (Kirchberg)",
    "jha-test / Préparé par": "Unité Affaires intérieures",
    "p-minister / Organisation": "Ministère de l’Intérieur",
}


@pytest.fixture
def english_library(library: Library, sample_document: dict[str, Any]) -> Library:
    """The sample library with its short fields written in English only."""
    document = copy.deepcopy(sample_document)
    area = document["areas"][0]
    area["title"] = {"en": "Internal security"}
    topic = area["topics"][0]
    topic["owner"] = "Police co-operation unit"
    topic["sources"] = ["ST 10270/24", SOURCE_2]
    action = topic["actions"][0]
    action["owner"] = "Commission"
    action["source"] = "ST 10270/24 annex"
    meeting = document["meetings"][0]
    meeting["location"] = {"en": "Luxembourg"}
    meeting["prepared_by"] = "Home Affairs unit"
    document["participants"][0]["organisation"] = "Ministry of the Interior"
    with library.unit_of_work() as uow:
        import_document(uow, validate(document))
    return library


def rows_of(path: Path) -> dict[str, dict[str, Any]]:
    """The data rows of a translation workbook by their context, read back with openpyxl."""
    sheet = load_workbook(path).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    result: dict[str, dict[str, Any]] = {}
    for number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        row = dict(zip(header, values, strict=True))
        row["row"] = number
        result[str(row["Contexte"])] = row
    return result


def fill(path: Path, translations: dict[str, str]) -> Path:
    """Type ``translations`` (by context) into the French column, as a translator would, and save a copy."""
    book = load_workbook(path)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    context, french = header.index("Contexte") + 1, header.index("Français") + 1
    for row in range(2, sheet.max_row + 1):
        key = sheet.cell(row=row, column=context).value
        if key in translations:
            sheet.cell(row=row, column=french).value = translations[key]
    target = path.with_name("filled.xlsx")
    book.save(target)
    return target


def short_fields(library: Library, lang: str) -> dict[str, tuple[str | None, TranslationState]]:
    """Each short field of the library in ``lang`` with its state, by the context of its workbook row."""
    with library.reading() as uow:
        area = uow.areas.require("internal-security")
        topic = uow.topics.require("drug-trafficking")
        action = uow.actions.require("dt-act-1")
        meeting = uow.meetings.require("jha-test")
        person = uow.participants.require("p-minister")
        blocks = {
            "internal-security / Domaine": area.title,
            "drug-trafficking / Responsable": topic.owner_block,
            "drug-trafficking / Source 1": topic.source_links[0].title,
            "drug-trafficking / Source 2": topic.source_links[1].title,
            "drug-trafficking / dt-act-1 / Responsable": action.owner_block,
            "drug-trafficking / dt-act-1 / Source": action.source_block,
            "jha-test / Lieu": meeting.location,
            "jha-test / Préparé par": meeting.prepared_by_block,
            "p-minister / Organisation": person.organisation_block,
        }
        result = {}
        for context, block in blocks.items():
            assert block is not None
            result[context] = (block.text(lang), block.state(lang))
        return result


def test_meeting_workbook_lists_every_short_field(english_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(english_library, path, meeting="jha-test")
    rows = rows_of(path)
    assert {context: rows[context]["Anglais"] for context in SHORT_FIELDS} == SHORT_FIELDS
    assert all(rows[context]["Statut"] == "Manquante" for context in SHORT_FIELDS)
    assert all(rows[context]["Français"] in (None, "") for context in SHORT_FIELDS)
    # each field is its own text: the action's source is not the topic's, though they begin alike
    ids = [rows[context]["ID"] for context in SHORT_FIELDS]
    assert len(set(ids)) == len(ids)


def test_library_workbook_lists_every_short_field(english_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "all.xlsx"
    export_translations(english_library, path)
    rows = rows_of(path)
    assert {context: rows[context]["Anglais"] for context in SHORT_FIELDS} == SHORT_FIELDS
    assert rows["loose-1 / Responsable"]["Anglais"] == "Secretariat"  # an action outside any topic
    assert "p-adviser / Organisation" not in rows  # no organisation: no row


def test_translated_short_fields_are_not_listed(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(sample_library, path, meeting="jha-test")
    contexts = set(rows_of(path))
    assert not contexts & set(SHORT_FIELDS)


def test_french_goes_back_into_each_field(english_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(english_library, path, meeting="jha-test")
    before = short_fields(english_library, "en")
    report = import_translations(english_library, fill(path, FRENCH))
    assert len(report.imported) == len(FRENCH)
    assert not report.conflicts
    french = short_fields(english_library, "fr")
    for context, expected in FRENCH.items():
        assert french[context] == (expected, TranslationState.TRANSLATED), context
    assert french["drug-trafficking / Source 1"] == (None, TranslationState.MISSING)  # left empty
    assert short_fields(english_library, "en") == before  # the English is untouched
    with english_library.reading() as uow:
        document = export_document(uow)
    topic = document["areas"][0]["topics"][0]
    assert topic["owner"] == {"en": "Police co-operation unit", "fr": "Unité de coopération policière"}
    assert topic["sources"][1]["fr"] == "Conclusions du Conseil sur les ports : 9 juin 2024"
    assert document["meetings"][0]["prepared_by"]["fr"] == "Unité Affaires intérieures"
    assert document["participants"][0]["organisation"]["fr"] == "Ministère de l’Intérieur"
    # nothing is left to translate among them
    again = tmp_path / "again.xlsx"
    export_translations(english_library, again, meeting="jha-test")
    assert set(rows_of(again)) & set(SHORT_FIELDS) == {"drug-trafficking / Source 1"}


def test_a_short_field_changed_since_the_export_is_a_conflict(
    english_library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(english_library, path, meeting="jha-test")
    with english_library.unit_of_work() as uow:
        uow.topics.require("drug-trafficking").owner = "Police and customs co-operation unit"
        meeting = uow.meetings.require("jha-test")
        assert meeting.prepared_by_block is not None
        meeting.prepared_by_block.set_text("en", "Home Affairs directorate")
    report = import_translations(english_library, fill(path, FRENCH))
    rows = rows_of(path)
    conflicts = {(c.row, c.reason) for c in report.conflicts}
    assert conflicts == {
        (rows["drug-trafficking / Responsable"]["row"], "source_changed"),
        (rows["jha-test / Préparé par"]["row"], "source_changed"),
    }
    assert len(report.imported) == len(FRENCH) - 2
    french = short_fields(english_library, "fr")
    assert french["drug-trafficking / Responsable"] == (None, TranslationState.MISSING)
    assert french["jha-test / Préparé par"] == (None, TranslationState.MISSING)
    assert french["p-minister / Organisation"] == ("Ministère de l’Intérieur", TranslationState.TRANSLATED)


def test_a_formula_in_a_short_field_row_is_refused_naming_the_cell(
    english_library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(english_library, path, meeting="jha-test")
    row = rows_of(path)["drug-trafficking / dt-act-1 / Responsable"]["row"]
    filled = fill(path, {**FRENCH, "drug-trafficking / dt-act-1 / Responsable": '=WEBSERVICE("http://x")'})
    before = short_fields(english_library, "fr")
    with pytest.raises(InterchangeError) as caught:
        import_translations(english_library, filled)
    message = caught.value.message("en")
    assert f"cell D{row}" in message
    assert "formula" in message
    assert short_fields(english_library, "fr") == before  # nothing written, not even the good rows


def test_a_short_field_translation_is_marked_stale_when_its_english_changes(
    english_library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(english_library, path, meeting="jha-test")
    import_translations(english_library, fill(path, FRENCH))
    with english_library.unit_of_work() as uow:
        person = uow.participants.require("p-minister")
        assert person.organisation_block is not None
        person.organisation_block.set_text("en", "Ministry of the Interior and Overseas")
    again = tmp_path / "again.xlsx"
    export_translations(english_library, again, meeting="jha-test")
    row = rows_of(again)["p-minister / Organisation"]
    assert row["Statut"] == "À mettre à jour"
    assert row["Français"] == "Ministère de l’Intérieur"
    report = import_translations(
        english_library,
        fill(again, {"p-minister / Organisation": "Ministère de l’Intérieur et des Outre-mer"}),
    )
    assert report.imported == [row["ID"]]
    assert short_fields(english_library, "fr")["p-minister / Organisation"] == (
        "Ministère de l’Intérieur et des Outre-mer",
        TranslationState.TRANSLATED,
    )
