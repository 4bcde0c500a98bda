"""Paragraphs split into sentences, without ending one at an abbreviation or a leading enumerator."""

from __future__ import annotations

import re

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
