"""The demo meetings' packs, exported once for the render tests, and their PDFs made by one LibreOffice run.

``packs`` maps "<meeting>-<mode>-<copy>" to the .docx; ``pdf_files`` to the PDF LibreOffice made of it and
``pdfs`` to the text of each of its pages (pdftotext).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.assemble import PackRequest
from briefing.export import ExportRequest, export_pack
from briefing.interchange.demo.builder import create_demo_library
from briefing.store import Library
from tests.support.demo_packs import COPIES, MEETINGS, MODES, pack_name
from tests.support.reading import convert_to_pdf, pdf_pages


@pytest.fixture(scope="session")
def demo_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = Library.open(tmp_path_factory.mktemp("demo") / "library.sqlite")
    create_demo_library(library)
    yield library
    library.close()


@pytest.fixture(scope="session")
def packs(demo_library: Library, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("packs")
    made: dict[str, Path] = {}
    for meeting in MEETINGS:
        for mode in MODES:
            for copy in COPIES:
                path = folder / f"{pack_name(meeting, mode, copy)}.docx"
                request = PackRequest(meeting, mode, copy, allow_missing=True)
                export_pack(demo_library, ExportRequest(request, path))
                made[pack_name(meeting, mode, copy)] = path
    return made


@pytest.fixture(scope="session")
def pdf_files(
    packs: dict[str, Path], soffice: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    names = list(packs)
    converted = convert_to_pdf(
        soffice, [packs[n] for n in names], folder, tmp_path_factory.mktemp("lo-profile")
    )
    return dict(zip(names, converted, strict=True))


@pytest.fixture(scope="session")
def pdfs(pdf_files: dict[str, Path], pdftotext: str) -> dict[str, list[str]]:
    return {name: pdf_pages(pdftotext, pdf) for name, pdf in pdf_files.items()}


@pytest.fixture(scope="session")
def pdftoppm() -> str:
    """Poppler's PDF to image converter, for renders of pages people look at."""
    import shutil

    found = shutil.which("pdftoppm")
    if found is None:
        pytest.fail("pdftoppm (poppler-utils) is not installed: run the suite through scripts/test.sh")
    return found
