"""French typography, applied to text when a French pack is rendered.

What the user typed is stored as typed; :func:`french` is applied on the way out, so a text reads the same in
the library whatever its author's habits, and correctly in the pack. The rules follow the EU Interinstitutional
Style Guide:

- a narrow no-break space (U+202F) before ``;``, ``!`` and ``?``; a run such as ``?!`` or ``!!`` is one group,
  with one space before it and none inside;
- a no-break space (U+00A0) before ``:``;
- a narrow no-break space after ``«`` and before ``»``;
- a straight apostrophe between two letters becomes the typographic one: ``l'Union`` gives ``l’Union``,
  ``aujourd'hui`` gives ``aujourd’hui``; a straight quote anywhere else (``'quoted'``, ``5'``) is left as typed;
- straight double quotes become guillemets when, and only when, every straight double quote on the line (outside
  protected text) belongs to a clear pair: an opening quote at the start of the line or after a space or an
  opening bracket, followed by text; a closing quote after text, followed by the end of the line, a space,
  punctuation or a closing bracket. One doubtful quote (an inch mark, an odd count, a quote glued to a word on
  the wrong side) leaves every straight quote on that line as typed.

How spaces are put in: the run of ordinary or no-break spaces already in one of those places becomes the one
space the rule asks for, and a missing space is inserted (``mot;`` gives ``mot\u202f;``). Tabs and line breaks
are never replaced. Nothing is added:

- before punctuation that begins a line or follows an opening bracket or quote (``(?)`` stays as it is);
- around punctuation glued to a letter, digit or code sign on both sides, which is how times (``10:30``),
  ratios (``3:2``), identifiers (``a::b``, ``xml:lang``), queries and operators (``x?y``, ``!=``) look;
- inside protected text, left exactly as typed: code in backticks; text in braces (format placeholders such
  as ``{path}``, code such as ``{"en": "…"}``); URLs (``https://``, ``www.``, ``mailto:`` and any other
  ``scheme://``, less any punctuation that ends the sentence); e-mail addresses; Windows paths such as
  ``C:\\dir``; emoticons such as ``:-)``, ``:)`` and ``;)``, which also takes "(voir plus haut :)" as typed;
- inside a quotation in another language: the words between « and », or “ and ” (straight double quotes once
  made guillemets), when they read as English rather than French — more English than French function words
  (``the``, ``of``, ``against`` or "-ing" forms, against ``le``, ``des``, ``contre``), or, with neither, three or more long
  words mostly capitalised as English titles are — as in a French source citing « Belgian Council Presidency:
  Better Fight against Organised Crime ». The guillemets around it are still spaced as French, and its
  apostrophes still made typographic, which is right in English too.

:func:`french` is idempotent: applying it to its own output changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.i18n import pack_language

NARROW_NBSP = "\u202f"
"""Narrow no-break space: before ; ! ? and inside guillemets."""

NBSP = "\u00a0"
"""No-break space: before the colon."""

APOSTROPHE = "\u2019"
"""The typographic apostrophe (’) French text uses in place of the straight one."""

_SPACES = frozenset(
    " \u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
"""Horizontal spaces that a rule may replace. Tabs are layout and are left alone."""

_OPENERS = frozenset("([{«‹“‘„‚")
_GROUP_MARKS = frozenset("!?")
_CODE_SIGNS = frozenset("/\\=_@#$%&*+<>|~^`'\"{[")
_QUOTE_FOLLOWERS = frozenset(".,;:!?…)]}»”’-–—")

_TRIGGER = re.compile("[;:!?«»\"']")
"""The characters every rule starts from: a line without any of them comes out as it went in."""

_GAP_TRIGGER = re.compile('[;:!?«»"]')
"""The triggers whose rules change a gap (the apostrophe's rule changes the character itself)."""

_LINE_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
"""The characters ``str.splitlines`` breaks a line at."""

_MARKS = re.compile("[;:!?«»]")


_TAIL = r"""[^\s<>"«»`]*[^\s<>"«»`.,;:!?)\]}'’”]"""
_PROTECTED = re.compile(
    rf"""
      `[^`\n]*`                                          # code in backticks
    | \{{[^{{}}\n]*\}}                                     # text in braces: placeholders, JSON-like code
    | (?:[a-z][a-z0-9+.\-]*://|www\.|mailto:)(?:{_TAIL})?  # URLs, without trailing punctuation
    | [\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+                      # e-mail addresses
    | \b[a-z]:[\\/](?:{_TAIL})?                           # Windows paths
    | [:;]-[()\[\]DPp/\\|]                               # emoticons with a nose
    | [:;][()]                                           # and without
    """,
    re.IGNORECASE | re.VERBOSE,
)

_WEB = re.compile(r"www\.|mailto:", re.IGNORECASE)

_PROTECTED_SIGNS = (":/", ":\\", ":-", ";-", ":(", ":)", ";(", ";)")
"""What a URL, a Windows path or an emoticon holds (the other protected spans hold a backtick, a brace, an @,
"www." or "mailto:")."""

_QUOTATION = re.compile(r"«([^«»]*)»|“([^“”]*)”")
"""A quotation whose words may be in another language than the text around it."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

# fmt: off
_ENGLISH_WORDS = frozenset(
    (
        "the", "of", "and", "against", "for", "to", "with", "from", "by", "at", "its", "their", "this", "that",
        "these", "those", "into", "towards", "toward", "between", "about", "after", "before", "over", "under",
        "within", "without", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
        "would", "should", "shall", "can", "could", "may", "must", "not", "new", "next", "how", "what", "why",
        "when", "where", "which", "who", "our", "your", "we", "they", "it", "through", "across", "beyond", "upon",
    )
)
"""Words that say a phrase is English: common in English titles, absent from French (so not "on" or "an")."""

_FRENCH_WORDS = frozenset(
    (
        "le", "la", "les", "de", "des", "du", "un", "une", "et", "au", "aux", "pour", "sur", "dans", "par", "avec",
        "contre", "entre", "vers", "sans", "sous", "chez", "est", "sont", "ce", "cette", "ces", "qui", "que",
        "quoi", "dont", "où", "ne", "pas", "plus", "leur", "leurs", "son", "sa", "ses", "nos", "notre", "votre",
        "vos", "il", "elle", "ils", "elles", "nous", "vous", "à", "ou",
    )
)
"""Words that say a phrase is French."""
# fmt: on

_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
_FRENCH_LETTERS = frozenset("éèêëàâçîïôùûüœÿ")


def _reads_as_english(text: str) -> bool:
    """Whether a quoted phrase reads as English rather than French (see the module documentation)."""
    words = _WORD.findall(text)
    english = french = 0
    for word in words:
        lower = word.lower()
        if lower in _ENGLISH_WORDS or lower.endswith(("'s", "’s", "n't", "n’t")) or _is_gerund(lower):
            english += 1
        elif lower in _FRENCH_WORDS or _ELISION.match(lower) or not _FRENCH_LETTERS.isdisjoint(lower):
            french += 1
    if english or french:
        return english > french
    long_words = [word for word in words if len(word) > 3]
    capitalised = sum(1 for word in long_words if word[0].isupper())
    return len(long_words) >= 3 and capitalised * 4 >= len(long_words) * 3


def _is_gerund(word: str) -> bool:
    """Whether ``word`` looks like an English "-ing" form (fighting, trafficking), which French words seldom are."""
    return len(word) > 5 and word.endswith("ing") and word not in _FRENCH_ING


_FRENCH_ING = frozenset({"parking", "marketing", "camping", "shopping", "meeting", "briefing", "lobbying"})
"""English "-ing" words French uses as its own."""


def _foreign_quotations(line: str) -> list[tuple[int, int]]:
    """The spans of ``line`` quoted in another language: the words between the quotation marks, without the
    marks or the spaces next to them."""
    spans = []
    for match in _QUOTATION.finditer(line):
        group = 1 if match.group(1) is not None else 2
        start, end = match.span(group)
        while start < end and line[start] in _SPACES:
            start += 1
        while end > start and line[end - 1] in _SPACES:
            end -= 1
        if start < end and _reads_as_english(line[start:end]):
            spans.append((start, end))
    return spans


def french(text: str) -> str:
    """Return ``text`` with French typography applied (see the module documentation for the rules)."""
    if _LINE_BREAK.search(text) is None:
        return _french_line(text)  # one line (most texts): it looks for the rules' triggers itself
    if _TRIGGER.search(text) is None:
        return text  # no rule starts anywhere in it
    out = []
    for line in text.splitlines(keepends=True):  # at every line break Unicode names
        content = (line.splitlines() or [""])[0]
        out.append(_french_line(content) + line[len(content) :])
    return "".join(out)


def english(text: str) -> str:
    """Return ``text`` unchanged: English needs no spacing rules at render time."""
    return text


def for_language(text: str, lang: str) -> str:
    """Apply the typography of pack language ``lang`` to ``text``: French rules for French, none otherwise."""
    return french(text) if pack_language(lang) == "fr" else english(text)


def no_break(text: str) -> str:
    """``text`` with its spaces made no-break spaces, so that it never wraps (a date, a short name)."""
    return text.replace(" ", NBSP)


def _french_line(line: str) -> str:
    """Apply the French rules to one line, which holds no line break.

    Only the gaps before ``; ! ? : »`` and after ``«`` can change, so only those are looked at.
    """
    if not line or _TRIGGER.search(line) is None:
        return line
    if _GAP_TRIGGER.search(line) is None and not _may_protect(line):  # apostrophes alone, none in code
        return _with_apostrophes(line)
    protected = _protected_mask(line)
    marks = {match.start() for match in _MARKS.finditer(line)}
    replaced = _paired_quotes(line, protected)
    marks.update(replaced)
    replaced.update(dict.fromkeys(_apostrophes(line, protected), APOSTROPHE))
    text = _replaced(line, replaced)  # one character for one: every index stays where it was
    if marks and ("«" in text or "“" in text):  # a quotation needs its marks
        for start, end in _foreign_quotations(text):
            protected[start:end] = [True] * (end - start)
    ends = set()
    for index in marks:
        if text[index] == "«":
            after = _skip_spaces(text, index + 1)
            if after < len(text):
                ends.add(after)
        else:
            ends.add(index)
    out: list[str] = []
    done = 0
    for end in sorted(ends):
        start = end
        while start > 0 and text[start - 1] in _SPACES:
            start -= 1
        space = _gap_space(text, protected, start, end)
        if space is not None and start >= done:
            out.append(text[done:start])
            out.append(space)
            done = end
    out.append(text[done:])
    return "".join(out)


def _with_apostrophes(line: str) -> str:
    """``line`` with its straight apostrophes between two letters made typographic (nothing in it is code)."""
    return _replaced(line, dict.fromkeys(_apostrophes(line, _UNPROTECTED), APOSTROPHE))


def _replaced(line: str, replacements: dict[int, str]) -> str:
    """``line`` with the character at each index of ``replacements`` replaced by the one given."""
    if not replacements:
        return line
    chars = list(line)
    for index, char in replacements.items():
        chars[index] = char
    return "".join(chars)


class _Unprotected:
    """A protected mask for a line with nothing protected (no list as long as the line is made)."""

    def __getitem__(self, _index: int) -> bool:
        return False


_UNPROTECTED = _Unprotected()


def _apostrophes(line: str, protected: list[bool] | _Unprotected) -> list[int]:
    """Indexes of the straight apostrophes of ``line`` that stand between two letters (l'Etat, aujourd'hui)."""
    return [
        index
        for index in _positions(line, "'")
        if 0 < index < len(line) - 1
        and not protected[index]
        and line[index - 1].isalpha()
        and line[index + 1].isalpha()
    ]


def _positions(line: str, char: str) -> list[int]:
    """The indexes of ``char`` in ``line``."""
    found, index = [], line.find(char)
    while index >= 0:
        found.append(index)
        index = line.find(char, index + 1)
    return found


def _protected_mask(line: str) -> list[bool]:
    """Mark the characters of ``line`` that belong to code, URLs, addresses, paths or emoticons."""
    mask = [False] * len(line)
    if not _may_protect(line):
        return mask
    for match in _PROTECTED.finditer(line):
        mask[match.start() : match.end()] = [True] * (match.end() - match.start())
    return mask


def _may_protect(line: str) -> bool:
    """Whether ``line`` holds what every match of :data:`_PROTECTED` holds somewhere: a line without any is
    searched no further (the e-mail address pattern alone tries every word of a line)."""
    if "@" in line or "`" in line or "{" in line:
        return True
    if (":" in line or ";" in line) and any(sign in line for sign in _PROTECTED_SIGNS):
        return True
    web = ("." in line and ("w" in line or "W" in line)) or (":" in line and ("m" in line or "M" in line))
    return web and _WEB.search(line) is not None  # "w" and "m" have no other case than W and M


def _skip_spaces(chars: Sequence[str], start: int) -> int:
    """Index of the first character at or after ``start`` that is not a replaceable space."""
    end = start
    while end < len(chars) and chars[end] in _SPACES:
        end += 1
    return end


def _paired_quotes(line: str, protected: list[bool]) -> dict[int, str]:
    """Map the index of each straight double quote to its guillemet, or nothing unless all are clearly paired."""
    positions = [i for i in _positions(line, '"') if not protected[i]]
    if len(positions) % 2:
        return {}
    openings, closings = positions[::2], positions[1::2]
    if not all(_opens_quote(line, i) for i in openings) or not all(_closes_quote(line, i) for i in closings):
        return {}
    return {i: "«" for i in openings} | {i: "»" for i in closings}


def _opens_quote(line: str, index: int) -> bool:
    """Whether the quote at ``index`` clearly opens a phrase."""
    before = line[index - 1] if index > 0 else " "
    after = line[index + 1] if index + 1 < len(line) else " "
    return (before.isspace() or before in _OPENERS) and not (after.isspace() or after in ';:!?"')


def _closes_quote(line: str, index: int) -> bool:
    """Whether the quote at ``index`` clearly closes a phrase."""
    before = line[index - 1]
    after = line[index + 1] if index + 1 < len(line) else " "
    return not (before.isspace() or before in '«"') and (after.isspace() or after in _QUOTE_FOLLOWERS)


def _gap_space(chars: Sequence[str], protected: list[bool], start: int, end: int) -> str | None:
    """The space that belongs between ``chars[start - 1]`` and ``chars[end]``, or None to keep the gap as is.

    ``chars[start:end]`` is the run of spaces between them, possibly empty.
    """
    if start == 0 or end == len(chars) or any(protected[start:end]):
        return None
    left, right = chars[start - 1], chars[end]
    if left.isspace():
        return None
    if left == "«" and not protected[start - 1]:
        return None if right == "»" else NARROW_NBSP
    if protected[end]:
        return None
    if right == "»":
        return NARROW_NBSP
    if right in ";!?:":
        return _punctuation_space(chars, start, end)
    return None


def _punctuation_space(chars: Sequence[str], start: int, end: int) -> str | None:
    """The space before the punctuation mark at ``chars[end]``, or None to keep the gap as is."""
    left, mark = chars[start - 1], chars[end]
    if left in _OPENERS:
        return None
    if mark == ":":
        if left == ":" or _char_at(chars, end + 1) == ":":
            return None
        after, space = end + 1, NBSP
    else:
        if left in ";!?":
            return None
        after, space = _group_end(chars, end), NARROW_NBSP
    if start == end and _is_code_sign(_char_at(chars, after)):
        return None
    return space


def _group_end(chars: Sequence[str], index: int) -> int:
    """Index just after the group of marks starting at ``index``: ``;`` alone, or a run of ``!`` and ``?``."""
    if chars[index] == ";":
        return index + 1
    while index < len(chars) and chars[index] in _GROUP_MARKS:
        index += 1
    return index


def _char_at(chars: Sequence[str], index: int) -> str:
    """The character at ``index``, or an empty string past the end."""
    return chars[index] if index < len(chars) else ""


def _is_code_sign(char: str) -> bool:
    """Whether punctuation glued to ``char`` on its right looks like a time, ratio, identifier or code."""
    return bool(char) and (char.isalnum() or char in _CODE_SIGNS)
