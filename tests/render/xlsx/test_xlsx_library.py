"""The library workbook: every text, topic and action of the library, written in write-only mode."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from briefing.interchange.library_xlsx import export_library_xlsx
from briefing.store import Library


def test_library_workbook_of_the_sample_library(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "library.xlsx"
    count = export_library_xlsx(sample_library, path)
    book = load_workbook(path)
    assert book.sheetnames == ["Texts", "Topics", "Follow-up actions"]

    texts = book["Texts"]
    rows = list(texts.iter_rows(values_only=True))
    assert rows[0] == (
        "Policy area",
        "Topic",
        "Context",
        "Kind",
        "Marking",
        "Internal",
        "English",
        "French",
        "Translation status",
    )
    assert len(rows) == count + 1
    by_context = {row[2]: row for row in rows[1:]}
    assert by_context["internal-security / Policy area"][0] == "internal-security"
    fact = by_context["drug-trafficking / dt-fact-1 / Key fact"]
    assert fact[:2] == ("internal-security", "drug-trafficking")
    assert fact[3:5] == ("Key fact", "RESTREINT UE/EU RESTRICTED")
    assert fact[8] == "Draft"
    assert by_context["drug-trafficking / dt-bg-1 / Background"][5] == "Yes"
    assert by_context["programme-fr / pf-bg-1 / Background"][6:] == (
        "Text written in French first.",
        "Texte rédigé en français d'abord.",
        "Translated",
    )
    assert by_context["jha-test / Agenda item 2"][8] == "Missing"

    topics = book["Topics"]
    assert topics.max_row == 3
    assert topics["G2"].value == dt.datetime(2024, 5, 30)
    assert topics["G2"].is_date

    actions = book["Follow-up actions"]
    assert [c.value for c in actions[1]] == [
        "Topic",
        "English",
        "French",
        "Owner",
        "Deadline",
        "Status",
        "Source",
    ]
    assert actions.max_row == 4
    assert actions["E2"].is_date and actions["E2"].value == dt.datetime(2024, 6, 20)

    for sheet in book.worksheets:
        (table,) = sheet.tables.values()
        assert table.ref.endswith(str(sheet.max_row))
        assert sheet.freeze_panes == "A2"
        assert sheet.oddHeader.center.text == "RESTREINT UE/EU RESTRICTED"


def test_library_workbook_in_french(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "bibliotheque.xlsx"
    export_library_xlsx(sample_library, path, lang="fr")
    book = load_workbook(path)
    assert book.sheetnames == ["Textes", "Sujets", "Actions de suivi"]
    assert book["Textes"]["A1"].value == "Domaine"
    assert book["Textes"]["I1"].value == "État des traductions"


def test_empty_library(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    assert export_library_xlsx(library, path) == 0
    book = load_workbook(path)
    assert book["Texts"].tables["LibraryTexts"].ref == "A1:I2"
    assert book["Texts"].oddHeader.center.text is None


def test_library_rows_agree_with_the_model(sample_library: Library) -> None:
    from briefing.assemble.workbook_rows import library_text_rows
    from briefing.model import TextBlock, TextStatus
    from briefing.model.enums import TranslationState

    with sample_library.unit_of_work() as uow:
        body = uow.items.require("dt-ltt-1").body
        assert body is not None
        body.set_text("en", "A changed line.")  # French now stale
        uow.items.require("dt-obj-1").body.set_text("fr", "   ", TextStatus.DRAFT)  # type: ignore[union-attr]
    with sample_library.unit_of_work() as uow:
        rows = list(library_text_rows(uow, batch=3))
        assert len({row.block_id for row in rows}) == len(rows)
        states = set()
        for row in rows:
            block = uow.session.get(TextBlock, row.block_id)
            assert block is not None
            for lang in ("en", "fr"):
                assert row.state(lang) is block.state(lang), (row.context, lang)
                assert row.text(lang) == (block.text(lang) or "")
            states.add(row.translation_state)
    assert {TranslationState.STALE, TranslationState.MISSING, TranslationState.DRAFT} <= states
