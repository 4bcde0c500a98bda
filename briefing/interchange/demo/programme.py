"""The demo library's programme content: the Belgian Presidency's Home Affairs programme, English and French.

Every section of the programme (000 in English, 001 in French) becomes a topic whose title is the section
heading in both languages. Every aligned paragraph pair becomes one item with the two languages side by side;
a pair that takes two English paragraphs together (2:1) gives one item whose English is both paragraphs
joined. The kind of an item follows what the paragraph does:

* ``line_to_take`` when the English says what the Presidency (or "we", or Belgium) will do, aims at or is
  committed to: the programme's priorities;
* ``press_line`` for the conclusion, written to be said in public;
* ``background`` for context that states no commitment.

A few sentences where the programme states an aim become ``objective`` items, and a few of its sentences
answer a defensive question (``qa``): the question is the demo's wording, the answer the seed sentence in both
languages. Such a sentence is taken out of its paragraph (it opens or closes the paragraph in both languages,
so the rest still reads whole), so no sentence appears twice in a topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.interchange.demo.records import Json, area, item, qa_item, texts, topic
from briefing.interchange.demo.seeds import AlignmentReport, SectionAlignment, split_sentences

PROGRAMME_SOURCE = texts(
    "Belgian Presidency Home Affairs programme (January–June 2024), English and French versions",
    "Programme de la Présidence belge en matière d’affaires intérieures (janvier–juin 2024), versions "
    "anglaise et française",
)
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
    "crisis-management": texts(
        "Crisis management and civil protection", "Gestion de crise et protection civile"
    ),
}

_PRESS_SECTIONS = frozenset({"conclusion"})

# The Presidency, "we" or Belgium, then within a few words a verb of intent or commitment.
_STATES_INTENT = re.compile(
    r"\b(?:[Pp]residency|[Ww]e|Belgium)(?:'s)?(?:\s+\S+){0,4}?\s+"
    r"(?:will|shall|intends?|aims?|strives?|seeks?|would like|wants?|endeavou?r|"
    r"is (?:\w+ )?(?:committed|adamant|dedicated|determined))\b"
    r"|\b(?:our (?:main )?priorit|Belgium's ambition)"
)


@dataclass(frozen=True)
class _Extract:
    """A seed sentence taken out of its paragraph to make an item of its own, found by a few of its words.

    ``question`` (English, French) makes the item a defensive Q&A whose answer is the sentence; without it
    the item is an ``objective``. The sentence must open or close its paragraph in both languages (or be
    all of it), so that what is left of the paragraph still reads whole.
    """

    section: str
    en: str
    fr: str
    question: tuple[str, str] | None = None


_EXTRACTS = (
    _Extract(
        "asylum-migration",
        "The Presidency's primary objective will be",
        "Le principal objectif de la Présidence sera",
    ),
    _Extract(
        "asylum-migration",
        "find stable solutions beyond 2025",
        "trouver des solutions durables au-delà de 2025",
        (
            "What will the Presidency do for people displaced from Ukraine?",
            "Que fera la Présidence pour les personnes déplacées d’Ukraine ?",
        ),
    ),
    _Extract(
        "schengen",
        "The Belgian Presidency will concentrate on a limited number of priorities",
        "La Présidence belge se concentrera sur un nombre limité de priorités",
    ),
    _Extract(
        "schengen",
        "the accession of Romania and Bulgaria",
        "l'accession de la Roumanie et de la Bulgarie",
        (
            "Is the enlargement of the Schengen area on the Presidency's agenda?",
            "L’élargissement de l’espace Schengen est-il à l’ordre du jour de la Présidence ?",
        ),
    ),
    _Extract(
        "organised-crime",
        "The Belgian Presidency will draw particular attention to illegal drug trafficking",
        "La Présidence belge accordera une attention particulière au trafic de drogues",
    ),
    _Extract(
        "organised-crime",
        "submitted to the JHA Council in June 2024 for validation",
        "soumises au Conseil JAI de juin 2024 pour validation",
        (
            "When will the conclusions on access to data be put to the Council?",
            "Quand les conclusions sur l’accès aux données seront-elles soumises au Conseil ?",
        ),
    ),
    _Extract(
        "terrorism",
        "the developments in terrorism and violent extremism online is one of our priorities",
        "sont l'une de nos priorités",
    ),
    _Extract(
        "terrorism",
        "safeguard the future functioning of this important instrument",
        "sauvegarder le fonctionnement futur de cet important instrument",
        (
            "What future does the Presidency see for the European Database of Terrorist Offenders?",
            "Quel avenir la Présidence voit-elle pour la base de données européenne des auteurs "
            "d’infractions terroristes ?",
        ),
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


def _index_with(sentences: list[str], anchor: str, where: str) -> int:
    found = [index for index, sentence in enumerate(sentences) if anchor in sentence]
    if len(found) != 1:
        raise ValueError(f"expected one sentence with {anchor!r} in {where}, found {len(found)}")
    return found[0]


def _take_sentence(pairs: list[tuple[list[str], list[str]]], extract: _Extract) -> tuple[str, str]:
    """Remove the sentence of ``extract`` from its paragraph pair in both languages; return it (EN, FR).

    The French sentence is looked for in the French of the same pair only, so it cannot come from another
    paragraph.
    """
    holding = [pair for pair in pairs if any(extract.en in sentence for sentence in pair[0])]
    if len(holding) != 1:
        raise ValueError(f"expected one paragraph with {extract.en!r} in {extract.section!r}")
    en, fr = holding[0]
    i = _index_with(en, extract.en, extract.section)
    j = _index_with(fr, extract.fr, extract.section)
    if not ((i == 0 and j == 0) or (i == len(en) - 1 and j == len(fr) - 1)):
        raise ValueError(f"{extract.en!r} neither opens nor closes its paragraph in both languages")
    return en.pop(i), fr.pop(j)


def _section_items(section: SectionAlignment) -> list[Json]:
    """The items of one section: objectives, then one item per paragraph pair, then the Q&A."""
    key = topic_key(section.key)
    pairs = [(split_sentences(pair.en_text), split_sentences(pair.fr_text)) for pair in section.pairs]
    objectives: list[Json] = []
    questions: list[Json] = []
    for extract in (e for e in _EXTRACTS if e.section == section.key):
        en, fr = _take_sentence(pairs, extract)
        if extract.question is None:
            objectives.append(item(f"{key}-obj-{len(objectives) + 1}", "objective", texts(en, fr)))
        else:
            question = texts(*extract.question)
            questions.append(qa_item(f"{key}-qa-{len(questions) + 1}", question, texts(en, fr)))
    paragraphs: list[Json] = []
    for index, (en_sentences, fr_sentences) in enumerate(pairs, start=1):
        if not en_sentences:
            continue
        if not fr_sentences:
            raise ValueError(f"paragraph {index} of {section.key!r} has no French left")
        en, fr = " ".join(en_sentences), " ".join(fr_sentences)
        paragraphs.append(item(f"{key}-{index:02d}", paragraph_kind(section.key, en), texts(en, fr)))
    return objectives + paragraphs + questions


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
