"""The demo library's bilateral material: the Val Duchesse II joint communiqué (Paris, 11 June 2018).

The communiqué (004) exists in English only: its items have no French (French *missing*), while topic titles,
participants' functions and bios are given in both languages for the French-speaking counterparts.

* The introduction makes a topic on Franco-Belgian co-operation: its paragraphs are background, except the
  two that speak for both governments in public terms (press lines) and a dated fact taken out as a key fact.
  The closing "France and Belgium have resolved:" only introduces the resolutions and is left out.
* Each numbered theme makes a topic whose paragraphs are lines to take: they state what the two countries
  resolve, undertake or call for. Two sentences answer defensive questions (question in the demo's words).
* Each sentence goes to one place, so a pack prints an action's text once. Resolutions are lines to take;
  a resolution that sets a date ("before the end of this year", "by the end of 2018", with the "Also, …"
  sentence that only adds to it) and an undertaking that closes its paragraph ("These new issues … will be
  the subject of a dedicated consultative forum", "We undertake to …") are follow-up actions instead, owned by
  France and Belgium, with the deadline their wording gives. The communiqué does not say what became of them,
  so they are ``open``. A sentence that answers a defensive question is not an action.
* Counterpart's position: what the communiqué states of the French side (France hosted the meeting) — its
  liaison magistrate in Belgium, its conference against terrorist financing, its prison intelligence services
  and its returning combatants — in the communiqué's words, citing it as the topic's source.
* Two internal items (not for use with the counterpart) give the demo's assessment: how many commitments
  carry a deadline, and what the European-level undertakings mean for Council negotiations (marked LIMITE as
  it concerns negotiating positions in the Council; the communiqué itself is public and carries no marking).
* The six participants come from the communiqué's opening paragraphs, with their function in English and
  French, their government as organisation and a short bio saying only what the communiqué says: their role
  at the meeting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.i18n.dates import format_day
from briefing.interchange.demo.records import (
    Json,
    TextMap,
    area,
    item,
    qa_item,
    slug,
    take_sentence,
    texts,
    topic,
)
from briefing.interchange.demo.seeds import Commitment, Communique, Participant, split_sentences

AREA_KEY = "franco-belgian-cooperation"
AREA_TITLE = texts("Franco-Belgian co-operation", "Coopération franco-belge")
CONTEXT_TOPIC_KEY = "val-duchesse-cooperation"
MEETING_NAME = "Val Duchesse II"
OWNER = texts("France and Belgium", "France et Belgique")
LIMITE = "LIMITE"

_THEME_TITLES_FR = {
    "counter-terrorism": "Lutte contre le terrorisme",
    "violent-radicalisation": "Lutte contre la radicalisation violente",
    "european-level": "Au niveau européen",
}
# The French side's positions as the communiqué states them (France hosted the meeting), by theme: the
# communiqué's own words, put as what France has done or wants; the topic cites the communiqué as source.
_POSITIONS = {
    "counter-terrorism": (
        "France has stationed a French liaison magistrate in Belgium, one of the concrete measures taken in the "
        "past two years to implement Franco-Belgian co-operation.",
        "France wants the undertakings made during its conference on mobilising against terrorist financing "
        "(“No Money For Terror”, Paris, 25–26 April 2018) assisted by reinforced co-ordination and "
        "co-operation.",
    ),
    "violent-radicalisation": (
        "France has significantly boosted the services tasked with prison intelligence in recent months.",
        "France counts more than 200 terrorist combatants returning from the Iraqi-Syrian area (Belgium more "
        "than 100) and treats their administrative and judicial follow-up as one of the priorities of "
        "Franco-Belgian co-operation.",
    ),
}
_PRESS_OPENINGS = ("Today, our two countries", "We hope that the co-operative dynamic")
_LEAD_IN = "have resolved:"
_CONTEXT_FACT = "The first meeting of the joint working group was held on"
_CONTINUATION = "Also, "


@dataclass(frozen=True)
class _Question:
    """A defensive question in the demo's words, answered by the communiqué's sentence with ``anchor``.

    The sentence is taken out of its paragraph (it closes it), or the whole paragraph is the answer.
    """

    theme: str
    question: str
    anchor: str
    whole_paragraph: bool = False


_QUESTIONS = (
    _Question(
        "european-level",
        "Is there a joint position on passenger data for rail travel?",
        "we call for intergovernmental development of a railway PNR",
    ),
    _Question(
        "european-level",
        "What do France and Belgium want from the negotiations on cross-border access to digital evidence?",
        "we emphasise the importance of reaching a rapid agreement",
        whole_paragraph=True,
    ),
)

# Function as the communiqué gives it → (English, French).
_FUNCTIONS = {
    "Prime Minister": ("Prime Minister", "Premier ministre"),
    "Interior Minister": ("Minister of the Interior", "Ministre de l’Intérieur"),
    "Justice Minister": ("Minister of Justice", "Ministre de la Justice"),
}
# Country as the communiqué writes it → (organisation in English and French, English "of the …", French "de/du …").
_COUNTRIES = {
    "French Republic": (
        texts("Government of the French Republic", "Gouvernement de la République française"),
        "of the French Republic",
        "de la République française",
    ),
    "Kingdom of Belgium": (
        texts("Government of the Kingdom of Belgium", "Gouvernement du Royaume de Belgique"),
        "of the Kingdom of Belgium",
        "du Royaume de Belgique",
    ),
}


def source_reference(communique: Communique) -> TextMap:
    """How items and actions cite the communiqué: "Val Duchesse II joint communiqué, 11 June 2018", and in
    French "Communiqué conjoint Val Duchesse II, 11 juin 2018"."""
    return texts(
        f"{MEETING_NAME} joint communiqué, {format_day(communique.date, 'en')}",
        f"Communiqué conjoint {MEETING_NAME}, {format_day(communique.date, 'fr')}",
    )


def theme_topic_key(theme_key: str) -> str:
    """The key of the topic made from the communiqué theme ``theme_key``."""
    return f"val-duchesse-{theme_key}"


def participant_key(participant: Participant) -> str:
    """The key of a participant: ``p-`` and their name ("p-edouard-philippe")."""
    return f"p-{slug(participant.name)}"


def _merged_commitments(commitments: Sequence[Commitment]) -> list[Commitment]:
    """The commitments with a sentence that only adds to the one before ("Also, …") joined to it."""
    merged: list[Commitment] = []
    for commitment in commitments:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and commitment.text.startswith(_CONTINUATION)
            and (previous.theme_key == commitment.theme_key)
        ):
            merged[-1] = Commitment(
                previous.theme_key,
                f"{previous.text} {commitment.text}",
                previous.kind,
                commitment.deadline or previous.deadline,
                commitment.timing or previous.timing,
            )
        else:
            merged.append(commitment)
    return merged


def _tracked(paragraph: Sequence[str], commitments: dict[str, Commitment]) -> list[list[str]]:
    """The sentences of a paragraph that make follow-up actions, each action's sentences together.

    A resolution is a line to take, unless it sets a date (itself or in the "Also, …" sentence joined to it):
    then it is something to follow up. An undertaking that closes its paragraph ("These new issues … will be
    the subject of a dedicated consultative forum", "We undertake to …") is a follow-up action; one that opens
    a paragraph the next sentences explain stays in the line to take. Each sentence goes to one place only, so
    the pack prints an action's text once.
    """
    actions: list[list[str]] = []
    for index, sentence in enumerate(paragraph):
        commitment = commitments.get(sentence)
        if commitment is None or sentence.startswith(_CONTINUATION):
            continue
        joined = [sentence]
        following = paragraph[index + 1] if index + 1 < len(paragraph) else None
        if following is not None and following.startswith(_CONTINUATION):
            joined.append(following)
        dated = any(commitments[s].deadline is not None for s in joined if s in commitments)
        closing = index + len(joined) == len(paragraph)
        if (commitment.kind == "resolution" and dated) or (
            commitment.kind == "undertaking" and closing and (index > 0 or len(paragraph) == 1)
        ):
            actions.append(joined)
    return actions


def _action(
    number: int, sentences: Sequence[str], commitments: dict[str, Commitment], source: TextMap
) -> Json:
    deadline = next((commitments[s].deadline for s in sentences if commitments[s].deadline), None)
    return {
        "key": f"val-duchesse-action-{number:02d}",
        "text": texts(" ".join(sentences)),
        "owner": OWNER,
        "deadline": deadline.isoformat() if deadline else None,
        "status": "open",
        "source": source,
    }


def deadline_assessment(communique: Communique) -> str:
    """An internal note on the commitments' deadlines, in the demo's words with counted figures."""
    commitments = _merged_commitments(communique.commitments)
    deadlines = sorted({c.deadline for c in commitments if c.deadline is not None})
    dated = sum(1 for c in commitments if c.deadline is not None)
    when = ", ".join(format_day(day, "en") for day in deadlines)
    return (
        f"Internal assessment: only {dated} of the {len(commitments)} commitments of the communiqué "
        f"carry a deadline (by {when}); the others set no date."
    )


EUROPEAN_LEVEL_ASSESSMENT = (
    "Internal assessment: at European level the communiqué commits both governments to take harmonised "
    "stances in the Council negotiations on cross-border access to digital evidence and to support the "
    "Commission's proposal on explosives precursors; the railway PNR is called for, jointly with Dutch and "
    "British partners, as an intergovernmental development."
)


def _context_topic(communique: Communique) -> Json:
    """The introduction: where Franco-Belgian co-operation stood at the meeting."""
    key = CONTEXT_TOPIC_KEY
    source = source_reference(communique)
    paragraphs = [p for p in communique.introduction if not p.endswith(_LEAD_IN)]
    items: list[Json] = []
    body: list[Json] = []
    for index, paragraph in enumerate(paragraphs, start=1):
        sentences = split_sentences(paragraph)
        facts = [s for s in sentences if s.startswith(_CONTEXT_FACT)]
        for fact in facts:
            items.append(item(f"{key}-fact-{len(items) + 1}", "key_fact", texts(fact)))
        rest = " ".join(s for s in sentences if s not in facts)
        kind = "press_line" if paragraph.startswith(_PRESS_OPENINGS) else "background"
        body.append(item(f"{key}-{index:02d}", kind, texts(rest)))
    if not items:
        raise ValueError(f"no sentence of the communiqué starts with {_CONTEXT_FACT!r}")
    return topic(
        key,
        texts(
            "Franco-Belgian co-operation on security and justice",
            "La coopération franco-belge en matière de sécurité et de justice",
        ),
        [*body, *items],
        sources=[source],
        tags=("Franco-Belgian", MEETING_NAME),
        reviewed_on=communique.date.isoformat(),
    )


def _theme_topics(communique: Communique) -> list[Json]:
    source = source_reference(communique)
    commitments = {c.text: c for c in communique.commitments}
    topics = []
    tracked = 0
    for theme in communique.themes:
        key = theme_topic_key(theme.key)
        paragraphs = [split_sentences(paragraph) for paragraph in theme.paragraphs]
        questions = []
        for number, question in enumerate((q for q in _QUESTIONS if q.theme == theme.key), start=1):
            answer = take_sentence(paragraphs, question.anchor, whole_paragraph=question.whole_paragraph)
            questions.append(qa_item(f"{key}-qa-{number}", texts(question.question), texts(answer)))
        actions = []
        for paragraph in paragraphs:
            for sentences in _tracked(paragraph, commitments):
                tracked += 1
                actions.append(_action(tracked, sentences, commitments, source))
                paragraph[:] = [s for s in paragraph if s not in sentences]
        items = [
            item(f"{key}-{index:02d}", "line_to_take", texts(" ".join(sentences)))
            for index, sentences in enumerate(paragraphs, start=1)
            if sentences
        ]
        items += [
            item(f"{key}-position-{n}", "counterpart_position", texts(text))
            for n, text in enumerate(_POSITIONS.get(theme.key, ()), start=1)
        ]
        items.extend(questions)
        if theme.key == "counter-terrorism":
            assessment = texts(deadline_assessment(communique))
            items.append(item(f"{key}-assessment", "background", assessment, internal=True))
        if theme.key == "european-level":
            assessment = texts(EUROPEAN_LEVEL_ASSESSMENT)
            items.append(item(f"{key}-assessment", "background", assessment, internal=True, marking=LIMITE))
        title = theme.title.removeprefix("On ")
        topics.append(
            topic(
                key,
                texts(title[:1].upper() + title[1:], _THEME_TITLES_FR[theme.key]),
                items,
                sources=[source],
                tags=("Franco-Belgian", MEETING_NAME),
                reviewed_on=communique.date.isoformat(),
                actions=actions,
            )
        )
    return topics


def communique_area(communique: Communique) -> Json:
    """The policy area of Franco-Belgian co-operation: the context topic, then one topic per theme."""
    return area(AREA_KEY, AREA_TITLE, [_context_topic(communique), *_theme_topics(communique)])


def _bio(participant: Participant, function: tuple[str, str], communique: Communique) -> dict[str, str]:
    """A short bio in English and French, saying only what the communiqué says: the role at the meeting."""
    _, of_country, de_country = _COUNTRIES[participant.country]
    en_day, fr_day = format_day(communique.date, "en"), format_day(communique.date, "fr")
    if participant.function == "Prime Minister":
        return texts(
            f"{function[0]} {of_country} at the Franco-Belgian intergovernmental meeting {MEETING_NAME} "
            f"({communique.place}, {en_day}), where the two Prime Ministers considered how France and Belgium "
            "might co-operate in internal security and counter-terrorism.",
            f"{function[1]} {de_country} lors de la réunion intergouvernementale franco-belge {MEETING_NAME} "
            f"({communique.place}, {fr_day}), où les deux Premiers ministres ont examiné la coopération entre "
            "la France et la Belgique en matière de sécurité intérieure et de lutte contre le terrorisme.",
        )
    return texts(
        f"{function[0]} {of_country} at the Franco-Belgian intergovernmental meeting {MEETING_NAME} "
        f"({communique.place}, {en_day}), attended by the Interior and Justice Ministers of both countries "
        "alongside the two Prime Ministers.",
        f"{function[1]} {de_country} lors de la réunion intergouvernementale franco-belge {MEETING_NAME} "
        f"({communique.place}, {fr_day}), à laquelle les ministres de l’Intérieur et de la Justice des deux "
        "pays ont pris part aux côtés des deux Premiers ministres.",
    )


def participants(communique: Communique) -> list[Json]:
    """The six people the communiqué names, with function, government and a short bio in EN and FR."""
    records = []
    for participant in communique.participants:
        function = _FUNCTIONS[participant.function]
        organisation, _, _ = _COUNTRIES[participant.country]
        records.append(
            {
                "key": participant_key(participant),
                "name": participant.name,
                "organisation": organisation,
                "function": texts(*function),
                "bio": _bio(participant, function, communique),
            }
        )
    return records
