"""The cover: compact meeting dates in the pack's language, version, addressee and contact; one-line heads."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from briefing.assemble import Outline, PackRequest, assemble
from briefing.errors import BriefingError
from briefing.render.docx import docx_bytes
from briefing.render.docx.layout import RUNNING_HEAD_CHARACTERS, running_head
from briefing.store import Library

ReadDocx = Callable[[bytes], Any]
NB = "\u00a0"
TODAY = dt.date(2024, 6, 1)


def outline_of(library: Library, mode: str, **options: Any) -> Outline:
    with library.unit_of_work() as uow:
        return assemble(uow, PackRequest("jha-test", mode, allow_missing=True, today=TODAY, **options))


@pytest.mark.parametrize(
    ("mode", "dates", "version"),
    [
        ("en", f"13–14{NB}June{NB}2024", f"3 of 1{NB}June{NB}2024"),
        ("fr", f"13–14{NB}juin{NB}2024", f"3 du 1er{NB}juin{NB}2024"),
        ("bilingual", f"13–14{NB}June{NB}2024 / 13–14{NB}juin{NB}2024", f"3 of 1{NB}June{NB}2024 / 3 du 1er{NB}juin{NB}2024"),
    ],
)  # fmt: skip
def test_cover_shows_a_compact_date_range_and_the_version(
    sample_library: Library, read_docx: ReadDocx, mode: str, dates: str, version: str
) -> None:
    outline = outline_of(sample_library, mode, version=3, contact="Anne Dupont, +32 2 500 00 00")
    pack = read_docx(docx_bytes(outline))
    cover = pack.paragraphs()[:20]
    assert dates in cover
    assert version in cover
    assert "Anne Dupont, +32 2 500 00 00" in cover
    for label in ("Version", "Contact"):
        assert any(text.startswith(label) for text in cover)


def test_addressee_defaults_to_the_private_office(sample_library: Library, read_docx: ReadDocx) -> None:
    french = read_docx(docx_bytes(outline_of(sample_library, "fr"))).paragraphs()[:20]
    assert "Destinataire" in french and "Cabinet du ministre" in french
    assert "Contact" not in french  # no contact given, no empty line
    given = read_docx(docx_bytes(outline_of(sample_library, "en", addressee="Minister Exemple"))).paragraphs()
    assert "Minister Exemple" in given[:20]


def test_version_number_is_one_or_more() -> None:
    with pytest.raises(BriefingError, match="version"):
        PackRequest("jha-test", version=0)


def test_cover_title_does_not_break_inside_a_name(sample_library: Library, read_docx: ReadDocx) -> None:
    outline = outline_of(sample_library, "en")
    title = dataclasses.replace(outline.cover.title[0], text="Intergovernmental meeting Val Duchesse II")
    cover = dataclasses.replace(outline.cover, title=(title,))
    pack = read_docx(docx_bytes(dataclasses.replace(outline, cover=cover)))
    assert f"Intergovernmental meeting Val{NB}Duchesse{NB}II" in pack.styled("Title")


def test_running_head_fits_on_one_line(sample_library: Library) -> None:
    outline = outline_of(sample_library, "bilingual")
    en, fr = outline.cover.title
    long_title = (
        dataclasses.replace(en, text="Franco-Belgian intergovernmental meeting Val Duchesse II"),
        dataclasses.replace(fr, text="Réunion intergouvernementale franco-belge Val Duchesse II"),
    )
    long = dataclasses.replace(outline, cover=dataclasses.replace(outline.cover, title=long_title))
    assert [t.text for t in running_head(long)] == ["Val Duchesse II", "Val Duchesse II"]
    assert running_head(outline) == outline.cover.title  # short enough as it is
    assert len(" / ".join(t.text for t in running_head(long))) <= RUNNING_HEAD_CHARACTERS
