"""The Council note ST 10270/24 (002): header, sections with their footnotes, and its follow-up actions.

The note's section headings are named here rather than guessed; where the note starts a section without a
heading of its own, the section says so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefing.interchange.demo.seeds.cleanup import SUPERSCRIPT_DIGITS, heading_key, normalise_spaces
from briefing.interchange.demo.seeds.council_note_deliverables import (
    COUNCIL_NOTE_DELIVERABLES,
    DeliverableSpec,
)
from briefing.interchange.demo.seeds.deadlines import parse_deadline
from briefing.interchange.demo.seeds.files import COUNCIL_NOTE, read_seed
from briefing.interchange.demo.seeds.markdown_text import clean_markdownish_text
from briefing.interchange.demo.seeds.sentences import split_sentences

COUNCIL_NOTE_REFERENCE = "ST 10270/24"


@dataclass(frozen=True)
class Footnote:
    """A footnote of the Council note: its number and text."""

    number: int
    text: str


@dataclass(frozen=True)
class NoteSection:
    """A section of the Council note with its body paragraphs and the footnotes its text refers to.

    ``heading_in_source`` is False for a section the note starts without a heading of its own (access to
    data, which follows the criminal-networks text directly); its title is then this module's.
    """

    key: str
    title: str
    parent: str | None
    paragraphs: tuple[str, ...]
    footnotes: tuple[Footnote, ...]
    heading_in_source: bool = True


@dataclass(frozen=True)
class CouncilNoteMetadata:
    """The note's header: place and date, document number, file codes and the From/To/Subject lines."""

    place: str
    date: dt.date
    document_number: str
    original_language: str | None
    codes: tuple[str, ...]
    document_type: str
    sender: str
    recipient: str
    previous_documents: tuple[str, ...]
    subject: str

    @property
    def source_reference(self) -> str:
        """How packs cite the note: ``ST`` and its number."""
        return f"ST {self.document_number}"


@dataclass(frozen=True)
class Deliverable:
    """A follow-up action the note gives: its text, the body named as owner and the deadline it implies.

    ``timing`` is the phrase of the text that the deadline was read from (see :func:`parse_deadline`);
    ``owner`` and ``deadline`` are None when the note names none.
    """

    text: str
    owner: str | None
    deadline: dt.date | None
    section_key: str
    timing: str | None = None


@dataclass(frozen=True)
class CouncilNote:
    """The progress report: header, sections, all footnotes, the closing request and the deliverables."""

    metadata: CouncilNoteMetadata
    sections: tuple[NoteSection, ...]
    footnotes: tuple[Footnote, ...]
    invitation: str | None
    deliverables: tuple[Deliverable, ...]

    def section(self, key: str) -> NoteSection:
        """The section with ``key``; KeyError when the note has none."""
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)


@dataclass(frozen=True)
class _NoteHeading:
    key: str
    title: str
    parent: str | None
    opening: str | None = None  # for a section without heading: how its first paragraph begins


_NOTE_HEADINGS = (
    _NoteHeading("introduction", "Introduction", None),
    _NoteHeading("state-of-play", "State of play", None),
    _NoteHeading(
        "ports-alliance-customs",
        "The European Ports Alliance: Mobilising the customs community against drug trafficking",
        "state-of-play",
    ),
    _NoteHeading(
        "ports-alliance-ppp", "The European Ports Alliance: Public-Private Partnership", "state-of-play"
    ),
    _NoteHeading(
        "high-risk-criminal-networks",
        "The mapping of criminal networks that pose the biggest threats to society",
        "state-of-play",
    ),
    _NoteHeading(
        "access-to-data",
        "Access to data for effective law enforcement",
        "state-of-play",
        opening="The High-Level Group (HLG) on access to data for effective law enforcement",
    ),
    _NoteHeading(
        "administrative-approach",
        "Preventing organised crime activities through administrative measures",
        "state-of-play",
    ),
    _NoteHeading(
        "youth-recruitment",
        "Preventing criminal networks from recruiting children and young people",
        "state-of-play",
    ),
    _NoteHeading(
        "latin-america",
        "Strengthening EU cooperation with Latin American and Caribbean countries "
        "in the fight against organised crime",
        "state-of-play",
    ),
    _NoteHeading(
        "judicial-network", "Setting up a European Judicial Organised Crime Network", "state-of-play"
    ),
    _NoteHeading(
        "legal-framework",
        "Working towards a more robust legal framework against organised crime",
        "state-of-play",
    ),
    _NoteHeading(
        "judicial-cooperation", "Strengthening judicial cooperation with third countries", "state-of-play"
    ),
)
COUNCIL_NOTE_SECTION_KEYS = tuple(heading.key for heading in _NOTE_HEADINGS)

_HEADER_FIELD = re.compile(r"^(From|To|No\. prev\. doc\.|Subject):\s*(.*)$")
_PLACE_DATE = re.compile(r"^([A-Z][\w .-]*), (\d{1,2} [A-Za-z]+ \d{4})$")
_ORIGINAL_LANGUAGE = re.compile(r"^\(OR\. ([a-z]{2})\)$")
_DOCUMENT_NUMBER = re.compile(r"^\d+/\d{2}$")
_FILE_CODE = re.compile(r"^[A-Z]+ \d+$")
_FOOTNOTE = re.compile(rf"^([{SUPERSCRIPT_DIGITS}]+)\s+(.*)$")
_FOOTNOTE_MARK = re.compile(rf"[{SUPERSCRIPT_DIGITS}]+")
_INVITATION = "The Council is invited to"


def _superscript_number(marks: str) -> int:
    return int("".join(str(SUPERSCRIPT_DIGITS.index(mark)) for mark in marks))


def _header_fields(lines: Iterable[str]) -> dict[str, str]:
    """The note's header lines by role: place/date, language, number, codes, type and the labelled fields."""
    fields: dict[str, str] = {"codes": ""}
    for raw_line in lines:
        line = normalise_spaces(raw_line)
        labelled, place_date = _HEADER_FIELD.match(line), _PLACE_DATE.match(line)
        language = _ORIGINAL_LANGUAGE.match(line)
        if labelled:
            fields[labelled[1]] = labelled[2]
        elif place_date:
            fields["place"], fields["date"] = place_date[1], place_date[2]
        elif language:
            fields["language"] = language[1]
        elif _DOCUMENT_NUMBER.match(line):
            fields["number"] = line
        elif _FILE_CODE.match(line):
            fields["codes"] += f"{line};"
        elif line.isupper():
            fields["type"] = line
    return fields


def _note_metadata(header: Sequence[str]) -> CouncilNoteMetadata:
    fields = _header_fields(header)
    previous = fields.get("No. prev. doc.", "")
    return CouncilNoteMetadata(
        place=fields["place"],
        date=dt.datetime.strptime(fields["date"], "%d %B %Y").date(),
        document_number=fields["number"],
        original_language=fields.get("language"),
        codes=tuple(code for code in fields["codes"].split(";") if code),
        document_type=fields.get("type", ""),
        sender=fields["From"],
        recipient=fields["To"],
        previous_documents=tuple(item.strip() for item in previous.split(";") if item.strip()),
        subject=fields["Subject"],
    )


def _note_heading_for(paragraph: str) -> _NoteHeading | None:
    """The known section that ``paragraph`` starts: its heading, or the opening of a section without one."""
    key = heading_key(paragraph)
    for heading in _NOTE_HEADINGS:
        if heading.opening is None and heading_key(heading.title) == key:
            return heading
        if heading.opening is not None and paragraph.startswith(heading.opening):
            return heading
    return None


@dataclass
class _SectionDraft:
    heading: _NoteHeading
    paragraphs: list[str]


def _note_drafts(paragraphs: Iterable[str]) -> tuple[list[_SectionDraft], list[Footnote], str | None]:
    """Sort the note's body paragraphs into sections, footnotes and the closing request."""
    drafts: list[_SectionDraft] = []
    footnotes: list[Footnote] = []
    invitation: str | None = None
    for paragraph in paragraphs:
        footnote, heading = _FOOTNOTE.match(paragraph), _note_heading_for(paragraph)
        if footnote:
            footnotes.append(Footnote(_superscript_number(footnote[1]), footnote[2]))
        elif paragraph.startswith(_INVITATION):
            invitation = paragraph
        elif heading is not None:
            drafts.append(_SectionDraft(heading, [] if heading.opening is None else [paragraph]))
        elif drafts:
            drafts[-1].paragraphs.append(paragraph)
        else:
            raise ValueError(f"Council note text before its first heading: {paragraph[:60]!r}")
    return drafts, footnotes, invitation


def _note_section(draft: _SectionDraft, footnotes: dict[int, Footnote]) -> NoteSection:
    marks = [_superscript_number(mark) for text in draft.paragraphs for mark in _FOOTNOTE_MARK.findall(text)]
    cited = tuple(footnotes[number] for number in dict.fromkeys(marks) if number in footnotes)
    heading = draft.heading
    return NoteSection(
        heading.key, heading.title, heading.parent, tuple(draft.paragraphs), cited, heading.opening is None
    )


_LIST_NUMBER = re.compile(r"^\d{1,2}\.\s+")


def _find_sentence(section: NoteSection, anchor: str) -> str:
    for paragraph in section.paragraphs:
        for sentence in split_sentences(_LIST_NUMBER.sub("", paragraph)):
            if anchor in sentence:
                return sentence
    raise ValueError(f"deliverable not found in section {section.key!r}: {anchor!r}")


def _deliverable(spec: DeliverableSpec, section: NoteSection, reference: dt.date) -> Deliverable:
    sentence = _find_sentence(section, spec.anchor)
    for part in (spec.span, spec.timing):
        if part is not None and part not in sentence:
            raise ValueError(f"{part!r} is not in the note's sentence {sentence!r}")
    deadline = None if spec.timing is None else parse_deadline(spec.timing, reference)
    text = _FOOTNOTE_MARK.sub("", spec.span or sentence)
    return Deliverable(text, spec.owner, deadline, spec.section_key, spec.timing)


def council_note_deliverables(note_sections: Sequence[NoteSection], date: dt.date) -> tuple[Deliverable, ...]:
    """The follow-up actions of the Council note, each read from its sentence; ``date`` is the note's date.

    Which sentences state an action and which body owns it is the reading of the note in
    :mod:`~briefing.interchange.demo.seeds.council_note_deliverables`; the text (without its footnote
    marks) and the deadline come from the note itself ("next year" and "this year" count from ``date``).
    """
    by_key = {section.key: section for section in note_sections}
    return tuple(_deliverable(spec, by_key[spec.section_key], date) for spec in COUNCIL_NOTE_DELIVERABLES)


def parse_council_note(raw: str) -> CouncilNote:
    """The Council note ST 10270/24 (002): header, sections with footnotes apart, and its deliverables."""
    lines = raw.splitlines()
    body_start = next(i for i, line in enumerate(lines) if heading_key(line) == "introduction")
    metadata = _note_metadata(lines[:body_start])
    drafts, footnotes, invitation = _note_drafts(clean_markdownish_text("\n".join(lines[body_start:])))
    by_number = {footnote.number: footnote for footnote in footnotes}
    sections = tuple(_note_section(draft, by_number) for draft in drafts)
    deliverables = council_note_deliverables(sections, metadata.date)
    return CouncilNote(metadata, sections, tuple(footnotes), invitation, deliverables)


def load_council_note() -> CouncilNote:
    """The Council note parsed from its seed document."""
    return parse_council_note(read_seed(COUNCIL_NOTE))
