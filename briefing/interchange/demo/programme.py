"""The demo library's programme content: the Belgian Presidency's Home Affairs programme, English and French.

Every section of the programme (000 in English, 001 in French) becomes a topic whose title is the section
heading in both languages. Every aligned paragraph pair becomes one item with the two languages side by side;
a pair that takes two English paragraphs together (2:1) gives one item whose English is both paragraphs
joined. The kind of an item follows what the paragraph does:

* ``line_to_take`` when the English says what the Presidency (or "we", or Belgium) will do, aims at or is
  committed to: the programme's priorities;
* ``press_line`` for the conclusion, written to be said in public;
* ``background`` for context that states no commitment.

A few sentences where the programme states an aim become ``objective`` items (a paragraph that is that one
sentence changes kind instead of being repeated), and a few facts of the programme answer a defensive
question (``qa``): the question is the demo's wording, the answer the seed sentence in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.interchange.demo.records import Json, area, item, qa_item, sentence_with, texts, topic
from briefing.interchange.demo.seed_text import AlignedPair, AlignmentReport, SectionAlignment

PROGRAMME_SOURCE = "Belgian Presidency Home Affairs programme (January–June 2024), English and French versions"
PROGRAMME_TAGS = ("Belgian Presidency 2024", "programme")

# Where each section of the programme goes: the policy area of its topic.
SECTION_AREAS = {
    "introduction": "presidency-programme",
    "asylum-migration": "asylum-migration",
    "schengen": "schengen",
    "internal-security": "internal-security",
    "organised-crime": "internal-security",
    "terrorism": "internal-security",
    "information-exchange": "internal-security",
    "crime-prevention": "internal-security",
    "crisis-management": "crisis-management",
    "conclusion": "presidency-programme",
}

AREA_TITLES = {
    "presidency-programme": texts("Belgian Presidency priorities", "Priorités de la Présidence belge"),
    "asylum-migration": texts("Asylum and migration", "Asile et migration"),
    "schengen": texts("Schengen area", "Espace Schengen"),
    "internal-security": texts("Internal security", "Sécurité intérieure"),
    "crisis-management": texts("Crisis management and civil protection", "Gestion de crise et protection civile"),
}

_PRESS_SECTIONS = frozenset({"conclusion"})

# The Presidency, "we" or Belgium, then within a few words a verb of intent or commitment.
_STATES_INTENT = re.compile(
    r"\b(?:Presidency|[Ww]e|Belgium)\b(?:\s+\S+){0,4}?\s+"
    r"(?:will|shall|intends?|aims?|strives?|seeks?|would like|wants?|endeavou?r|"
    r"is (?:firmly |consequently )?(?:committed|adamant|dedicated))\b"
    r"|\bour (?:main )?priorit"
)


@dataclass(frozen=True)
class _Objective:
    """A sentence stating an aim of the Presidency, found by a few of its words in each language."""

    section: str
    en: str
    fr: str


@dataclass(frozen=True)
class _Question:
    """A defensive question in the demo's words; the answer is the seed sentence with ``en``/``fr``."""

    section: str
    question_en: str
    question_fr: str
    en: str
    fr: str


_OBJECTIVES = (
    _Objective(
        "asylum-migration",
        "The Presidency's primary objective will be",
        "Le principal objectif de la Présidence sera",
    ),
    _Objective(
        "schengen",
        "The Belgian Presidency will concentrate on a limited number of priorities",
        "La Présidence belge se concentrera sur un nombre limité de priorités",
    ),
    _Objective(
        "organised-crime",
        "The Belgian Presidency will draw particular attention to illegal drug trafficking",
        "La Présidence belge accordera une attention particulière au trafic de drogues",
    ),
    _Objective(
        "terrorism",
        "the developments in terrorism and violent extremism online is one of our priorities",
        "sont l'une de nos priorités",
    ),
    _Objective(
        "crisis-management",
        "The main focus of the Belgian Presidency will be on reinforcing",
        "La Présidence belge se concentrera principalement sur le renforcement",
    ),
)

_QUESTIONS = (
    _Question(
        "asylum-migration",
        "What will the Presidency do for people displaced from Ukraine?",
        "Que fera la Présidence pour les personnes déplacées d’Ukraine ?",
        "find stable solutions beyond 2025",
        "trouver des solutions durables au-delà de 2025",
    ),
    _Question(
        "schengen",
        "Is the enlargement of the Schengen area on the Presidency's agenda?",
        "L’élargissement de l’espace Schengen est-il à l’ordre du jour de la Présidence ?",
        "the accession of Romania and Bulgaria",
        "l'accession de la Roumanie et de la Bulgarie",
    ),
    _Question(
        "terrorism",
        "Which Member States take part in the European Database of Terrorist Offenders?",
        "Quels États membres participent à la base de données européenne des terroristes condamnés ?",
        "four other Member States have been involved",
        "quatre autres États membres sont impliqués",
    ),
    _Question(
        "organised-crime",
        "When will the conclusions on access to data be put to the Council?",
        "Quand les conclusions sur l’accès aux données seront-elles soumises au Conseil ?",
        "submitted to the JHA Council in June 2024 for validation",
        "soumises au Conseil JAI de juin 2024 pour validation",
    ),
)


def topic_key(section_key: str) -> str:
    """The key of the topic made from programme section ``section_key``."""
    return f"programme-{section_key}"


def paragraph_kind(section_key: str, english: str) -> str:
    """The kind of item an English programme paragraph makes (see the module documentation)."""
    if section_key in _PRESS_SECTIONS:
        return "press_line"
    return "line_to_take" if _STATES_INTENT.search(english) else "background"


def _pair_with(section: SectionAlignment, anchor: str) -> AlignedPair:
    found = [pair for pair in section.pairs if anchor in pair.en_text]
    if len(found) != 1:
        raise ValueError(f"expected one paragraph with {anchor!r} in {section.key!r}, found {len(found)}")
    return found[0]


def _sentence_pair(section: SectionAlignment, en_anchor: str, fr_anchor: str) -> tuple[AlignedPair, str, str]:
    """The aligned pair holding the English sentence with ``en_anchor``, that sentence and its French.

    The French sentence is looked for in the French of the same pair only, so it cannot come from another
    paragraph.
    """
    pair = _pair_with(section, en_anchor)
    return pair, sentence_with([pair.en_text], en_anchor), sentence_with([pair.fr_text], fr_anchor)


def _section_items(section: SectionAlignment) -> list[Json]:
    key = topic_key(section.key)
    objectives = [o for o in _OBJECTIVES if o.section == section.key]
    whole_pairs: dict[int, str] = {}  # pair index → "objective" when the pair is the objective sentence
    extra: list[Json] = []
    for number, objective in enumerate(objectives, start=1):
        pair, en, fr = _sentence_pair(section, objective.en, objective.fr)
        if en == pair.en_text and fr == pair.fr_text:
            whole_pairs[section.pairs.index(pair)] = "objective"
        else:
            extra.append(item(f"{key}-obj-{number}", "objective", texts(en, fr)))
    records = list(extra)
    for index, pair in enumerate(section.pairs):
        kind = whole_pairs.get(index) or paragraph_kind(section.key, pair.en_text)
        records.append(item(f"{key}-{index + 1:02d}", kind, texts(pair.en_text, pair.fr_text)))
    for number, question in enumerate((q for q in _QUESTIONS if q.section == section.key), start=1):
        _, en, fr = _sentence_pair(section, question.en, question.fr)
        records.append(
            qa_item(f"{key}-qa-{number}", texts(question.question_en, question.question_fr), texts(en, fr))
        )
    return records


def programme_topic(section: SectionAlignment) -> Json:
    """The topic of one programme section: heading as title, one item per aligned paragraph pair."""
    if section.title_en is None or section.title_fr is None or not section.pairs:
        raise ValueError(f"programme section {section.key!r} is not in both languages")
    return topic(
        topic_key(section.key),
        texts(section.title_en, section.title_fr),
        _section_items(section),
        sources=[PROGRAMME_SOURCE],
        tags=PROGRAMME_TAGS,
    )


def programme_areas(report: AlignmentReport) -> dict[str, Json]:
    """The policy areas holding the programme's topics, by area key, in the programme's order."""
    areas: dict[str, list[Json]] = {}
    for section in report.sections:
        areas.setdefault(SECTION_AREAS[section.key], []).append(programme_topic(section))
    return {key: area(key, AREA_TITLES[key], topics) for key, topics in areas.items()}


def programme_topics(areas: Sequence[Json]) -> dict[str, Json]:
    """The topics of ``areas`` by key."""
    return {record["key"]: record for record in (t for a in areas for t in a["topics"])}
