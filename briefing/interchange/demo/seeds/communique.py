"""The Val Duchesse II joint communiqué (004): themes, commitments with their deadlines, and participants."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from briefing.interchange.demo.seeds.deadlines import parse_deadline
from briefing.interchange.demo.seeds.files import COMMUNIQUE, read_seed
from briefing.interchange.demo.seeds.markdown_text import clean_markdownish_text
from briefing.interchange.demo.seeds.sentences import split_sentences

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
