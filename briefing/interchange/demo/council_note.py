"""The demo library's Council material: the progress report ST 10270/24 (002) and the eucrim news item (003).

Both exist in English only, so every item here has English and no French (French *missing*, to be
translated), which is what the translation-status features are there to show. Topic titles are given in both
languages: the French ones are the demo's translation of the note's headings.

The Council note gives one topic per section of its state of play (the introduction makes a topic on the
report as a whole). Each paragraph, without its footnote marks, becomes one item:

* ``key_fact`` when it is short (one or two sentences) and dated or quantified (a day, a month and year, a
  percentage, an amount in euro): a fact and figure to have at hand;
* ``background`` otherwise.

A few sentences are taken out of their paragraph to stand alone (they open or close it, so the rest reads
whole): the headline figure of the introduction as a key fact, the Council's invitation as the objective,
and the answers of a few defensive Q&A (question in the demo's words, answer the note's sentence).

The note carries no marking in the seed. The demo marks ``LIMITE`` what reports the work of Council
preparatory bodies (COSI, CATS) and the topic on access to data, to show how markings travel into a pack:
an illustration, not a statement about the public document.

The note's follow-up actions (see :func:`seeds.council_note_deliverables`) become the tracker's actions,
linked to their topic, with the body the note names as owner and the deadline its wording gives. They are
``open``, except where the note says the work has started or continues (``in_progress``); the note reports no
deliverable as completed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.interchange.demo.records import (
    Json,
    TextMap,
    area,
    item,
    qa_item,
    take_sentence,
    texts,
    topic,
    without_footnote_marks,
)
from briefing.interchange.demo.seeds import (
    CouncilNote,
    Deliverable,
    NewsItem,
    NoteSection,
    split_sentences,
)

AREA_KEY = "drugs-organised-crime"
AREA_TITLE = texts("Drug trafficking and organised crime", "Trafic de drogue et criminalité organisée")
NOTE_TAGS = ("organised crime", "drug trafficking", "Council document")
LIMITE = "LIMITE"
NEWS_TOPIC_KEY = "jha-council-june-2024"

# Topic key and French title of each note section; the English title is the note's heading.
_NOTE_TOPICS = {
    "introduction": (
        "drugs-progress-report",
        "Lutte contre le trafic de drogue et la criminalité organisée : rapport sur l’état d’avancement",
    ),
    "ports-alliance-customs": (
        "ports-alliance-customs",
        "L’Alliance européenne des ports : mobiliser les douanes contre le trafic de drogue",
    ),
    "ports-alliance-ppp": (
        "ports-alliance-ppp",
        "L’Alliance européenne des ports : partenariat public-privé",
    ),
    "high-risk-criminal-networks": (
        "high-risk-criminal-networks",
        "La cartographie des réseaux criminels qui représentent les plus grandes menaces pour la société",
    ),
    "access-to-data": (
        "access-to-data",
        "L’accès aux données pour une application effective de la loi",
    ),
    "administrative-approach": (
        "administrative-approach",
        "Prévenir les activités de la criminalité organisée par des mesures administratives",
    ),
    "youth-recruitment": (
        "youth-recruitment",
        "Empêcher les réseaux criminels de recruter des enfants et des jeunes",
    ),
    "latin-america": (
        "latin-america",
        "Renforcer la coopération de l’UE avec les pays d’Amérique latine et des Caraïbes dans la lutte "
        "contre la criminalité organisée",
    ),
    "judicial-network": (
        "judicial-network",
        "Mettre en place un réseau judiciaire européen en matière de criminalité organisée",
    ),
    "legal-framework": (
        "legal-framework",
        "Vers un cadre juridique plus solide contre la criminalité organisée",
    ),
    "judicial-cooperation": (
        "judicial-cooperation",
        "Renforcer la coopération judiciaire avec les pays tiers",
    ),
}
_LIMITE_TOPICS = frozenset({"access-to-data"})
_PREPARATORY_BODIES = re.compile(r"\b(?:COSI|CATS)\b")
_FACT = re.compile(
    r"\d+(?:[.,]\d+)?\s?%|\bEUR\s?\d|\b\d{1,2} (?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December) \d{4}\b|\b(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December) \d{4}\b"
)
_SHORT = 2  # sentences in a paragraph that can be a key fact
_SHORT_CHARACTERS = 360
_STILL_TO_DO = re.compile(r"\b(?:is|are|will be) needed\b|\bshould\b")


@dataclass(frozen=True)
class _Extract:
    """A sentence of the note made into an item of its own (``kind``), found by a few of its words."""

    section: str
    anchor: str
    kind: str
    question: str | None = None
    whole_paragraph: bool = False


_EXTRACTS = (
    _Extract("introduction", "50% of the EU's most threatening criminal networks", "key_fact"),
    _Extract(
        "ports-alliance-ppp",
        "launched the European Ports Alliance Public Private Partnership",
        "qa",
        "When and where was the European Ports Alliance Public-Private Partnership launched?",
        whole_paragraph=True,
    ),
    _Extract(
        "high-risk-criminal-networks",
        "The next mapping exercise is expected",
        "qa",
        "When is the next mapping of the most threatening criminal networks expected?",
    ),
    _Extract(
        "access-to-data",
        "The HLG will continue its work on a concluding report",
        "qa",
        "What happens next with the High-Level Group on access to data?",
    ),
    _Extract(
        "judicial-network",
        "Eurojust will host a first kick-off meeting",
        "qa",
        "When will the European Judicial Organised Crime Network start work?",
    ),
)

# Deliverables the note describes as under way, by words of their text; the others are open.
_IN_PROGRESS = (
    "The European Ports Alliance Customs Project Group, until the end of 2024",
    "started the preparations for the implementation",
    "The HLG will continue its work",
)

_NEWS_REFERENCE = re.compile(r"\s*\(→[^)]*\)")


def note_topic_key(section_key: str) -> str:
    """The key of the topic made from note section ``section_key``."""
    return _NOTE_TOPICS[section_key][0]


def paragraph_kind(sentences: Sequence[str]) -> str:
    """``key_fact`` for a short dated or quantified statement, ``background`` otherwise.

    Short is one or two sentences and at most 360 characters; a paragraph saying what is still needed or
    should be done is background (the action it implies is in the tracker).
    """
    text = " ".join(sentences)
    short = len(sentences) <= _SHORT and len(text) <= _SHORT_CHARACTERS
    fact = _FACT.search(text) is not None and _STILL_TO_DO.search(text) is None
    return "key_fact" if short and fact else "background"


def _marking(topic_key: str, text: str) -> str | None:
    if topic_key not in _LIMITE_TOPICS and _PREPARATORY_BODIES.search(text):
        return LIMITE
    return None


def _section_items(section: NoteSection, key: str, invitation: str | None) -> list[Json]:
    """Objective, key facts and background, then Q&A, for one note section."""
    paragraphs = [split_sentences(without_footnote_marks(p)) for p in section.paragraphs]
    leading: list[Json] = []
    questions: list[Json] = []
    if invitation is not None:
        leading.append(item(f"{key}-obj-1", "objective", texts(invitation)))
    for extract in (e for e in _EXTRACTS if e.section == section.key):
        sentence = take_sentence(paragraphs, extract.anchor, whole_paragraph=extract.whole_paragraph)
        marking = _marking(key, sentence)
        if extract.question is None:
            number = sum(1 for record in leading if record["kind"] == extract.kind) + 1
            leading.append(
                item(f"{key}-{extract.kind}-{number}", extract.kind, texts(sentence), marking=marking)
            )
        else:
            number = len(questions) + 1
            questions.append(
                qa_item(f"{key}-qa-{number}", texts(extract.question), texts(sentence), marking=marking)
            )
    body: list[Json] = []
    for index, sentences in enumerate(paragraphs, start=1):
        if not sentences:
            continue
        text = " ".join(sentences)
        kind = paragraph_kind(sentences)
        body.append(item(f"{key}-{index:02d}", kind, texts(text), marking=_marking(key, text)))
    return leading + body + questions


def _action_text(text: str) -> str:
    """A deliverable as an entry of the tracker: the note's words, starting with a capital, ending with a stop.

    Some deliverables are a part of a sentence ("the drafting by Europol of a report …"); the tracker lists
    each as a sentence of its own.
    """
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _action_status(deliverable: Deliverable) -> str:
    return "in_progress" if any(words in deliverable.text for words in _IN_PROGRESS) else "open"


# The bodies the note names as owners of its deliverables, in French (as the Council's French texts name them).
_OWNERS_FR = {
    "Belgian and Colombian co-Presidencies of the EU-CELAC Mechanism": (
        "Coprésidences belge et colombienne du mécanisme UE-CELAC"
    ),
    "COSI": "COSI",
    "Commission": "Commission",
    "Council preparatory bodies": "Instances préparatoires du Conseil",
    "EMPACT": "EMPACT",
    "Eurojust": "Eurojust",
    "European Ports Alliance PPP": "Partenariat public-privé de l’Alliance européenne des ports",
    "Europol": "Europol",
    "High-Level Group (HLG)": "Groupe de haut niveau (HLG)",
    "JHA Council": "Conseil JAI",
    "Law Enforcement Working Party (LEWP)": "Groupe « Application de la loi » (LEWP)",
    "Member States": "États membres",
    "Member States, the Commission and relevant EU stakeholders (Eurojust, Europol, EJM, EPPO)": (
        "États membres, Commission et acteurs concernés de l’UE (Eurojust, Europol, RJE, Parquet européen)"
    ),
}


def owner_texts(owner: str | None) -> TextMap | None:
    """A deliverable's owner in English and French; a body without a French name here is an error."""
    if owner is None:
        return None
    if owner not in _OWNERS_FR:
        raise ValueError(f"no French name for the owner {owner!r}")
    return texts(owner, _OWNERS_FR[owner])


def note_actions(note: CouncilNote) -> dict[str, list[Json]]:
    """The note's follow-up actions as tracker actions, by the key of the topic they belong to."""
    actions: dict[str, list[Json]] = {}
    reference = note.metadata.source_reference
    source = texts(reference, reference)
    for number, deliverable in enumerate(note.deliverables, start=1):
        actions.setdefault(note_topic_key(deliverable.section_key), []).append(
            {
                "key": f"st10270-action-{number:02d}",
                "text": texts(_action_text(deliverable.text)),
                "owner": owner_texts(deliverable.owner),
                "deadline": deliverable.deadline.isoformat() if deliverable.deadline else None,
                "status": _action_status(deliverable),
                "source": source,
            }
        )
    return actions


def note_topics(note: CouncilNote) -> list[Json]:
    """The topics made from the note, in its order (sections without text of their own are left out)."""
    actions = note_actions(note)
    reference = texts(note.metadata.source_reference, note.metadata.source_reference)
    subject = note.metadata.subject.split(" - ")[0]
    topics = []
    for section in note.sections:
        if not section.paragraphs:
            continue
        key, french_title = _NOTE_TOPICS[section.key]
        title = f"{subject}: progress report" if section.key == "introduction" else section.title
        invitation = note.invitation if section.key == "introduction" else None
        items = _section_items(section, key, invitation)
        if section.key == "introduction":
            assessment = texts(tracker_assessment(note))
            items.append(item(f"{key}-assessment", "background", assessment, internal=True))
        topics.append(
            topic(
                key,
                texts(title, french_title),
                items,
                sources=[reference],
                tags=NOTE_TAGS,
                marking=LIMITE if key in _LIMITE_TOPICS else None,
                reviewed_on=note.metadata.date.isoformat(),
                actions=actions.get(key, ()),
            )
        )
    return topics


def tracker_assessment(note: CouncilNote) -> str:
    """An internal note on the actions tracker, in the demo's words with the figures counted from the note."""
    deliverables = note.deliverables
    no_owner = sum(1 for d in deliverables if d.owner is None)
    no_deadline = sum(1 for d in deliverables if d.deadline is None)
    june = sum(
        1 for d in deliverables if d.deadline is not None and (d.deadline.year, d.deadline.month) == (2024, 6)
    )
    return (
        f"Internal assessment: of the {len(deliverables)} follow-up actions drawn from the progress report, "
        f"{no_owner} name no body responsible and {no_deadline} set no deadline; {june} fall due in June 2024, "
        "at or around this Council."
    )


def _news_paragraphs(paragraphs: Sequence[str]) -> list[str]:
    """The news paragraphs with a list joined to the sentence that introduces it, cross-references removed."""
    joined: list[str] = []
    for paragraph in paragraphs:
        text = _NEWS_REFERENCE.sub("", paragraph)
        if joined and joined[-1].endswith((":", ";")):
            joined[-1] = f"{joined[-1]} {text}"
        else:
            joined.append(text)
    return joined


def news_topic(news: NewsItem) -> Json:
    """The June 2024 JHA Council topic: the news item's paragraphs and its update, as background."""
    where = f", {news.published_in}" if news.published_in else ""
    where_fr = where.replace("Vol.", "vol.").replace(" pp ", ", p. ")  # "Vol. 19(1) eucrim pp 30 – 31"
    source = texts(
        f"eucrim news item “{news.title}”{where}",
        f"Article d’actualité d’eucrim « {news.title} »{where_fr}",
    )
    paragraphs = _news_paragraphs(news.paragraphs) + _news_paragraphs(news.update)
    items = [
        item(f"{NEWS_TOPIC_KEY}-{index:02d}", "background", texts(text))
        for index, text in enumerate(paragraphs, start=1)
    ]
    return topic(
        NEWS_TOPIC_KEY,
        texts(
            news.title,
            "Présidence belge du Conseil : mieux lutter contre la criminalité organisée et le trafic de drogue",
        ),
        items,
        sources=[source],
        tags=("organised crime", "drug trafficking", "JHA Council"),
    )


def council_area(note: CouncilNote, news: NewsItem) -> Json:
    """The policy area with the Council note's topics, then the news item's."""
    return area(AREA_KEY, AREA_TITLE, [*note_topics(note), news_topic(news)])
