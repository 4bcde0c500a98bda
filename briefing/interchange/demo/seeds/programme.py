"""The Home Affairs programme (000 English, 001 French) read into sections under their known headings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from briefing.interchange.demo.seeds.cleanup import heading_key
from briefing.interchange.demo.seeds.files import PROGRAMME_EN, PROGRAMME_FR, read_seed
from briefing.interchange.demo.seeds.markdown_text import clean_markdownish_text
from briefing.interchange.demo.seeds.pdf_text import clean_pdf_text
from briefing.interchange.demo.seeds.programme_headings import PROGRAMME_HEADINGS, ProgrammeHeading

Language = Literal["en", "fr"]


@dataclass(frozen=True)
class ProgrammeSection:
    """One section of the programme: a stable key shared by both languages, its heading and paragraphs."""

    key: str
    title: str
    paragraphs: tuple[str, ...]
    parent: str | None = None

    @property
    def level(self) -> int:
        """1 for a chapter, 2 for a subsection of "internal security"."""
        return 1 if self.parent is None else 2


@dataclass(frozen=True)
class Programme:
    """The programme in one language: its title (English only) and its sections in document order."""

    language: Language
    title: str | None
    sections: tuple[ProgrammeSection, ...]

    def section(self, key: str) -> ProgrammeSection:
        """The section with ``key``; KeyError when the document has none."""
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)


def _programme_heading(text: str, language: Language) -> ProgrammeHeading | None:
    key = heading_key(text)
    for heading in PROGRAMME_HEADINGS:
        if heading_key(heading.en if language == "en" else heading.fr) == key:
            return heading
    return None


def _programme_sections(
    paragraphs: Sequence[str], language: Language
) -> tuple[list[str], list[ProgrammeSection]]:
    """Split cleaned paragraphs into the text before the first heading and the sections."""
    preamble: list[str] = []
    sections: list[ProgrammeSection] = []
    for paragraph in paragraphs:
        heading = _programme_heading(paragraph, language)
        if heading is not None:
            sections.append(ProgrammeSection(heading.key, paragraph, (), heading.parent))
        elif sections:
            last = sections[-1]
            sections[-1] = ProgrammeSection(last.key, last.title, (*last.paragraphs, paragraph), last.parent)
        else:
            preamble.append(paragraph)
    return preamble, sections


def parse_programme(raw: str, language: Language) -> Programme:
    """The programme's sections from the English seed (000) or the French PDF extraction (001).

    Headings are recognised by the known heading texts of each language, never guessed; text before the
    first heading is the document title (the English seed has one, the French extraction has none).
    """
    paragraphs = clean_markdownish_text(raw) if language == "en" else clean_pdf_text(raw)
    preamble, sections = _programme_sections(paragraphs, language)
    return Programme(language, " ".join(preamble) or None, tuple(sections))


def load_programme(language: Language) -> Programme:
    """The programme parsed from its seed document in ``language``."""
    return parse_programme(read_seed(PROGRAMME_EN if language == "en" else PROGRAMME_FR), language)
