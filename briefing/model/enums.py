"""Closed vocabularies of the library: item kinds, markings, statuses, meeting kinds."""

from __future__ import annotations

from enum import StrEnum

SOURCE_LANGUAGE = "en"
"""The language texts are written in unless a topic says otherwise."""

PACK_LANGUAGES = ("en", "fr")


class ItemKind(StrEnum):
    """What an item is, in the order a minister reads the slots of a section."""

    OBJECTIVE = "objective"
    LINE_TO_TAKE = "line_to_take"
    COUNTERPART_POSITION = "counterpart_position"
    BACKGROUND = "background"
    KEY_FACT = "key_fact"
    QA = "qa"
    PRESS_LINE = "press_line"

    @property
    def brief_order(self) -> int:
        """Position of this kind's slot inside a pack section."""
        return _BRIEF_ORDER[self]


class Marking(StrEnum):
    """Security and distribution markings, lowest first.

    LIMITE is a Council distribution marking rather than a classification; it ranks below the EU levels.
    """

    LIMITE = "LIMITE"
    RESTREINT_UE = "RESTREINT UE/EU RESTRICTED"
    CONFIDENTIEL_UE = "CONFIDENTIEL UE/EU CONFIDENTIAL"
    SECRET_UE = "SECRET UE/EU SECRET"
    TRES_SECRET_UE = "TRÈS SECRET UE/EU TOP SECRET"

    @property
    def rank(self) -> int:
        """1 for the lowest marking; no marking ranks 0."""
        return _RANK[self]

    @staticmethod
    def highest(markings: list[Marking | None]) -> Marking | None:
        """The highest of ``markings``, or None when none is marked."""
        present = [m for m in markings if m is not None]
        return max(present, key=lambda m: m.rank) if present else None


_BRIEF_ORDER = {kind: n for n, kind in enumerate(ItemKind)}
_RANK = {marking: n for n, marking in enumerate(Marking, start=1)}


class TextStatus(StrEnum):
    """Stored status of one language of a text. "Missing" is the absence of a row; "stale" is derived."""

    DRAFT = "draft"
    TRANSLATED = "translated"
    REVIEWED = "reviewed"


class TranslationState(StrEnum):
    """What a person sees about one language of a text: the stored status, or missing/stale."""

    MISSING = "missing"
    DRAFT = "draft"
    TRANSLATED = "translated"
    REVIEWED = "reviewed"
    STALE = "stale"
    SOURCE = "source"


class ActionStatus(StrEnum):
    """Progress of a follow-up action."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def is_closed(self) -> bool:
        return self in (ActionStatus.DONE, ActionStatus.CANCELLED)


class MeetingKind(StrEnum):
    """The kind of meeting a pack is prepared for."""

    COUNCIL = "council"
    BILATERAL = "bilateral"
    MULTILATERAL = "multilateral"
    OTHER = "other"


class PackMode(StrEnum):
    """The language(s) of a pack: one column, or both for the interpreter's copy."""

    EN = "en"
    FR = "fr"
    BILINGUAL = "bilingual"

    @property
    def languages(self) -> tuple[str, ...]:
        """The pack's columns, in order."""
        return ("en", "fr") if self is PackMode.BILINGUAL else (self.value,)


class CopyType(StrEnum):
    """Who a pack is for: the internal copy holds everything, the external one leaves internal items out."""

    INTERNAL = "internal"
    EXTERNAL = "external"
