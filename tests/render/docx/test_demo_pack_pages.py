"""The demo packs printed through LibreOffice: the contents and the agenda give the pages the headings are on.

The packs and their PDFs come from tests/render/conftest.py (one LibreOffice run for every pack); each page's
text is read with pdftotext and the written entries of the contents with python-docx.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import docx
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEADER = re.compile(r"\.{4,}\s*(\d+)$")


def written_titles(path: Path, style: str) -> list[str]:
    """The first line of the title of each paragraph of ``style``, as the .docx holds it."""
    document = docx.Document(str(path))
    titles = []
    for paragraph in document.paragraphs:
        if paragraph.style is not None and paragraph.style.name == style:
            pieces = paragraph.text.split("\t")
            title = pieces[1] if style == "Briefing Agenda" else pieces[0]
            titles.append(title.split("\n")[0])
    return titles


def printed_numbers(page: str, keys: list[str]) -> list[int]:
    """The number after the dot leader of each entry of ``page`` whose first line starts with a key."""
    lines = [re.sub(r"^\d+\s+", "", line.strip()) for line in page.splitlines()]
    numbers = []
    for key in keys:
        start = next(i for i, line in enumerate(lines) if line.startswith(key))
        found = next(LEADER.search(line) for line in lines[start:] if LEADER.search(line))
        assert found is not None
        numbers.append(int(found.group(1)))
    return numbers


def heading_page(pages: list[str], after: int, key: str) -> int:
    """The number of the first page after page ``after`` with a line starting with ``key`` (no leader)."""
    for number in range(after + 1, len(pages) + 1):
        for line in pages[number - 1].splitlines():
            if line.strip().startswith(key) and "...." not in line:
                return number
    raise AssertionError(f"no heading {key!r} after page {after}")


def test_contents_and_agenda_numbers_are_the_pages_of_their_headings(
    packs: dict[str, Path], pdfs: dict[str, list[str]]
) -> None:
    for name, path in packs.items():
        pages = pdfs[name]
        contents = 2  # the page after the cover
        titles = written_titles(path, "toc 1")
        assert len(titles) >= 5, name
        keys = [title[:25] for title in titles]
        printed = printed_numbers(pages[contents - 1], keys)
        actual = [heading_page(pages, contents, key) for key in keys]
        assert printed == actual, name
        assert actual == sorted(actual) and actual[0] > contents, name
        for number in actual:
            assert re.search(rf"\b{number} (of|sur) {len(pages)}\b", pages[number - 1]), (name, number)
        # The agenda lists the agenda items with the pages of their sections, as the contents do.
        agenda = written_titles(path, "Briefing Agenda")
        agenda_page = heading_page(
            pages, contents, keys[titles.index(next(t for t in titles if "—" in t)) - 1]
        )
        sections = [n for title, n in zip(titles, actual, strict=True) if "—" in title]
        assert printed_numbers(pages[agenda_page - 1], [t[:25] for t in agenda]) == sections, name


ARTIFACTS = Path(__file__).parents[3] / "test-artifacts" / "packs"
RENDERED = (
    "jha-council-2024-06-en-internal",
    "jha-council-2024-06-fr-internal",
    "val-duchesse-ii-fr-internal",
)


def test_first_pages_rendered_for_people_to_look_at(pdf_files: dict[str, Path], pdftoppm: str) -> None:
    """PNG renders of the first pages (cover, contents, objectives, first section) kept in test-artifacts."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name in RENDERED:
        for old in ARTIFACTS.glob(f"{name}-*.png"):
            old.unlink()
        prefix = ARTIFACTS / name
        subprocess.run([pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "4", str(pdf_files[name]), str(prefix)],
                       check=True, capture_output=True, timeout=120)  # fmt: skip
        renders = sorted(ARTIFACTS.glob(f"{name}-*.png"))
        assert len(renders) == 4, name
        for render in renders:
            assert render.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
            assert render.stat().st_size > 5000, render  # a blank page compresses to far less


def test_french_runs_use_the_typographic_apostrophe(packs: dict[str, Path]) -> None:
    for name, path in packs.items():
        if "-en-" in name:
            continue
        with zipfile.ZipFile(path) as archive:
            root = etree.fromstring(archive.read("word/document.xml"))
        french_runs = [
            "".join(t.text or "" for t in run.iter(f"{W}t"))
            for run in root.iter(f"{W}r")
            if run.find(f"{W}rPr/{W}lang") is not None
            and run.find(f"{W}rPr/{W}lang").get(f"{W}val") == "fr-BE"
        ]
        assert any("’" in text for text in french_runs), name
        straight = [text for text in french_runs if "'" in text]
        assert straight == [], (name, straight[:3])
