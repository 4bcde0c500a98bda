"""Text clean-up shared by the seed parsers: spacing, Markdown marks, paragraphs cut by a page break.

Clean-up rules, shared by all parsers:

* Non-breaking spaces are turned into ordinary spaces everywhere (the seeds use them only as indentation and
  never between a number and its unit), and runs of whitespace collapse to one space.
* Markdown emphasis (``**bold**``, ``*italic*``), links (``[text](url)``) and heading marks (``#``) are
  removed; the words stay.
* A paragraph cut in two by a page break (the first part ends without closing punctuation, the second starts
  in lower case and is not a list enumerator such as ``ii.``) is joined again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["text", "item", "heading"]


@dataclass(frozen=True)
class Block:
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
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
"""The superscript digits that mark footnotes in the seeds."""


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


def rejoin_page_breaks(blocks: Iterable[Block]) -> list[Block]:
    """Join paragraphs that a page break cut in two; headings are never joined."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind != "heading"
            and block.kind == "text"
            and _ends_open(previous.text)
            and _starts_continuation(block.text)
        ):
            joined[-1] = Block(f"{previous.text} {block.text}", previous.kind)
        else:
            joined.append(block)
    return joined


def join_broken_paragraphs(paragraphs: Iterable[str], headings: Iterable[str] = ()) -> list[str]:
    """``paragraphs`` with page-break splits joined again; a paragraph equal to a heading is never joined."""
    keys = {heading_key(heading) for heading in headings}
    blocks = [Block(text, "heading" if heading_key(text) in keys else "text") for text in paragraphs]
    return [block.text for block in rejoin_page_breaks(blocks)]


def heading_key(text: str) -> str:
    """How two heading texts are compared: case, apostrophe style and spacing do not count."""
    return normalise_spaces(text).replace("’", "'").casefold()
