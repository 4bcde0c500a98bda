"""Proper names in titles: kept on one line, and used as a title's short form.

A title that wraps should not wrap inside a name ("Val Duchesse | II"). :func:`keep_names_together` joins
the words of each name with no-break spaces: a name is a run of two or more words that begin with a capital
letter (or are roman numerals), such as "Val Duchesse II" or "Home Affairs Council"; the title's first word
counts when it begins such a run. A run longer than :data:`LONGEST_NAME` characters is left as it is, so a
title in capitals never becomes one unbreakable line.

:func:`short_title` gives the form of a title used where one line is all there is (the running head): the
title itself when it is short enough, otherwise its last name ("Val Duchesse II" for "Franco-Belgian
intergovernmental meeting Val Duchesse II"), otherwise the title cut at a word with an ellipsis.
"""

from __future__ import annotations

import re

from briefing.i18n.typography import NBSP

LONGEST_NAME = 40
"""The longest run of capitalised words joined into one unbreakable name, in characters."""

_NAME = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w’'.-]*|[IVXLC]+)(?:[ \u00a0](?:[A-ZÀ-ÖØ-Þ][\w’'.-]*|[IVXLC]+))+")


def keep_names_together(text: str) -> str:
    """``text`` with no-break spaces between the words of each proper name."""

    def join(match: re.Match[str]) -> str:
        name = match.group(0)
        return name.replace(" ", NBSP) if len(name) <= LONGEST_NAME else name

    return _NAME.sub(join, text)


def names(text: str) -> list[str]:
    """The proper names of ``text``, in order (runs of capitalised words, spaces as typed)."""
    return [match.group(0) for match in _NAME.finditer(text.replace(NBSP, " "))]


def short_title(text: str, longest: int) -> str:
    """``text`` if it has at most ``longest`` characters; else its last proper name; else cut with "…"."""
    if len(text) <= longest:
        return text
    found = [name for name in names(text) if len(name) <= longest]
    if found and text.replace(NBSP, " ").rstrip().endswith(found[-1]):
        return found[-1]
    cut = text[: longest - 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return f"{cut}…"
