"""A PDF text extraction (the French programme, 001) read into paragraphs: page numbers, wrapped lines and
line-end hyphens dealt with."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from briefing.interchange.demo.seeds.cleanup import (
    Block,
    heading_key,
    normalise_spaces,
    rejoin_page_breaks,
    strip_emphasis,
)
from briefing.interchange.demo.seeds.programme_headings import FRENCH_PROGRAMME_HEADINGS

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
            if heading_key(" ".join(parts)) in headings:
                return index + 1
        elif not parts:
            return None
        index += 1
    return None


def _pdf_lines(raw: str) -> list[str]:
    """The lines of a PDF extraction, trimmed, with page-number lines removed."""
    lines = [normalise_spaces(line) for line in raw.splitlines()]
    return [line for line in lines if not _PAGE_NUMBER.match(line)]


def _pdf_blocks(lines: Sequence[str], headings: dict[str, str], vocabulary: frozenset[str]) -> list[Block]:
    """Split trimmed PDF lines into headings and paragraphs (blank lines end a paragraph)."""
    blocks: list[Block] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append(Block(_join_wrapped_lines(current, vocabulary)))
            current.clear()

    index = 0
    while index < len(lines):
        end = _match_heading(lines, index, headings)
        if end is not None:
            flush()
            heading_lines = [line for line in lines[index:end] if line]
            blocks.append(Block(_join_wrapped_lines(heading_lines, vocabulary), "heading"))
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
    heading_keys = {heading_key(heading): heading for heading in known}
    lines = _pdf_lines(raw)
    vocabulary = frozenset(_apostrophes(token) for token in _TOKEN.findall(raw))
    blocks = rejoin_page_breaks(_pdf_blocks(lines, heading_keys, vocabulary))
    return [block.text for block in blocks]
