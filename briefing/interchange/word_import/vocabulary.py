"""The words a brief is recognised by: slot headings, annex headings, table columns, flags, dates, statuses.

Names come from the pack label catalogue (:mod:`briefing.i18n.labels`) in English and French, so whatever a
Briefing pack prints is recognised, plus the usual synonyms of hand-written briefs. Matching is loose: case,
accents, apostrophes, leading numbering ("2.", "B)", "iii.") and trailing punctuation do not matter.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from babel.dates import get_month_names

from briefing.i18n import labels as lbl
from briefing.i18n.dates import locale_for
from briefing.i18n.folding import fold
from briefing.i18n.labels import Labels
from briefing.model.enums import ActionStatus, ItemKind, Marking

LANGUAGES = ("en", "fr")

_NUMBERING = re.compile(r"^\s*(?:[(\[]?(?:\d+(?:\.\d+)*|[a-z]|[ivxlc]+)[.)\]:-]\s+)+", re.IGNORECASE)
_PUNCTUATION = re.compile(r"[\s:;.,!?…\-–—]+$")


@lru_cache(maxsize=8192)
def loose(text: str) -> str:
    """``text`` as headings are compared: folded, unnumbered, single-spaced, without trailing punctuation."""
    text = text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ").replace("\u202f", " ")
    text = _NUMBERING.sub("", text.strip())
    text = _PUNCTUATION.sub("", text)
    return " ".join(fold(text).replace("&", " and ").split())


ACTIONS_SLOT = "actions"

_SLOT_SYNONYMS: dict[str, tuple[str, ...]] = {
    ItemKind.OBJECTIVE.value: ("Objectives", "Objectifs", "Aim", "Aims", "Purpose", "But", "Buts"),
    ItemKind.LINE_TO_TAKE.value: ("Lines to take", "Line to take", "Key messages", "Speaking points",
                                  "Talking points", "Points to make", "Messages clés", "Points à faire valoir",
                                  "Éléments de langage", "Élément de langage"),
    ItemKind.COUNTERPART_POSITION.value: ("Counterpart's position", "Counterpart position",
                                          "Position of the counterpart", "Their position",
                                          "Position de l'interlocuteur", "Position de la partie adverse"),
    ItemKind.BACKGROUND.value: ("Background", "Context", "Contexte", "Historique", "Background note",
                                "Éléments de contexte"),
    ItemKind.KEY_FACT.value: ("Key facts", "Key fact", "Facts and figures", "Key figures", "Faits et chiffres",
                              "Chiffres clés", "Données clés", "Faits clés"),
    ItemKind.QA.value: ("If asked", "Defensive", "Defensives", "Defensive Q&A", "Q&A", "Questions and answers",
                        "Si la question est posée", "Questions-réponses", "Questions et réponses",
                        "Questions réponses", "Défensif", "Défensifs"),
    ItemKind.PRESS_LINE.value: ("Press lines", "Press line", "Media lines", "Lines for the press",
                                "Éléments pour la presse", "Élément pour la presse", "Lignes presse"),
    ACTIONS_SLOT: ("Actions", "Action points", "Next steps", "Actions de suivi", "Suites à donner",
                   "Follow-up", "Suivi"),
}  # fmt: skip

_ANNEX_LABELS = (lbl.CONTENTS, lbl.OBJECTIVES, lbl.AGENDA, lbl.PARTICIPANTS, lbl.FOLLOW_UP_ACTIONS,
                 lbl.SOURCES, lbl.LOGISTICS)  # fmt: skip
_ANNEX_SYNONYMS = ("Table of contents", "Table des matières", "Sommaire", "Contents", "Annex", "Annexe",
                   "Logistique", "Participants", "Follow-up actions", "Actions de suivi")  # fmt: skip


@cache
def _labels(lang: str) -> Labels:
    return Labels.for_language(lang)


def _all_languages(msgid: str) -> set[str]:
    return {loose(_labels(lang).get(msgid)) for lang in LANGUAGES}


@cache
def slot_names() -> dict[str, str]:
    """Loose heading → slot (an item kind's value, or "actions")."""
    names: dict[str, str] = {}
    for slot, msgid in lbl.SLOT_HEADINGS.items():
        for name in _all_languages(msgid):
            names[name] = slot
    for kind, message in lbl.ITEM_KINDS.items():
        for lang in LANGUAGES:
            names.setdefault(loose(_labels(lang).get(message)), kind)
    for slot, synonyms in _SLOT_SYNONYMS.items():
        for synonym in synonyms:
            names.setdefault(loose(synonym), slot)
    return names


@lru_cache(maxsize=4096)
def variants(text: str) -> tuple[str, ...]:
    """``text`` loosely, then each language of a two-language heading ("Background / Contexte")."""
    if " / " not in text:
        return (loose(text),)
    return (loose(text), *(loose(part) for part in text.split(" / ")))


def slot_of(heading: str) -> str | None:
    """The slot a heading names, or None."""
    names = slot_names()
    return next((names[v] for v in variants(heading) if v in names), None)


@cache
def annex_names() -> frozenset[str]:
    names: set[str] = set()
    for msgid in _ANNEX_LABELS:
        names |= _all_languages(msgid)
    names |= {loose(s) for s in _ANNEX_SYNONYMS}
    return frozenset(names)


def is_annex(heading: str) -> bool:
    """A heading of a pack's own parts (contents, agenda, participants, annexes), not of a topic."""
    return any(v in annex_names() or v.startswith(("annex ", "annexe ")) for v in variants(heading))


def is_follow_up(heading: str) -> bool:
    names = _all_languages(lbl.FOLLOW_UP_ACTIONS) | {loose(s) for s in _SLOT_SYNONYMS["actions"]}
    return any(v in names for v in variants(heading))


def is_topic_label(text: str) -> bool:
    return any(v in topic_labels() for v in variants(text))


@cache
def topic_labels() -> frozenset[str]:
    return frozenset(_all_languages(lbl.TOPIC) | {"topics", "sujets", "subject", "objet"})


@cache
def question_labels() -> frozenset[str]:
    return frozenset(_all_languages(lbl.QUESTION) | {"q"})


@cache
def answer_labels() -> frozenset[str]:
    return frozenset(_all_languages(lbl.ANSWER) | {"a", "r"})


# --- tables -------------------------------------------------------------------------------------------------


@cache
def column_names() -> dict[str, str]:
    """Loose column heading → field of an actions table."""
    names: dict[str, str] = {}
    for field, msgid, extra in (
        ("action", lbl.ACTION, ("Action point", "Task", "Tâche", "Actions", "What", "Quoi", "Mesure")),
        ("owner", lbl.OWNER, ("Lead", "Who", "Qui", "Pilote", "Responsible", "Chef de file")),
        ("deadline", lbl.DEADLINE, ("Due", "Due date", "By when", "Date", "Délai", "Date limite", "When")),
        ("status", lbl.STATUS, ("State", "État", "Etat")),
        ("source", lbl.SOURCE, ("Reference", "Référence", "Document")),
        ("topic", lbl.TOPIC, ("Subject", "Sujet", "Topics", "Sujets")),
    ):
        for name in _all_languages(msgid) | {loose(e) for e in extra}:
            names.setdefault(name, field)
    return names


@cache
def column_of(heading: str) -> str | None:
    """The field of an actions table a column heading names ("Owner / Responsable" → "owner")."""
    names = column_names()
    return next((names[v] for v in variants(heading) if v in names), None)


@cache
def language_columns() -> dict[str, str]:
    """Loose column heading of a two-language table → the language it holds."""
    names = {}
    for lang, msgid in (("en", lbl.ENGLISH), ("fr", lbl.FRENCH)):
        for name in _all_languages(msgid) | {lang, {"en": "english", "fr": "francais"}[lang]}:
            names[name] = lang
    return names


# --- flags --------------------------------------------------------------------------------------------------


@cache
def marking_names() -> dict[str, Marking]:
    names = {loose(m.value): m for m in Marking}
    for marking in Marking:
        for part in marking.value.split("/"):
            names.setdefault(loose(part), marking)
    return names


def marking_of(text: str) -> Marking | None:
    return marking_names().get(loose(text))


def markings_in(text: str) -> list[Marking]:
    """Every marking written out in ``text`` (a header, a cover line), in capitals as markings are written."""
    return [
        marking
        for marking in Marking
        if any(
            re.search(rf"(?<!\w){re.escape(part.strip())}(?!\w)", text) for part in marking.value.split("/")
        )
    ]


@cache
def internal_flags() -> frozenset[str]:
    return frozenset(_all_languages(lbl.NOT_FOR_COUNTERPART) | {"internal", "interne", "internal only"})


@cache
def untranslated_flags() -> dict[str, str]:
    """Loose flag → the language of the text it stands before."""
    flags = {}
    for msgid, lang in ((lbl.UNTRANSLATED, "en"), (lbl.UNTRANSLATED_FR, "fr")):
        for name in _all_languages(msgid):
            flags[name] = lang
    return flags


# --- dates and statuses -------------------------------------------------------------------------------------


@cache
def _months() -> dict[str, int]:
    months: dict[str, int] = {}
    for lang in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale_for(lang)).items():
                months[fold(str(name)).rstrip(".")] = int(number)
    months["sept"] = 9
    return months


_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:er|st|nd|rd|th)?\s+([^\W\d_]+)\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


def parse_date(text: str) -> dt.date | None:
    """A day written as packs and people write it: "13 June 2024", "jeudi 1er juin 2024", "2024-06-13",
    "13/06/2024" (day first); None when ``text`` holds no day."""
    folded = fold(text.replace("\u00a0", " ").replace("\u202f", " "))
    try:
        if m := _ISO.search(folded):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _DAY_MONTH_YEAR.search(folded):
            month = _months().get(m.group(2).rstrip("."))
            if month:
                return dt.date(int(m.group(3)), month, int(m.group(1)))
        if m := _MONTH_DAY_YEAR.search(folded):
            month = _months().get(m.group(1).rstrip("."))
            if month:
                return dt.date(int(m.group(3)), month, int(m.group(2)))
        if m := _NUMERIC.search(folded):
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None
    return None


@cache
def status_names() -> dict[str, ActionStatus]:
    names = {}
    for value, message in lbl.ACTION_STATUSES.items():
        for lang in LANGUAGES:
            names[loose(_labels(lang).get(message))] = ActionStatus(value)
        names[loose(value.replace("_", " "))] = ActionStatus(value)
    names.update({"closed": ActionStatus.DONE, "complete": ActionStatus.DONE, "completed": ActionStatus.DONE,
                  "ongoing": ActionStatus.IN_PROGRESS, "termine": ActionStatus.DONE})  # fmt: skip
    return names


def status_of(text: str) -> ActionStatus | None:
    return status_names().get(loose(text))
