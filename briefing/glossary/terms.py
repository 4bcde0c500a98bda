"""Glossary terms and how a text is searched for them.

A :class:`Glossary` holds agreed English/French pairs (:class:`GlossaryTerm`). Looking a term up in a text
follows one simple, documented rule, the same in both languages:

- **Words.** Text and term are split into words (runs of letters and digits); everything else — spaces,
  apostrophes, hyphens, slashes, punctuation — only separates words. So "third-country nationals" is found in
  "third country nationals", and "échange d'informations" in "échange d’informations". A term is found only as
  whole words, next to each other and in the same order: "crime" is never found inside "criminal", nor
  "organised crime" in "crime is organised".
- **Case and accents** do not matter: both sides are compared casefolded, with accents removed ("ÉTATS
  MEMBRES" matches "États membres" and "etats membres").
- **Plurals.** Two words match when they are equal or when one is a plural of the other by a simple rule: a
  final *s* or *x* added (drug/drugs, réseau/réseaux), English *y*/*ies* (country/countries) or French
  *al*/*aux* (international/internationaux). The rule applies to every word of a term, so "external border"
  matches "external borders" and "frontière extérieure" matches "frontières extérieures". It is deliberately
  naive: no dictionary, no irregular plurals (child/children), and a word must keep at least three letters
  once its ending is taken off.

:func:`check_text` uses the rule to tell whether a French text uses the agreed French of every glossary term
its English counterpart uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from briefing.i18n.folding import fold

_WORD = re.compile(r"\w+", re.UNICODE)
_MIN_STEM = 3


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    """An agreed pair: the English term and the French to use for it, with an optional note."""

    en: str
    fr: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class GlossaryMatch:
    """Where a term was found in a text: ``text[start:end]`` is the matching passage."""

    term: GlossaryTerm
    start: int
    end: int


def word_forms(word: str) -> frozenset[str]:
    """The forms a folded word may stand for: itself and its singular by the glossary's plural rule."""
    forms = {word}
    if len(word) - 1 >= _MIN_STEM and word[-1] in "sx":
        forms.add(word[:-1])
    if len(word) - 3 >= _MIN_STEM - 1 and word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if len(word) - 3 >= _MIN_STEM - 1 and word.endswith("aux"):
        forms.add(word[:-3] + "al")
    return frozenset(forms)


def words_match(a: str, b: str) -> bool:
    """Whether two folded words are equal or one is a plural of the other (see the module's rule)."""
    return a == b or not word_forms(a).isdisjoint(word_forms(b))


@dataclass(frozen=True, slots=True)
class _Token:
    forms: frozenset[str]
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    found = []
    for match in _WORD.finditer(text):
        found.append(_Token(word_forms(fold(match.group())), match.start(), match.end()))
    return found


def term_words(term: str) -> tuple[str, ...]:
    """The folded words of a term, as the glossary compares them."""
    return tuple(fold(word) for word in _WORD.findall(term))


class _PhraseIndex:
    """Phrases indexed by the forms of their first word, to look them all up in one pass over a text."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[frozenset[str], ...], int]]] = {}

    def add(self, phrase: str, ident: int) -> None:
        words = term_words(phrase)
        if not words:
            return
        forms = tuple(word_forms(word) for word in words)
        for form in forms[0]:
            self._by_first.setdefault(form, []).append((forms, ident))

    def find(self, text: str) -> Iterator[tuple[int, int, int]]:
        """``(ident, start, end)`` of every phrase found in ``text``, in text order."""
        tokens = _tokens(text)
        for i, token in enumerate(tokens):
            seen: set[int] = set()
            for form in token.forms:
                for phrase, ident in self._by_first.get(form, ()):
                    if ident in seen or i + len(phrase) > len(tokens):
                        continue
                    if all(not phrase[k].isdisjoint(tokens[i + k].forms) for k in range(len(phrase))):
                        seen.add(ident)
                        yield ident, token.start, tokens[i + len(phrase) - 1].end


def contains_phrase(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` by the glossary's rule (words, case, accents, plurals)."""
    index = _PhraseIndex()
    index.add(phrase, 0)
    return any(True for _ in index.find(text))


class Glossary:
    """Agreed English/French terms, searchable in texts of either language.

    The same English term may appear with several French terms: each is an accepted rendering, and a
    French text using any of them is consistent with the glossary.
    """

    def __init__(self, terms: Iterable[GlossaryTerm] = ()) -> None:
        self._terms: list[GlossaryTerm] = []
        self._seen: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
        self._by_english: dict[tuple[str, ...], list[GlossaryTerm]] = {}
        self._index = {"en": _PhraseIndex(), "fr": _PhraseIndex()}
        for term in terms:
            self.add(term)

    def add(self, term: GlossaryTerm) -> bool:
        """Add ``term``; False when the glossary already holds the same pair (compared by the rule's words)."""
        key = (term_words(term.en), term_words(term.fr))
        if not key[0] or not key[1] or key in self._seen:
            return False
        self._seen.add(key)
        ident = len(self._terms)
        self._terms.append(term)
        self._by_english.setdefault(key[0], []).append(term)
        self._index["en"].add(term.en, ident)
        self._index["fr"].add(term.fr, ident)
        return True

    @property
    def terms(self) -> tuple[GlossaryTerm, ...]:
        return tuple(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def __iter__(self) -> Iterator[GlossaryTerm]:
        return iter(self._terms)

    def __add__(self, other: Glossary) -> Glossary:
        return Glossary([*self, *other])

    def accepted_french(self, term: GlossaryTerm) -> list[GlossaryTerm]:
        """Every entry with the same English words as ``term``: the French renderings the glossary accepts."""
        return list(self._by_english.get(term_words(term.en), ()))

    def matches(self, text: str, lang: str = "en") -> list[GlossaryMatch]:
        """Every occurrence in ``text`` (written in ``lang``, "en" or "fr") of a term in that language."""
        index = self._index[_language(lang)]
        return [GlossaryMatch(self._terms[ident], start, end) for ident, start, end in index.find(text)]

    def find(self, text: str, lang: str = "en") -> list[GlossaryTerm]:
        """The terms used in ``text`` (written in ``lang``), each once, in the order they first occur."""
        found: dict[int, GlossaryTerm] = {}
        for ident, _start, _end in self._index[_language(lang)].find(text):
            found.setdefault(ident, self._terms[ident])
        return list(found.values())

    def lookup(self, term: str, lang: str = "en") -> list[GlossaryTerm]:
        """The entries whose term in ``lang`` is ``term`` (same words by the rule, e.g. a plural)."""
        wanted = term_words(term)
        side = _language(lang)
        found = []
        for entry in self._terms:
            words = term_words(entry.en if side == "en" else entry.fr)
            if len(words) == len(wanted) and all(
                words_match(a, b) for a, b in zip(words, wanted, strict=True)
            ):
                found.append(entry)
        return found


def _language(lang: str) -> str:
    code = lang.strip().replace("-", "_").split("_", 1)[0].lower()
    if code not in ("en", "fr"):
        raise ValueError(f"a glossary has English and French terms, not {lang!r}")
    return code


def check_text(glossary: Glossary, en: str, fr: str) -> list[GlossaryTerm]:
    """The terms ``en`` uses whose agreed French ``fr`` does not use.

    When the glossary gives several French terms for one English term, using any of them is enough; the
    term reported is the first entry for it. An empty French text uses none of them.
    """
    used = glossary.find(en, "en")
    if not used:
        return []
    present = {id(term) for term in glossary.find(fr, "fr")}
    missing: list[GlossaryTerm] = []
    reported: set[tuple[str, ...]] = set()
    for term in used:
        key = term_words(term.en)
        if key in reported:
            continue
        reported.add(key)
        accepted = glossary.accepted_french(term)
        if not any(id(candidate) in present for candidate in accepted):
            missing.append(accepted[0])
    return missing
