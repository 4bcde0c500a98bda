"""Numbered copies carry their number and recipient on every page; a PDF pack is the Word pack as LibreOffice
prints it, recorded like the others."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.assemble import PackRequest
from briefing.cli.main import main
from briefing.errors import BriefingError
from briefing.export import ExportRequest, export_pack
from briefing.history.copies import export_copies
from briefing.history.records import list_records
from briefing.history.versions import export_recorded
from briefing.interchange.demo.builder import create_demo_library
from briefing.render.pdf import PdfError, find_soffice
from briefing.store import Library
from tests.history.conftest import MEETING
from tests.render.docx.test_demo_pack_pages import heading_page, printed_numbers, written_titles
from tests.support.reading import convert_to_pdf, pdf_pages

RECIPIENTS = ["Anne Dupont", "Marc Lemaire", "Sofia Rossi"]


@pytest.mark.libreoffice
def test_each_numbered_copy_names_its_number_and_recipient_on_every_page(
    sample_library: Library, tmp_path: Path, soffice: str, pdftotext: str, capsys: pytest.CaptureFixture[str]
) -> None:
    names = tmp_path / "recipients.txt"
    names.write_text("\n".join([RECIPIENTS[0], "", *RECIPIENTS[1:]]) + "\n", encoding="utf-8")
    db = str(sample_library.path)
    output = tmp_path / "pack.docx"
    assert (
        main(
            ["export", MEETING, "--allow-missing", "--recipients", str(names), "-o", str(output), "--db", db]
        )
        == 0
    )
    made = [
        tmp_path / "pack-01-Anne-Dupont.docx",
        tmp_path / "pack-02-Marc-Lemaire.docx",
        tmp_path / "pack-03-Sofia-Rossi.docx",
    ]
    assert all(path.exists() for path in made) and not output.exists()
    french = export_copies(
        sample_library,
        ExportRequest(PackRequest(MEETING, "fr", allow_missing=True), tmp_path / "fr.docx"),
        ["Élise"],
    )
    pdfs = convert_to_pdf(soffice, [*made, french[0].path], tmp_path / "pdf", tmp_path / "profile")
    for number, (name, pdf) in enumerate(zip(RECIPIENTS, pdfs, strict=False), start=1):
        pages = pdf_pages(pdftotext, pdf)
        assert len(pages) > 3
        for page in pages:
            assert re.search(rf"Copy {number} of 3 — {name}", page), (name, page[-300:])
            assert sum(other in page for other in RECIPIENTS) == 1
    assert all("Exemplaire 1 sur 1 — Élise" in page for page in pdf_pages(pdftotext, pdfs[-1]))
    with sample_library.reading() as uow:
        records = list_records(uow, MEETING)
    assert [(r.copy_number, r.copy_count, r.recipient) for r in records] == [
        (1, 3, "Anne Dupont"), (2, 3, "Marc Lemaire"), (3, 3, "Sofia Rossi"), (1, 1, "Élise")
    ]  # fmt: skip
    assert len({r.sha256 for r in records}) == 4
    assert export_recorded(sample_library, MEETING, 2, tmp_path / "again.docx").identical


def test_a_bad_list_of_recipients_is_refused_before_anything_is_written(
    sample_library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(sample_library.path)
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    assert (
        main(["export", MEETING, "--recipients", str(empty), "-o", str(tmp_path / "p.docx"), "--db", db]) == 1
    )
    assert "recipients is empty" in capsys.readouterr().err
    assert (
        main(
            [
                "export",
                MEETING,
                "--recipients",
                str(tmp_path / "none.txt"),
                "-o",
                str(tmp_path / "p.docx"),
                "--db",
                db,
            ]
        )
        == 1
    )
    assert "cannot be read" in capsys.readouterr().err
    with pytest.raises(BriefingError, match="at most 300 characters"):
        export_copies(sample_library, ExportRequest(PackRequest(MEETING), tmp_path / "p.docx"), ["A" * 301])
    with pytest.raises(BriefingError, match="not Excel"):
        export_copies(sample_library, ExportRequest(PackRequest(MEETING), tmp_path / "p.xlsx", "xlsx"), ["A"])
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".docx", ".xlsx")) == []


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Library:
    library = Library.open(tmp_path_factory.mktemp("demo") / "library.sqlite")
    create_demo_library(library)
    return library


@pytest.mark.libreoffice
def test_a_pdf_pack_is_the_word_pack_as_printed_with_its_language_and_page_numbers(
    demo: Library, tmp_path: Path, soffice: str, pdftotext: str
) -> None:
    request = PackRequest("jha-council-2024-06", "fr", allow_missing=True)
    word = export_pack(demo, ExportRequest(request, tmp_path / "pack.docx"))
    pdf = export_pack(demo, ExportRequest(request, tmp_path / "pack.pdf", "pdf"))
    assert (word.number, pdf.number) is not None
    data = (tmp_path / "pack.pdf").read_bytes()
    assert data.startswith(b"%PDF-")
    catalogue = data[data.index(b"/Type/Catalog") :][:400]
    assert b"/Lang(fr-BE)" in catalogue
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.docx", "pack.pdf"]  # nothing left behind

    printed = convert_to_pdf(soffice, [tmp_path / "pack.docx"], tmp_path / "lo", tmp_path / "profile")[0]
    pages = pdf_pages(pdftotext, tmp_path / "pack.pdf")
    assert pages == pdf_pages(pdftotext, printed)  # the same text, page by page, as the Word pack printed
    titles = written_titles(tmp_path / "pack.docx", "toc 1")
    keys = [title[:25] for title in titles]
    assert printed_numbers(pages[1], keys) == [heading_page(pages, 2, key) for key in keys]

    with demo.reading() as uow:
        record = list_records(uow, "jha-council-2024-06")[-1]
    assert (record.format, record.mode, record.file_name) == ("pdf", "fr", "pack.pdf")
    again = export_recorded(demo, "jha-council-2024-06", record.number, tmp_path / "again.pdf")
    assert pdf_pages(pdftotext, again.path) == pages


def test_without_libreoffice_the_error_says_what_to_install(
    demo: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("BRIEFING_SOFFICE", raising=False)
    with pytest.raises(PdfError, match="install LibreOffice") as raised:
        export_pack(demo, ExportRequest(PackRequest("jha-council-2024-06"), tmp_path / "p.pdf", "pdf"))
    assert "installez LibreOffice" in raised.value.message("fr")
    assert not (tmp_path / "p.pdf").exists()
    monkeypatch.setenv("BRIEFING_SOFFICE", str(tmp_path / "nothing"))
    with pytest.raises(PdfError, match="not a program"):
        find_soffice()


@pytest.mark.libreoffice
def test_numbered_pdf_copies_are_converted_together_and_each_recorded(
    demo: Library, tmp_path: Path, pdftotext: str
) -> None:
    request = ExportRequest(
        PackRequest("jha-council-2024-06", allow_missing=True), tmp_path / "pack.pdf", "pdf"
    )
    results = export_copies(demo, request, RECIPIENTS[:2])
    assert [r.path.name for r in results] == ["pack-01-Anne-Dupont.pdf", "pack-02-Marc-Lemaire.pdf"]
    for number, result in enumerate(results, start=1):
        pages = pdf_pages(pdftotext, result.path)
        assert len(pages) > 5
        assert all(f"Copy {number} of 2 — {RECIPIENTS[number - 1]}" in page for page in pages)
    with demo.reading() as uow:
        records = list_records(uow, "jha-council-2024-06")[-2:]
    assert [(r.format, r.copy_number, r.recipient, r.sha256) for r in records] == [
        ("pdf", n, name, result.sha256) for n, name, result in zip((1, 2), RECIPIENTS, results, strict=False)
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "pack-01-Anne-Dupont.pdf",
        "pack-02-Marc-Lemaire.pdf",
    ]
