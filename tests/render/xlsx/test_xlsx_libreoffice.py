"""Workbooks as another spreadsheet program sees them: LibreOffice reads, prints and saves them; and the
Office Open XML schema validator checks them."""

from __future__ import annotations

import csv
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from briefing.assemble import PackRequest, assemble
from briefing.export import ExportRequest, export_pack
from briefing.interchange.translation_workbook import export_translations, import_translations
from briefing.model.enums import TranslationState
from briefing.render.xlsx import render_xlsx
from briefing.render.xlsx.layout import MAX_ROW_HEIGHT
from briefing.store import Library
from tests.support.demo_packs import MEETINGS
from tests.support.reading import convert_to_pdf, pdf_pages, validate_ooxml

ARTIFACTS = Path(__file__).parents[3] / "test-artifacts" / "xlsx"


def convert(soffice: str, source: Path, target_format: str, folder: Path) -> Path:
    """``source`` opened and saved by LibreOffice in ``target_format`` (e.g. "csv", "xlsx")."""
    folder.mkdir(exist_ok=True)
    profile = folder.parent / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target_format,
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(profile)},
    )
    converted = folder / f"{source.stem}.{target_format.partition(':')[0]}"
    assert converted.exists()
    return converted


def pack(library: Library, path: Path, mode: str = "en") -> Path:
    request = PackRequest("jha-test", mode, allow_missing=True)
    with library.unit_of_work() as uow:
        outline = assemble(uow, request)
    render_xlsx(outline, path)
    return path


@pytest.mark.libreoffice
def test_formula_like_text_is_not_calculated(sample_library: Library, tmp_path: Path, soffice: str) -> None:
    with sample_library.unit_of_work() as uow:
        body = uow.items.require("dt-ltt-1").body
        assert body is not None
        body.set_text("en", "=1+1")
    converted = convert(soffice, pack(sample_library, tmp_path / "pack.xlsx"), "csv", tmp_path / "out")
    with converted.open(encoding="utf-8") as stream:
        first_rows = list(csv.reader(stream))
    assert first_rows[1][3] == "=1+1"


@pytest.mark.libreoffice
def test_printed_pages_carry_the_marking(
    sample_library: Library, tmp_path: Path, soffice: str, pdftotext: str
) -> None:
    source = pack(sample_library, tmp_path / "pack.xlsx", "fr")
    (pdf,) = convert_to_pdf(soffice, [source], tmp_path / "pdf", tmp_path / "lo-profile")
    pages = pdf_pages(pdftotext, pdf)
    assert len(pages) >= 3  # one sheet at least per page
    for page in pages:
        assert page.count("LIMITE") >= 2  # top and bottom
        assert "Page " in page and " sur " in page
    text = "\n".join(pages)
    assert "Responsable" in text and "Échéance" in text
    assert "La sécurité des ports est une responsabilité partagée." in text


@pytest.mark.libreoffice
def test_translation_workbook_saved_by_libreoffice_imports(
    sample_library: Library, tmp_path: Path, soffice: str
) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(sample_library, path, meeting="jha-test")
    book = load_workbook(path)
    sheet = book.worksheets[0]
    sheet["D2"] = "Évaluation interne de la marge de négociation\u202f!"
    book.save(tmp_path / "filled.xlsx")
    resaved = convert(soffice, tmp_path / "filled.xlsx", "xlsx:Calc MS Excel 2007 XML", tmp_path / "out")
    report = import_translations(sample_library, resaved)
    assert len(report.imported) == 1 and report.conflicts == []
    with sample_library.unit_of_work() as uow:
        body = uow.items.require("dt-bg-1").body
        assert body is not None
        assert body.text("fr") == "Évaluation interne de la marge de négociation\u202f!"
        assert body.state("fr") is TranslationState.TRANSLATED


def test_workbooks_pass_the_ooxml_schema_validator(
    sample_library: Library, tmp_path: Path, ooxml_validator: str
) -> None:
    from briefing.interchange.library_xlsx import export_library_xlsx

    files = [pack(sample_library, tmp_path / f"{mode}.xlsx", mode) for mode in ("en", "fr", "bilingual")]
    export_library_xlsx(sample_library, tmp_path / "library.xlsx")
    export_translations(sample_library, tmp_path / "translations.xlsx", meeting="jha-test")
    files += [tmp_path / "library.xlsx", tmp_path / "translations.xlsx"]
    for path in files:
        report = validate_ooxml(ooxml_validator, path)
        errors = report["errors"]
        assert not errors, (path.name, errors[:5])


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def unprinted_words(book: Any, printed: str) -> dict[str, list[str]]:
    """For each cell of ``book`` whose text LibreOffice did not print whole, the words missing from ``printed``.

    LibreOffice leaves out of the PDF the lines of a cell that do not fit in its row: a row too short for its
    wrapped text loses its last words. Rows at the largest height a row can have are left out of the check.
    """
    seen = set(words(printed))
    missing: dict[str, list[str]] = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            if (sheet.row_dimensions[row[0].row].height or 0) >= MAX_ROW_HEIGHT:
                continue
            for cell in row:
                if isinstance(cell.value, str):
                    lost = [word for word in words(cell.value) if word not in seen]
                    if lost:
                        missing[f"{sheet.title}!{cell.coordinate}"] = lost
    return missing


@pytest.mark.libreoffice
def test_printed_rows_show_their_whole_text(
    sample_library: Library, tmp_path: Path, soffice: str, pdftotext: str
) -> None:
    long_point = " ".join(
        f"Point {n} of the line on port security, agreed with delegation {n}." for n in range(1, 10)
    )
    with sample_library.unit_of_work() as uow:
        body = uow.items.require("dt-ltt-1").body
        assert body is not None
        body.set_text("en", long_point + " Closing words: zanzibar quokka.")
        body.set_text("fr", long_point + " Mots de la fin : xylophone wapiti.")
    sources = [pack(sample_library, tmp_path / f"{mode}.xlsx", mode) for mode in ("en", "fr")]
    pdfs = convert_to_pdf(soffice, sources, tmp_path / "pdf", tmp_path / "lo-profile")
    for source, pdf in zip(sources, pdfs, strict=True):
        printed = "\n".join(pdf_pages(pdftotext, pdf))
        assert unprinted_words(load_workbook(source), printed) == {}, source.name
    assert "zanzibar quokka" in " ".join(pdf_pages(pdftotext, pdfs[0])[0].split())
    assert "xylophone wapiti" in " ".join(pdf_pages(pdftotext, pdfs[1])[0].split())


@pytest.mark.libreoffice
def test_demo_workbooks_print_every_text_whole(
    demo_library: Library, tmp_path: Path, soffice: str, pdftotext: str, pdftoppm: str
) -> None:
    """Also renders each workbook's first printed page to test-artifacts/xlsx/, for people to look at."""
    sources = []
    for meeting in MEETINGS:
        for mode in ("en", "fr"):
            path = tmp_path / f"{meeting}-{mode}.xlsx"
            export_pack(
                demo_library, ExportRequest(PackRequest(meeting, mode, allow_missing=True), path, "xlsx")
            )
            sources.append(path)
    pdfs = convert_to_pdf(soffice, sources, tmp_path / "pdf", tmp_path / "lo-profile")
    for source, pdf in zip(sources, pdfs, strict=True):
        pages = pdf_pages(pdftotext, pdf)
        book = load_workbook(source)
        assert unprinted_words(book, "\n".join(pages)) == {}, source.name
        headers = [cell.value for sheet in book.worksheets for cell in sheet[1]]
        assert all(header in "\n".join(pages) for header in headers if " " not in header), source.name
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        png = ARTIFACTS / f"{source.stem}-page-1"
        subprocess.run(
            [pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(png)],
            check=True,
        )
        assert png.with_suffix(".png").stat().st_size > 10_000
