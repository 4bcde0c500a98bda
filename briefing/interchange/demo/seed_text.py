"""The demo library's seed documents, read into clean paragraphs and structure (no Qt, no database).

Five public documents make the demo library (shipped in ``briefing.resources.seeds``): the Belgian
Presidency's Home Affairs programme in English (000) and in French (001, a PDF extraction), the Council
progress report ST 10270/24 on drug trafficking and organised crime (002), a eucrim news item on the JHA
Councils of March and June 2024 (003) and the joint communiqué of the Franco-Belgian meeting Val Duchesse II
of 11 June 2018 (004).

The documents are fixed seed material, so their structure is named here explicitly rather than guessed:
the programme's headings in both languages, the Council note's section headings and the follow-up actions it
gives. Everything the parsers return is taken from the text; where the module infers something (a section
start without a heading in the source, a country read from word order) the result says so.

Clean-up rules, shared by all parsers:

* Non-breaking spaces are turned into ordinary spaces everywhere (the seeds use them only as indentation and
  never between a number and its unit), and runs of whitespace collapse to one space.
* Markdown emphasis (``**bold**``, ``*italic*``), links (``[text](url)``) and heading marks (``#``) are
  removed; the words stay.
* A paragraph cut in two by a page break (the first part ends without closing punctuation, the second starts
  in lower case and is not a list enumerator such as ``ii.``) is joined again.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

Language = Literal["en", "fr"]

PROGRAMME_EN = "000_b5860bd19be8d5d5.txt"
PROGRAMME_FR = "001_02c27d79e7ad9486.txt"
COUNCIL_NOTE = "002_43e31db0a0bc89f8.txt"
NEWS_ITEM = "003_c288fa4991a312b6.txt"
COMMUNIQUE = "004_3d6fc5ffe27e3c96.txt"
SEED_NAMES = (PROGRAMME_EN, PROGRAMME_FR, COUNCIL_NOTE, NEWS_ITEM, COMMUNIQUE)

_SEED_PACKAGE = "briefing.resources.seeds"
# briefing/interchange/demo/seed_text.py -> parents[3] is the project root holding resources/.
_SOURCE_SEEDS = Path(__file__).resolve().parents[3] / "resources" / "seeds"


def read_seed(name: str) -> str:
    """The text of seed document ``name`` (a file name such as ``PROGRAMME_EN``).

    Reads the installed package ``briefing.resources.seeds``; in a source tree where that package is not
    mapped yet, reads the project's ``resources/seeds`` folder instead.
    """
    if not name or Path(name).name != name:
        raise ValueError(f"not a seed file name: {name!r}")
    try:
        seed = resources.files(_SEED_PACKAGE) / name
    except ModuleNotFoundError:
        return (_SOURCE_SEEDS / name).read_text(encoding="utf-8")
    return seed.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------------------
# Shared text clean-up
# ---------------------------------------------------------------------------------------------------------

BlockKind = Literal["text", "item", "heading"]


@dataclass(frozen=True)
class _Block:
    """One paragraph being built: running text, a list item or a heading."""

    text: str
    kind: BlockKind = "text"


_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", re.DOTALL)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>]+)>")
_CLOSING = ".!?:;…"
_TRAILING_QUOTES = "\"'”’»)]*"
_ENUMERATOR = re.compile(r"^(?:[ivxlc]+|[a-z]|\d{1,2})[.)]\s")


def normalise_spaces(text: str) -> str:
    """``text`` on one line: non-breaking spaces and tabs become spaces, runs of spaces one space."""
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def strip_emphasis(text: str) -> str:
    """``text`` without Markdown ``**bold**`` and ``*italic*`` markers (the words are kept)."""
    return _ITALIC.sub(r"\1", _BOLD.sub(r"\1", text))


def strip_links(text: str) -> str:
    """``text`` with Markdown links reduced to their words and ``<url>`` autolinks to the bare address."""
    return _AUTOLINK.sub(r"\1", _LINK.sub(r"\1", text))


def _ends_open(text: str) -> bool:
    """True when ``text`` stops mid-sentence: no closing punctuation before any trailing quotes."""
    core = text.rstrip().rstrip(_TRAILING_QUOTES)
    return bool(core) and core[-1] not in _CLOSING


def _starts_continuation(text: str) -> bool:
    """True when ``text`` reads as the rest of a sentence: lower-case start that is not an enumerator."""
    return bool(text) and text[0].islower() and not _ENUMERATOR.match(text)


def _rejoin_page_breaks(blocks: Iterable[_Block]) -> list[_Block]:
    """Join paragraphs that a page break cut in two; headings are never joined."""
    joined: list[_Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind != "heading"
            and block.kind == "text"
            and _ends_open(previous.text)
            and _starts_continuation(block.text)
        ):
            joined[-1] = _Block(f"{previous.text} {block.text}", previous.kind)
        else:
            joined.append(block)
    return joined


def join_broken_paragraphs(paragraphs: Iterable[str], headings: Iterable[str] = ()) -> list[str]:
    """``paragraphs`` with page-break splits joined again; a paragraph equal to a heading is never joined."""
    keys = {_heading_key(heading) for heading in headings}
    blocks = [_Block(text, "heading" if _heading_key(text) in keys else "text") for text in paragraphs]
    return [block.text for block in _rejoin_page_breaks(blocks)]


def _heading_key(text: str) -> str:
    """How two heading texts are compared: case, apostrophe style and spacing do not count."""
    return normalise_spaces(text).replace("’", "'").casefold()


# ---------------------------------------------------------------------------------------------------------
# Markdown-like text (000, 002, 003, 004)
# ---------------------------------------------------------------------------------------------------------

_MD_BULLET = re.compile(r"^\s*[-*+]\s+")
_MD_NUMBERED = re.compile(r"^\s*\d{1,2}\.\s+")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_MD_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")


def _markdown_line_blocks(lines: Iterable[str]) -> Iterator[tuple[BlockKind, list[str]]]:
    """Group lines into blocks: blank lines end a block, list markers and headings start a new one."""
    kind: BlockKind = "text"
    current: list[str] = []
    for line in lines:
        if not line.strip() or _MD_RULE.match(line):
            if current:
                yield kind, current
            kind, current = "text", []
        elif _MD_HEADING.match(line):
            if current:
                yield kind, current
            yield "heading", [_MD_HEADING.sub("", line)]
            kind, current = "text", []
        elif _MD_BULLET.match(line) or _MD_NUMBERED.match(line):
            if current:
                yield kind, current
            kind, current = "item", [_MD_BULLET.sub("", line)]
        else:
            current.append(line)
    if current:
        yield kind, current


def _markdown_blocks(raw: str) -> list[_Block]:
    """The paragraphs of Markdown-like ``raw`` text as blocks, cleaned, with page-break splits joined."""
    blocks = []
    for kind, lines in _markdown_line_blocks(raw.splitlines()):
        text = _clean_markdown_line(" ".join(line.strip() for line in lines))
        if text:
            blocks.append(_Block(text, kind))
    return _rejoin_page_breaks(blocks)


def _clean_markdown_line(text: str) -> str:
    """One paragraph of Markdown-like text without links, emphasis or extra spaces."""
    return normalise_spaces(strip_emphasis(strip_links(text)))


def clean_markdownish_text(raw: str) -> list[str]:
    """The paragraphs of an English seed written one paragraph per line with Markdown-like marks.

    Consecutive non-blank lines make one paragraph (the programme's bold title spans three lines), except
    that each list item (``- i. …``, ``- To …``, ``1. …``) is a paragraph of its own. The ``-`` bullet mark
    is dropped, a written enumerator such as ``i.`` or ``1.`` is kept. Emphasis, links, heading marks and
    horizontal rules are removed, and paragraphs cut by a page break are joined again.
    """
    return [block.text for block in _markdown_blocks(raw)]


# ---------------------------------------------------------------------------------------------------------
# PDF extraction (001)
# ---------------------------------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^\d{1,4}$")
_WORD_CHARS = r"[^\W_][\w’']*"
_LAST_WORD = re.compile(rf"({_WORD_CHARS})-$")
_FIRST_WORD = re.compile(r"^([\w’'-]+)")
_TOKEN = re.compile(r"[\w’'-]+")
_MISSING_SPACE_AFTER_COMMA = re.compile(r"(?<=[^\W\d_]),(?=[^\W\d_])")
_HEADING_LOOKAHEAD = 3  # a PDF heading wraps over at most this many non-blank lines

# First parts of French compounds that keep their hyphen ("au-delà", "bien-être", "c'est-à-dire", …).
_HYPHEN_FIRST_PARTS = frozenset(
    {"au", "bien", "c'est", "ci", "demi", "ex", "franco", "belgo", "garde", "mi", "non", "nord", "sud"}
    | {"moyen", "pays", "porte", "semi", "sous", "vice", "états", "etats", "là", "celle", "celui", "ceux"}
)
# Second parts that only occur after a hyphen ("-à-dire", "-être", "-delà", "-membres", "-même", "-t-il", …).
_HYPHEN_SECOND_PARTS = frozenset(
    {"à", "dire", "être", "delà", "dessus", "dessous", "là", "ci", "même", "mêmes", "membres", "unes", "uns"}
    | {"t", "il", "ils", "elle", "elles", "on", "nous", "vous", "moi", "toi", "lui", "leur", "eux"}
)


def _apostrophes(word: str) -> str:
    return word.replace("’", "'").casefold()


def _keeps_hyphen(left: str, right: str, vocabulary: frozenset[str]) -> bool:
    """Decide whether a line-end hyphen between ``left`` and ``right`` belongs to the word.

    In order: the document itself decides when it writes the compound with a hyphen elsewhere (keep) or the
    joined word elsewhere (hyphenation: drop); a second part starting with a capital or a digit keeps the
    hyphen ("Moyen-Orient", "2021-2025"); so do the known French compound parts ("c'est-à-dire",
    "États-membres", "Franco-belge"); anything else is a word split by hyphenation.
    """
    first, second = _apostrophes(left), _apostrophes(right)
    if f"{first}-{second}" in vocabulary:
        return True
    if f"{first}{second}" in vocabulary:
        return False
    if right[:1].isupper() or right[:1].isdigit():
        return True
    second_head = second.split("-", 1)[0]
    return first in _HYPHEN_FIRST_PARTS or second_head in _HYPHEN_SECOND_PARTS


def _join_two_lines(left: str, right: str, vocabulary: frozenset[str]) -> str:
    """Join a wrapped line to the next: a space, or a hyphen kept or dropped at a line-end hyphen."""
    end, start = _LAST_WORD.search(left), _FIRST_WORD.match(right)
    if end is None or start is None:
        return f"{left} {right}"
    if _keeps_hyphen(end.group(1), start.group(1), vocabulary):
        return f"{left}{right}"
    return f"{left[:-1]}{right}"


def _join_wrapped_lines(lines: Sequence[str], vocabulary: frozenset[str]) -> str:
    """One paragraph from its hard-wrapped lines."""
    text = ""
    for line in lines:
        text = _join_two_lines(text, line, vocabulary) if text else line
    text = _MISSING_SPACE_AFTER_COMMA.sub(", ", text)
    return normalise_spaces(strip_emphasis(text))


def _match_heading(lines: Sequence[str], start: int, headings: dict[str, str]) -> int | None:
    """The index after a known heading beginning at ``lines[start]``, or None when none begins there.

    A heading may wrap over up to three lines, with blank lines between them (as the French crisis heading
    does); ``headings`` maps comparison keys to heading texts.
    """
    parts: list[str] = []
    index = start
    while index < len(lines) and len(parts) < _HEADING_LOOKAHEAD:
        if lines[index]:
            parts.append(lines[index])
            if _heading_key(" ".join(parts)) in headings:
                return index + 1
        elif not parts:
            return None
        index += 1
    return None


def _pdf_lines(raw: str) -> list[str]:
    """The lines of a PDF extraction, trimmed, with page-number lines removed."""
    lines = [normalise_spaces(line) for line in raw.splitlines()]
    return [line for line in lines if not _PAGE_NUMBER.match(line)]


def _pdf_blocks(lines: Sequence[str], headings: dict[str, str], vocabulary: frozenset[str]) -> list[_Block]:
    """Split trimmed PDF lines into headings and paragraphs (blank lines end a paragraph)."""
    blocks: list[_Block] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append(_Block(_join_wrapped_lines(current, vocabulary)))
            current.clear()

    index = 0
    while index < len(lines):
        end = _match_heading(lines, index, headings)
        if end is not None:
            flush()
            heading_lines = [line for line in lines[index:end] if line]
            blocks.append(_Block(_join_wrapped_lines(heading_lines, vocabulary), "heading"))
            index = end
            continue
        if lines[index]:
            current.append(lines[index])
        else:
            flush()
        index += 1
    flush()
    return blocks


def clean_pdf_text(raw: str, *, headings: Iterable[str] | None = None) -> list[str]:
    """The paragraphs of a PDF text extraction such as the French programme (001), headings included.

    * Lines holding only a number (page numbers) are removed.
    * Hard-wrapped lines are joined into paragraphs; a blank line or a known heading ends a paragraph. The
      ``headings`` are the French programme's by default; a heading may wrap over several lines.
    * A line-end hyphen is kept when it belongs to a compound and dropped when it splits a word, see
      :func:`_keeps_hyphen` (the French seed itself has no line-end hyphen).
    * A comma glued to the next word ("migration,ainsi") gets its missing space: a typing slip in the
      source, not how French or English prose is written. Words glued without any mark ("individuelssont")
      are left as the source wrote them: no rule can tell them from real words.
    * Spacing is normalised (non-breaking spaces become spaces) and ``**`` bold marks are removed.
    * Paragraphs cut by a page break are joined again.
    """
    known = FRENCH_PROGRAMME_HEADINGS if headings is None else tuple(headings)
    heading_keys = {_heading_key(heading): heading for heading in known}
    lines = _pdf_lines(raw)
    vocabulary = frozenset(_apostrophes(token) for token in _TOKEN.findall(raw))
    blocks = _rejoin_page_breaks(_pdf_blocks(lines, heading_keys, vocabulary))
    return [block.text for block in blocks]


# ---------------------------------------------------------------------------------------------------------
# The Home Affairs programme (000 English, 001 French)
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ProgrammeHeading:
    key: str
    parent: str | None
    en: str
    fr: str


_PROGRAMME_HEADINGS = (
    _ProgrammeHeading("introduction", None, "Introduction", "Introduction"),
    _ProgrammeHeading(
        "asylum-migration",
        None,
        "Towards a more fair and efficient asylum and migration system",
        "Un système d'asile et de migration plus juste et plus efficace",
    ),
    _ProgrammeHeading(
        "schengen", None, "Consolidate Schengen governance", "Consolidation de la gouvernance Schengen"
    ),
    _ProgrammeHeading(
        "internal-security",
        None,
        "Ensure a high level of internal security",
        "Garantir un haut niveau de sécurité intérieure",
    ),
    _ProgrammeHeading("organised-crime", "internal-security", "Organised crime", "Crime organisé"),
    _ProgrammeHeading("terrorism", "internal-security", "Terrorism", "Terrorisme"),
    _ProgrammeHeading(
        "information-exchange", "internal-security", "Information exchange", "Échange d'informations"
    ),
    _ProgrammeHeading(
        "crime-prevention", "internal-security", "Crime Prevention", "Prévention de la criminalité"
    ),
    _ProgrammeHeading(
        "crisis-management",
        None,
        "Reinforce capacities to prevent, prepare for and respond to crisis and disasters",
        "Renforcement des capacités visant à prévenir les crises et les désastres, "
        "à s'y préparer et à y répondre",
    ),
    _ProgrammeHeading("conclusion", None, "Conclusion", "Conclusion"),
)

PROGRAMME_SECTION_KEYS = tuple(heading.key for heading in _PROGRAMME_HEADINGS)
ENGLISH_PROGRAMME_HEADINGS = tuple(heading.en for heading in _PROGRAMME_HEADINGS)
FRENCH_PROGRAMME_HEADINGS = tuple(heading.fr for heading in _PROGRAMME_HEADINGS)


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


def _programme_heading(text: str, language: Language) -> _ProgrammeHeading | None:
    key = _heading_key(text)
    for heading in _PROGRAMME_HEADINGS:
        if _heading_key(heading.en if language == "en" else heading.fr) == key:
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


# ---------------------------------------------------------------------------------------------------------
# Paragraph alignment (Gale–Church)
# ---------------------------------------------------------------------------------------------------------

AlignmentMethod = Literal["one-to-one", "length-based", "missing"]

# Gale & Church (1993): prior probability of each kind of match and the variance of the length difference.
_MATCH_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (2, 1): 0.089 / 2,
    (1, 2): 0.089 / 2,
    (1, 0): 0.0099 / 2,
    (0, 1): 0.0099 / 2,
}
_LENGTH_VARIANCE = 6.8
_SMALLEST_PROBABILITY = 1e-300

# Why a section's paragraph counts differ, as read in the seed documents (added to the computed figures).
_KNOWN_CAUSES = {
    "schengen": (
        "The French PDF runs the third dimension of Schengen governance (“Prévoyance stratégique”) on into "
        "the second (“ii. Remédiation”), without a line break or its “iii.” number."
    ),
}


@dataclass(frozen=True)
class AlignedPair:
    """EN paragraphs and the FR paragraphs that translate them (indices into the sections' paragraphs)."""

    en: tuple[int, ...]
    fr: tuple[int, ...]
    en_text: str
    fr_text: str

    @property
    def kind(self) -> str:
        """How many paragraphs on each side, such as ``"1:1"`` or ``"2:1"`` (EN:FR)."""
        return f"{len(self.en)}:{len(self.fr)}"

    @property
    def merged(self) -> bool:
        """True when two paragraphs on one side were taken together."""
        return len(self.en) > 1 or len(self.fr) > 1

    @property
    def unmatched(self) -> bool:
        """True when a paragraph has no counterpart at all (1:0 or 0:1)."""
        return not self.en or not self.fr


@dataclass(frozen=True)
class SectionAlignment:
    """The paragraph pairs of one programme section, with the figures and how they were found."""

    key: str
    title_en: str | None
    title_fr: str | None
    en_count: int
    fr_count: int
    method: AlignmentMethod
    pairs: tuple[AlignedPair, ...]
    explanation: str

    @property
    def merges(self) -> tuple[AlignedPair, ...]:
        """The pairs that take two paragraphs of one side together."""
        return tuple(pair for pair in self.pairs if pair.merged)


@dataclass(frozen=True)
class AlignmentReport:
    """EN↔FR paragraph alignment of the programme, section by section."""

    sections: tuple[SectionAlignment, ...]
    length_ratio: float

    def section(self, key: str) -> SectionAlignment:
        """The alignment of section ``key``; KeyError when neither language has it."""
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    @property
    def pairs(self) -> tuple[AlignedPair, ...]:
        """Every pair of every section, in document order."""
        return tuple(pair for section in self.sections for pair in section.pairs)

    def format(self) -> str:
        """A readable report: figures per section, then each merge or unmatched paragraph."""
        lines = [f"Programme alignment EN↔FR (FR/EN length ratio {self.length_ratio:.2f})"]
        for section in self.sections:
            lines.append(
                f"- {section.key}: EN {section.en_count}, FR {section.fr_count}, "
                f"{len(section.pairs)} pairs, {len(section.merges)} merged ({section.method})"
            )
            lines.extend(f"    {line}" for line in _section_details(section))
        en_total = sum(section.en_count for section in self.sections)
        fr_total = sum(section.fr_count for section in self.sections)
        merged = sum(len(section.merges) for section in self.sections)
        lines.append(f"Total: EN {en_total}, FR {fr_total}, {len(self.pairs)} pairs, {merged} merged")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.format()


def _snippet(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _paragraph_numbers(indices: tuple[int, ...]) -> str:
    return "+".join(str(index + 1) for index in indices) or "-"


def _section_details(section: SectionAlignment) -> list[str]:
    """The explanation of a section that is not one to one, and each of its merged or unmatched pairs."""
    if section.method == "one-to-one":
        return []
    details = [section.explanation]
    for pair in section.pairs:
        if pair.merged or pair.unmatched:
            details.append(
                f"EN ¶{_paragraph_numbers(pair.en)} ↔ FR ¶{_paragraph_numbers(pair.fr)} ({pair.kind}): "
                f"“{_snippet(pair.en_text)}” / “{_snippet(pair.fr_text)}”"
            )
    return details


def _match_cost(en_length: int, fr_length: int, ratio: float) -> float:
    """−log of the probability that texts of these lengths translate each other (Gale–Church)."""
    if en_length == 0 and fr_length == 0:
        return 0.0
    mean = (en_length + fr_length / ratio) / 2
    deviation = (ratio * en_length - fr_length) / math.sqrt(_LENGTH_VARIANCE * mean)
    probability = math.erfc(abs(deviation) / math.sqrt(2))
    return -math.log(max(probability, _SMALLEST_PROBABILITY))


def _best_path(en_lengths: Sequence[int], fr_lengths: Sequence[int], ratio: float) -> list[tuple[int, int]]:
    """The cheapest sequence of moves (EN paragraphs taken, FR paragraphs taken) through both sections."""
    rows, columns = len(en_lengths), len(fr_lengths)
    cost = [[math.inf] * (columns + 1) for _ in range(rows + 1)]
    move: dict[tuple[int, int], tuple[int, int]] = {}
    cost[0][0] = 0.0
    for i in range(rows + 1):
        for j in range(columns + 1):
            for (take_en, take_fr), prior in _MATCH_PRIORS.items():
                if take_en > i or take_fr > j or cost[i - take_en][j - take_fr] == math.inf:
                    continue
                length_en = sum(en_lengths[i - take_en : i])
                length_fr = sum(fr_lengths[j - take_fr : j])
                candidate = cost[i - take_en][j - take_fr] - math.log(prior)
                candidate += _match_cost(length_en, length_fr, ratio)
                if candidate < cost[i][j]:
                    cost[i][j], move[(i, j)] = candidate, (take_en, take_fr)
    path: list[tuple[int, int]] = []
    i, j = rows, columns
    while (i, j) != (0, 0):
        take_en, take_fr = move[(i, j)]
        path.append((take_en, take_fr))
        i, j = i - take_en, j - take_fr
    return path[::-1]


def _pairs_from_path(
    path: Sequence[tuple[int, int]], en: Sequence[str], fr: Sequence[str]
) -> tuple[AlignedPair, ...]:
    pairs = []
    i = j = 0
    for take_en, take_fr in path:
        en_indices, fr_indices = tuple(range(i, i + take_en)), tuple(range(j, j + take_fr))
        pairs.append(
            AlignedPair(
                en_indices,
                fr_indices,
                " ".join(en[k] for k in en_indices),
                " ".join(fr[k] for k in fr_indices),
            )
        )
        i, j = i + take_en, j + take_fr
    return tuple(pairs)


def _explain(en_count: int, fr_count: int, pairs: Sequence[AlignedPair]) -> str:
    """Why the section is not one to one, in the figures the alignment found."""
    kinds = [pair for pair in pairs if pair.merged or pair.unmatched]
    parts = [
        f"EN ¶{_paragraph_numbers(pair.en)} with FR ¶{_paragraph_numbers(pair.fr)} ({pair.kind})"
        for pair in kinds
    ]
    found = "; ".join(parts) if parts else "no merge needed"
    return (
        f"EN has {en_count} paragraphs and FR {fr_count}: one side splits or runs together what the other "
        f"keeps apart. Length-based alignment (Gale–Church) paired {found}."
    )


def _align_section(
    key: str, en: ProgrammeSection | None, fr: ProgrammeSection | None, ratio: float
) -> SectionAlignment:
    en_paragraphs = en.paragraphs if en else ()
    fr_paragraphs = fr.paragraphs if fr else ()
    en_title, fr_title = (en.title if en else None), (fr.title if fr else None)
    counts = (len(en_paragraphs), len(fr_paragraphs))
    if en is None or fr is None:
        missing = "FR" if fr is None else "EN"
        explanation = f"The section is missing in {missing}; nothing to pair."
        return SectionAlignment(key, en_title, fr_title, *counts, "missing", (), explanation)
    if counts[0] == counts[1]:
        path = [(1, 1)] * counts[0]
        pairs = _pairs_from_path(path, en_paragraphs, fr_paragraphs)
        explanation = f"EN and FR both have {counts[0]} paragraphs: paired one to one."
        return SectionAlignment(key, en_title, fr_title, *counts, "one-to-one", pairs, explanation)
    lengths = ([len(text) for text in en_paragraphs], [len(text) for text in fr_paragraphs])
    pairs = _pairs_from_path(_best_path(*lengths, ratio), en_paragraphs, fr_paragraphs)
    explanation = " ".join(filter(None, (_explain(*counts, pairs), _KNOWN_CAUSES.get(key))))
    return SectionAlignment(key, en_title, fr_title, *counts, "length-based", pairs, explanation)


def _length_ratio(en: Sequence[ProgrammeSection], fr: Sequence[ProgrammeSection]) -> float:
    """French characters per English character over the sections both languages have."""
    fr_by_key = {section.key: section for section in fr}
    en_chars = fr_chars = 0
    for section in en:
        if section.key in fr_by_key:
            en_chars += sum(len(text) for text in section.paragraphs)
            fr_chars += sum(len(text) for text in fr_by_key[section.key].paragraphs)
    return fr_chars / en_chars if en_chars and fr_chars else 1.0


def align_programme(
    en: Sequence[ProgrammeSection], fr: Sequence[ProgrammeSection], *, ratio: float | None = None
) -> AlignmentReport:
    """Pair the programme's paragraphs EN↔FR, section by section (sections are matched by key).

    Where a section has as many paragraphs in both languages they are paired one to one. Otherwise a
    Gale–Church dynamic programme pairs them by length, allowing 1:1, 2:1 and 1:2 merges (and, at a high
    cost, a paragraph without counterpart). ``ratio`` is the expected French length per English character;
    by default it is measured on the sections both languages have.
    """
    expected = _length_ratio(en, fr) if ratio is None else ratio
    en_by_key = {section.key: section for section in en}
    fr_by_key = {section.key: section for section in fr}
    keys = [section.key for section in en] + [s.key for s in fr if s.key not in en_by_key]
    sections = tuple(_align_section(key, en_by_key.get(key), fr_by_key.get(key), expected) for key in keys)
    return AlignmentReport(sections, expected)


# ---------------------------------------------------------------------------------------------------------
# Sentences and deadlines
# ---------------------------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?]+[\"'”’»)⁰¹²³⁴⁵⁶⁷⁸⁹]*\s+(?=[\"'“‘«(]?[A-ZÀ-ÖØ-Þ0-9])")
_ABBREVIATION = re.compile(
    r"^(?:[A-Za-z]\.)+[A-Za-z]?\.?$|^(?:No|Nos|etc|pp?|Vol|Mr|Mrs|Dr|St|cf|e\.g|i\.e)\.$"
)
_ENUMERATOR_ONLY = re.compile(r"^(?:[ivxlc]+|\d{1,2}|[a-z])\.$")


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the period at ``end`` closes an abbreviation or a leading enumerator, not a sentence."""
    start = text.rfind(" ", 0, end) + 1
    word = text[start : end + 1].rsplit("-", maxsplit=1)[-1].lstrip("(")
    if start == 0 and _ENUMERATOR_ONLY.match(word):
        return True
    return bool(_ABBREVIATION.match(word))


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of ``paragraph``; abbreviations (``U.S.``, ``i.a.``, ``No.``) and a leading ``1.`` do not
    end one."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        period = match.start()
        if _is_abbreviation(paragraph, period):
            continue
        sentences.append(paragraph[start : match.end()].strip())
        start = match.end()
    rest = paragraph[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


_MONTHS = {name.casefold(): number for number, name in enumerate(calendar.month_name) if name}
_MONTH = "(" + "|".join(_MONTHS) + ")"
_SEASON_LAST_MONTH = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2}
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

_DateRule = Callable[["re.Match[str]", "dt.date | None"], "dt.date | None"]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _day(match: re.Match[str], _: dt.date | None) -> dt.date:
    return dt.date(int(match[3]), _MONTHS[match[2]], int(match[1]))


def _season_end(match: re.Match[str], _: dt.date | None) -> dt.date:
    season, year = match[1], int(match[2])
    last_month = _SEASON_LAST_MONTH[season]
    return _month_end(year + 1 if season == "winter" else year, last_month)


def _half_end(match: re.Match[str], _: dt.date | None) -> dt.date:
    return _month_end(int(match[2]), 6 if match[1] == "first" else 12)


def _part_of_year_end(match: re.Match[str], _: dt.date | None) -> dt.date:
    return _month_end(int(match[2]), {"early": 3, "mid": 6, "mid-": 6, "late": 12}[match[1]])


def _month_year_end(match: re.Match[str], _: dt.date | None) -> dt.date:
    return _month_end(int(match[2]), _MONTHS[match[1]])


def _relative_month_end(match: re.Match[str], reference: dt.date | None) -> dt.date | None:
    if reference is None:
        return None
    return _month_end(reference.year + (match[2] == "next"), _MONTHS[match[1]])


def _relative_year_end(match: re.Match[str], reference: dt.date | None) -> dt.date | None:
    if reference is None:
        return None
    return dt.date(reference.year + (match[1] == "next"), 12, 31)


def _year_end(match: re.Match[str], _: dt.date | None) -> dt.date:
    return dt.date(int(match[1]), 12, 31)


# Most precise first: a day, a season, a half-year, part of a year, a month, a relative year, a year.
_DATE_RULES: tuple[tuple[re.Pattern[str], _DateRule], ...] = (
    (re.compile(rf"\b(?:\d{{1,2}}\s*[-–]\s*)?(\d{{1,2}}) {_MONTH} (\d{{4}})\b"), _day),
    (re.compile(r"\b(spring|summer|autumn|fall|winter) (?:of )?(\d{4})\b"), _season_end),
    (re.compile(r"\b(first|second) (?:half|semester)(?: of)? (\d{4})\b"), _half_end),
    (re.compile(r"\b(early|mid-?|late) ?(\d{4})\b"), _part_of_year_end),
    (re.compile(rf"\b{_MONTH} (\d{{4}})\b"), _month_year_end),
    (re.compile(rf"\b{_MONTH} (this|next) year\b"), _relative_month_end),
    (re.compile(r"\b(this|next) year\b"), _relative_year_end),
    (re.compile(r"\b(\d{4})\b"), _year_end),
)


def parse_deadline(phrase: str, reference: dt.date | None = None) -> dt.date | None:
    """The date a time phrase such as "by the end of 2024" gives as a deadline, or None.

    The rule is: **the last day of the period named.** A day is itself ("on 30 May 2024"; a range of days
    ends on its last day); a month ends on its last day ("by June 2025" → 30 June 2025); a year ends on 31
    December ("in 2025", "by the end of 2024"); a half-year or semester ends on 30 June or 31 December;
    "early", "mid" and "late" a year end on 31 March, 30 June and 31 December; seasons are meteorological
    (spring ends 31 May, summer 31 August, autumn 30 November, winter on the last day of February of the
    next year), so "end of autumn 2024" is 30 November 2024. "this year", "next year" and "September this
    year" count from ``reference`` (the document's date) and give None without one.
    """
    text = normalise_spaces(phrase.translate({ord(digit): None for digit in _SUPERSCRIPT_DIGITS})).casefold()
    for pattern, rule in _DATE_RULES:
        match = pattern.search(text)
        if match:
            return rule(match, reference)
    return None


# ---------------------------------------------------------------------------------------------------------
# The Council note ST 10270/24 (002)
# ---------------------------------------------------------------------------------------------------------

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
_FOOTNOTE = re.compile(rf"^([{_SUPERSCRIPT_DIGITS}]+)\s+(.*)$")
_FOOTNOTE_MARK = re.compile(rf"[{_SUPERSCRIPT_DIGITS}]+")
_INVITATION = "The Council is invited to"


def _superscript_number(marks: str) -> int:
    return int("".join(str(_SUPERSCRIPT_DIGITS.index(mark)) for mark in marks))


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
    key = _heading_key(paragraph)
    for heading in _NOTE_HEADINGS:
        if heading.opening is None and _heading_key(heading.title) == key:
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


@dataclass(frozen=True)
class _DeliverableSpec:
    """Where a follow-up action stands in the note and who owns it; the text itself is read from the note.

    ``anchor`` picks the sentence, ``span`` (default: the whole sentence) the words that state the action,
    ``timing`` the phrase the deadline is read from.
    """

    section_key: str
    anchor: str
    owner: str | None
    timing: str | None = None
    span: str | None = None


# The note's follow-up actions, as it states them (each anchor, span and timing must be found verbatim).
_NOTE_DELIVERABLES = (
    _DeliverableSpec(
        "ports-alliance-customs",
        "Further work is needed to implement the strengthening of operational cooperation",
        None,
        "in the second half 2024",
    ),
    _DeliverableSpec(
        "ports-alliance-customs",
        "The European Ports Alliance Customs Project Group",
        "Commission",
        "until the end of 2024",
    ),
    _DeliverableSpec(
        "ports-alliance-customs",
        "The maritime European Ports Alliance pillar",
        "Commission",
        "starting early 2025",
    ),
    _DeliverableSpec(
        "ports-alliance-ppp",
        "Four technical meetings are foreseen",
        "European Ports Alliance PPP",
        "in autumn 2024",
    ),
    _DeliverableSpec(
        "ports-alliance-ppp",
        "The next Senior Officials' meeting",
        "European Ports Alliance PPP",
        "the end of autumn 2024",
        span="The next Senior Officials' meeting, scheduled for the end of autumn 2024, "
        "will take stock of the progress made and propose the way forward",
    ),
    _DeliverableSpec(
        "ports-alliance-ppp",
        "The next Senior Officials' meeting",
        "European Ports Alliance PPP",
        "in early 2025",
        span="the way forward that will be discussed and agreed at a ministerial meeting in early 2025",
    ),
    _DeliverableSpec(
        "ports-alliance-ppp",
        "a joint LEWP (Police and Customs) meeting in June 2024",
        "Law Enforcement Working Party (LEWP)",
        "in June 2024",
    ),
    _DeliverableSpec(
        "ports-alliance-ppp",
        "Council preparatory bodies should further follow up",
        "Council preparatory bodies",
    ),
    _DeliverableSpec(
        "high-risk-criminal-networks", "Member States' authorities follow-up operationally", "Member States"
    ),
    _DeliverableSpec(
        "high-risk-criminal-networks",
        "Council conclusions incorporating inter alia",
        "JHA Council",
        "in June 2024",
    ),
    _DeliverableSpec("high-risk-criminal-networks", "The next mapping exercise", "Europol", "in 2026"),
    _DeliverableSpec(
        "access-to-data", "with a view to prepare an exchange of views", "JHA Council", "in June 2024"
    ),
    _DeliverableSpec(
        "access-to-data",
        "The HLG will continue its work on a concluding report",
        "High-Level Group (HLG)",
        "in autumn 2024",
    ),
    _DeliverableSpec(
        "administrative-approach",
        "delegations agreed to conduct a mapping exercise",
        "Member States",
        span="delegations agreed to conduct a mapping exercise analysing the possibilities available "
        "under the existing legal basis for the cross-border exchange of information "
        "for administrative purposes",
    ),
    _DeliverableSpec(
        "administrative-approach",
        "delegations agreed to conduct a mapping exercise",
        "Commission",
        span="invited the Commission to participate in it and - if applicable - "
        "to look into the possibility of proposing new legislation",
    ),
    _DeliverableSpec(
        "administrative-approach",
        "Further activities are the drafting",
        "EMPACT",
        "at the end of 2025",
        span="the drafting, in the framework of EMPACT, of a handbook on administrative measures "
        "to tackle new synthetic drugs to be presented at the end of 2025",
    ),
    _DeliverableSpec(
        "administrative-approach",
        "Further activities are the drafting",
        "Europol",
        "by the end of 2024",
        span="the drafting by Europol of a report on the criminal infiltration of legal business structures "
        "by the end of 2024",
    ),
    _DeliverableSpec("youth-recruitment", "further actions were proposed", None),
    _DeliverableSpec(
        "latin-america",
        "with proposals for action until June 2025",
        "Belgian and Colombian co-Presidencies of the EU-CELAC Mechanism",
        "until June 2025",
    ),
    _DeliverableSpec(
        "latin-america", "Further work will be needed to continue to develop the cooperation with CLASI", None
    ),
    _DeliverableSpec(
        "latin-america", "The next COSI-CLASI Ministerial meeting", "COSI", "first semester of 2025"
    ),
    _DeliverableSpec(
        "judicial-network", "Council conclusions on the topic are submitted", "JHA Council", "in June 2024"
    ),
    _DeliverableSpec(
        "judicial-network",
        "to fully operationalise the network next year",
        "Eurojust",
        "next year",
        span="Eurojust is expected to be provided with sufficient financial and human resources to fully "
        "operationalise the network next year",
    ),
    _DeliverableSpec(
        "judicial-network",
        "Eurojust will host a first kick-off meeting",
        "Eurojust",
        "in September this year",
    ),
    _DeliverableSpec("legal-framework", "The final report will feature", None, "in 2026"),
    _DeliverableSpec(
        "legal-framework", "Further work is needed on assessing whether Framework Decision", None
    ),
    _DeliverableSpec(
        "judicial-cooperation",
        "Council conclusions on the topic are submitted",
        "JHA Council",
        "in June 2024",
    ),
    _DeliverableSpec(
        "judicial-cooperation",
        "Further work is needed to implement the Conclusions",
        "Member States, the Commission and relevant EU stakeholders (Eurojust, Europol, EJM, EPPO)",
        span="Further work is needed to implement the Conclusions, which will require the involvement "
        "of Member States, the Commission and relevant EU stakeholders (Eurojust, Europol, EJM, EPPO), "
        "in accordance with their tasks and competence.",
    ),
)

_LIST_NUMBER = re.compile(r"^\d{1,2}\.\s+")


def _find_sentence(section: NoteSection, anchor: str) -> str:
    for paragraph in section.paragraphs:
        for sentence in split_sentences(_LIST_NUMBER.sub("", paragraph)):
            if anchor in sentence:
                return sentence
    raise ValueError(f"deliverable not found in section {section.key!r}: {anchor!r}")


def _deliverable(spec: _DeliverableSpec, section: NoteSection, reference: dt.date) -> Deliverable:
    sentence = _find_sentence(section, spec.anchor)
    for part in (spec.span, spec.timing):
        if part is not None and part not in sentence:
            raise ValueError(f"{part!r} is not in the note's sentence {sentence!r}")
    deadline = None if spec.timing is None else parse_deadline(spec.timing, reference)
    text = _FOOTNOTE_MARK.sub("", spec.span or sentence)
    return Deliverable(text, spec.owner, deadline, spec.section_key, spec.timing)


def council_note_deliverables(note_sections: Sequence[NoteSection], date: dt.date) -> tuple[Deliverable, ...]:
    """The follow-up actions of the Council note, each read from its sentence; ``date`` is the note's date.

    Which sentences state an action and which body owns it is this module's reading of the note; the text
    (without its footnote marks) and the deadline come from the note itself ("next year" and "this year"
    count from ``date``).
    """
    by_key = {section.key: section for section in note_sections}
    return tuple(_deliverable(spec, by_key[spec.section_key], date) for spec in _NOTE_DELIVERABLES)


def parse_council_note(raw: str) -> CouncilNote:
    """The Council note ST 10270/24 (002): header, sections with footnotes apart, and its deliverables."""
    lines = raw.splitlines()
    body_start = next(i for i, line in enumerate(lines) if _heading_key(line) == "introduction")
    metadata = _note_metadata(lines[:body_start])
    drafts, footnotes, invitation = _note_drafts(clean_markdownish_text("\n".join(lines[body_start:])))
    by_number = {footnote.number: footnote for footnote in footnotes}
    sections = tuple(_note_section(draft, by_number) for draft in drafts)
    deliverables = council_note_deliverables(sections, metadata.date)
    return CouncilNote(metadata, sections, tuple(footnotes), invitation, deliverables)


def load_council_note() -> CouncilNote:
    """The Council note parsed from its seed document."""
    return parse_council_note(read_seed(COUNCIL_NOTE))


# ---------------------------------------------------------------------------------------------------------
# The eucrim news item (003)
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewsItem:
    """A news item: title, rubric and byline, its paragraphs and the later update, and where it appeared.

    The author box printed in the middle of the update (author, role, "Published in", ISSN) is taken out of
    the text, so that the update sentence it interrupts reads whole again; the publisher's "About" notice
    at the end is left out.
    """

    title: str
    rubric: str | None
    author: str | None
    author_role: str | None
    paragraphs: tuple[str, ...]
    update: tuple[str, ...]
    published_in: str | None
    issn: str | None


_MD_TITLE = re.compile(r"^#\s+(.+?)\s*$")
_MD_SUBHEADING = re.compile(r"^#{2,6}\s+(.+?)\s*$")
_BOLD_LINE = re.compile(r"^\s*\*\*([^*]+)\*\*\s*$")
_ISSN = re.compile(r"^ISSN:\s*(.+?)\s*$")
_PUBLISHED_IN = "Published in"


def _first_index(lines: Sequence[str], test: Callable[[str], bool], start: int = 0) -> int | None:
    return next((index for index in range(start, len(lines)) if test(lines[index])), None)


def _not_blank(line: str) -> bool:
    return bool(line.strip())


def _subheading_is(line: str, *names: str) -> bool:
    match = _MD_SUBHEADING.match(line)
    return match is not None and match[1].rstrip(":").casefold() in {name.casefold() for name in names}


def _paragraph_runs(lines: Iterable[str]) -> list[list[str]]:
    """Runs of consecutive non-blank lines."""
    runs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            runs[-1].append(line.strip())
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


@dataclass(frozen=True)
class _AuthorBox:
    author: str | None = None
    role: str | None = None
    published_in: str | None = None
    issn: str | None = None


def _author_box(lines: Sequence[str]) -> _AuthorBox:
    """Read the author box: the name, the role ("Senior Researcher, " and the institution the next lines
    name), "Published in …" and the ISSN."""
    runs = _paragraph_runs(lines)
    author = _clean_markdown_line(runs[0][0]) if runs else None
    role = (
        _clean_markdown_line(", ".join([runs[1][0], " ".join(runs[1][1:])]).strip(", "))
        if len(runs) > 1
        else None
    )
    published = next((" ".join(run) for run in runs if run[0].startswith(_PUBLISHED_IN)), None)
    issn = next((match[1] for run in runs for line in run if (match := _ISSN.match(line))), None)
    if published is not None:
        published = _clean_markdown_line(published.removeprefix(_PUBLISHED_IN))
    return _AuthorBox(author, role, published, issn)


def _split_author_box(lines: Sequence[str]) -> tuple[list[str], _AuthorBox]:
    """The lines without the author box (from its "AUTHOR" heading to the ISSN line), and the box."""
    start = _first_index(lines, lambda line: _subheading_is(line, "author"))
    if start is None:
        return list(lines), _AuthorBox()
    end = _first_index(lines, lambda line: bool(_ISSN.match(line)), start)
    stop = start + 1 if end is None else end + 1
    return [*lines[:start], *lines[stop:]], _author_box(lines[start + 1 : stop])


@dataclass(frozen=True)
class _NewsHead:
    title: str
    rubric: str | None
    byline: str | None
    body_start: int


def _news_head(lines: Sequence[str]) -> _NewsHead:
    """The title line, the rubric heading right after it and the bold byline, and where the text begins."""
    title_at = _first_index(lines, lambda line: bool(_MD_TITLE.match(line)))
    if title_at is None:
        raise ValueError("news item without a '# ' title line")
    title = _clean_markdown_line(_MD_TITLE.sub(r"\1", lines[title_at]))
    rubric = byline = None
    index = title_at + 1
    rubric_at = _first_index(lines, _not_blank, index)
    rubric_match = _MD_SUBHEADING.match(lines[rubric_at]) if rubric_at is not None else None
    if rubric_at is not None and rubric_match and not _subheading_is(lines[rubric_at], "update"):
        rubric, index = _clean_markdown_line(rubric_match[1]), rubric_at + 1
    byline_at = _first_index(lines, _not_blank, index)
    byline_match = _BOLD_LINE.match(lines[byline_at]) if byline_at is not None else None
    if byline_at is not None and byline_match:
        byline, index = _clean_markdown_line(byline_match[1]), byline_at + 1
    return _NewsHead(title, rubric, byline, index)


def parse_news_item(raw: str) -> NewsItem:
    """The eucrim news item (003): title, rubric, byline, paragraphs, update and publication details."""
    lines = raw.splitlines()
    about = _first_index(lines, lambda line: _subheading_is(line, "about eucrim"))
    lines, box = _split_author_box(lines[:about])
    head = _news_head(lines)
    update_at = _first_index(lines, lambda line: _subheading_is(line, "update"), head.body_start)
    body_end = len(lines) if update_at is None else update_at
    update = () if update_at is None else tuple(clean_markdownish_text("\n".join(lines[update_at + 1 :])))
    return NewsItem(
        title=head.title,
        rubric=head.rubric,
        author=head.byline or box.author,
        author_role=box.role,
        paragraphs=tuple(clean_markdownish_text("\n".join(lines[head.body_start : body_end]))),
        update=update,
        published_in=box.published_in,
        issn=box.issn,
    )


def load_news_item() -> NewsItem:
    """The news item parsed from its seed document."""
    return parse_news_item(read_seed(NEWS_ITEM))


# ---------------------------------------------------------------------------------------------------------
# The Val Duchesse II joint communiqué (004)
# ---------------------------------------------------------------------------------------------------------

CommitmentKind = Literal["resolution", "undertaking"]


@dataclass(frozen=True)
class Participant:
    """Someone the communiqué names as taking part, with the function it gives them.

    ``country`` is as the text writes it. The text names the countries only for the Prime Ministers
    ("of the French Republic and the Kingdom of Belgium"); for the Interior and Justice Ministers it lists
    the names in the same France-then-Belgium order, and ``country_in_text`` is False for those.
    """

    name: str
    function: str
    country: str
    country_in_text: bool


@dataclass(frozen=True)
class CommuniqueTheme:
    """One numbered theme of the communiqué's resolutions ("1. On counter-terrorism —") and its paragraphs."""

    key: str
    number: int
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Commitment:
    """A sentence in which France and Belgium commit to do something.

    A *resolution* completes "France and Belgium have resolved:" with an infinitive ("To intensify …",
    "Given …, to reinforce …", "Also, to stress …"); an *undertaking* is a sentence of a resolution
    paragraph in which the governments say "we undertake / intend / call for / support", or state what
    their services will do ("… will thus deepen their co-operation"). ``deadline`` follows
    :func:`parse_deadline` when the sentence sets one ("by the end of 2018", "before the end of this year").
    """

    theme_key: str
    text: str
    kind: CommitmentKind
    deadline: dt.date | None = None
    timing: str | None = None


@dataclass(frozen=True)
class Communique:
    """The joint communiqué: title, place and date, introduction, themes, commitments and participants."""

    title: str
    place: str
    date: dt.date
    introduction: tuple[str, ...]
    themes: tuple[CommuniqueTheme, ...]
    commitments: tuple[Commitment, ...]
    participants: tuple[Participant, ...]


_COMMUNIQUE_TITLE = re.compile(
    r"^(?P<title>.+?)\s*\((?P<place>[^,()]+), (?P<date>\d{1,2} [A-Za-z]+ \d{4})\)$"
)
_THEME_HEADING = re.compile(r"^(\d{1,2})\.\s+(.+?)\s*[—–-]$")
_THEME_KEYS = {
    "on counter-terrorism": "counter-terrorism",
    "on countering violent radicalisation": "violent-radicalisation",
    "at european level": "european-level",
}
_PARTICIPANTS = re.compile(
    r"\bthe (?P<function>[A-Z][a-z]+) Ministers(?: of (?P<first>the [^,]+?) and (?P<second>the [^,]+?))?, "
    r"(?P<one>[A-ZÀ-Ý][^,]+?) and (?P<two>[A-ZÀ-Ý][^,]+?),"
)
_RESOLUTION = re.compile(r"^(?:Also, )?[Tt]o [a-z]+|^(?:Given|In order to|In the wake of)\b[^;]*?, to [a-z]+")
_PURPOSE_CLAUSE = re.compile(r"^To [^,]*, (?:we|the|our|it|they)\b")
_UNDERTAKING = re.compile(r"\b[Ww]e (?:undertake|intend|call for|support)\b|\bwill\b(?! not\b)")
_COMMITMENT_TIMING = re.compile(
    r"\b(?:by|before|until) (?:the end of )?(?:this year|next year|\d{4}|[A-Z][a-z]+ \d{4})"
)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def _communique_themes(paragraphs: Sequence[str]) -> tuple[list[str], list[CommuniqueTheme]]:
    """Split the communiqué's paragraphs into the introduction and the numbered themes."""
    introduction: list[str] = []
    themes: list[CommuniqueTheme] = []
    for paragraph in paragraphs:
        heading = _THEME_HEADING.match(paragraph)
        if heading:
            title = heading[2]
            key = _THEME_KEYS.get(title.casefold(), _slug(title))
            themes.append(CommuniqueTheme(key, int(heading[1]), title, ()))
        elif themes:
            last = themes[-1]
            themes[-1] = CommuniqueTheme(last.key, last.number, last.title, (*last.paragraphs, paragraph))
        else:
            introduction.append(paragraph)
    return introduction, themes


def _participants(text: str) -> tuple[Participant, ...]:
    """The people named with their functions, countries as written or, failing that, in the same order."""
    people: list[Participant] = []
    countries: tuple[str, str] | None = None
    for match in _PARTICIPANTS.finditer(text):
        function = f"{match['function']} Minister"
        stated = match["first"] is not None
        if stated:
            countries = (match["first"].removeprefix("the "), match["second"].removeprefix("the "))
        if countries is None:
            raise ValueError(f"no country given for {match[0]!r}")
        people.append(Participant(match["one"], function, countries[0], stated))
        people.append(Participant(match["two"], function, countries[1], stated))
    return tuple(people)


def _commitment_kind(sentence: str) -> CommitmentKind | None:
    if _RESOLUTION.match(sentence) and not _PURPOSE_CLAUSE.match(sentence):
        return "resolution"
    if _UNDERTAKING.search(sentence):
        return "undertaking"
    return None


def _commitments(themes: Iterable[CommuniqueTheme], date: dt.date) -> tuple[Commitment, ...]:
    found: list[Commitment] = []
    for theme in themes:
        for paragraph in theme.paragraphs:
            for sentence in split_sentences(paragraph):
                kind = _commitment_kind(sentence)
                if kind is None:
                    continue
                timing = _COMMITMENT_TIMING.search(sentence)
                phrase = timing[0] if timing else None
                deadline = parse_deadline(phrase, date) if phrase else None
                found.append(Commitment(theme.key, sentence, kind, deadline, phrase))
    return tuple(found)


def parse_communique(raw: str) -> Communique:
    """The Val Duchesse II communiqué (004): themes, the commitments and the six participants."""
    paragraphs = clean_markdownish_text(raw)
    header = _COMMUNIQUE_TITLE.match(paragraphs[0]) if paragraphs else None
    if header is None:
        raise ValueError("communiqué without a 'title (place, date)' first line")
    date = dt.datetime.strptime(header["date"], "%d %B %Y").date()
    introduction, themes = _communique_themes(paragraphs[1:])
    return Communique(
        title=header["title"],
        place=header["place"],
        date=date,
        introduction=tuple(introduction),
        themes=tuple(themes),
        commitments=_commitments(themes, date),
        participants=_participants(" ".join(introduction)),
    )


def load_communique() -> Communique:
    """The communiqué parsed from its seed document."""
    return parse_communique(read_seed(COMMUNIQUE))
