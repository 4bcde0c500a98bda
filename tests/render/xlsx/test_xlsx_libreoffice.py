"""Workbooks as another spreadsheet program sees them: LibreOffice reads, recalculates and saves them."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from briefing.assemble import PackRequest, assemble
from briefing.assemble.workbook_rows import pack_text_rows
from briefing.interchange.translation_workbook import export_translations, import_translations
from briefing.model.enums import TranslationState
from briefing.render.xlsx import render_xlsx
from briefing.store import Library

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed"),
]


def convert(source: Path, target_format: str, folder: Path) -> Path:
    """``source`` opened and saved by LibreOffice in ``target_format`` (e.g. "csv", "xlsx")."""
    assert SOFFICE is not None
    folder.mkdir(exist_ok=True)
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{folder.parent / 'lo-profile'}",
            "--convert-to",
            target_format,
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = folder / f"{source.stem}.{target_format.partition(':')[0]}"
    assert converted.exists()
    return converted


def test_formula_like_text_is_not_calculated(sample_library: Library, tmp_path: Path) -> None:
    with sample_library.unit_of_work() as uow:
        body = uow.items.require("dt-ltt-1").body
        assert body is not None
        body.set_text("en", "=1+1")
    request = PackRequest("jha-test", "en", allow_missing=True)
    with sample_library.unit_of_work() as uow:
        outline = assemble(uow, request)
        rows = pack_text_rows(uow, request)
    render_xlsx(outline, tmp_path / "pack.xlsx", rows)
    converted = convert(tmp_path / "pack.xlsx", "csv", tmp_path / "out")
    with converted.open(encoding="utf-8") as stream:
        first_rows = list(csv.reader(stream))
    assert first_rows[1][3] == "=1+1"


def test_translation_workbook_saved_by_libreoffice_imports(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(sample_library, path, meeting="jha-test")
    book = load_workbook(path)
    sheet = book.worksheets[0]
    sheet["D2"] = "Évaluation interne de la marge de négociation\u202f!"
    book.save(tmp_path / "filled.xlsx")
    resaved = convert(tmp_path / "filled.xlsx", "xlsx", tmp_path / "out")
    report = import_translations(sample_library, resaved)
    assert len(report.imported) == 1 and report.conflicts == []
    with sample_library.unit_of_work() as uow:
        body = uow.items.require("dt-bg-1").body
        assert body is not None
        assert body.text("fr") == "Évaluation interne de la marge de négociation\u202f!"
        assert body.state("fr") is TranslationState.TRANSLATED
