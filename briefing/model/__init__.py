"""The library model: policy areas, topics, items, translations, actions, participants and meetings.

The closed vocabularies (:mod:`briefing.model.enums`) are plain Python; the mapped classes need SQLAlchemy, which
takes a good part of the desktop app's start-up to import. This package therefore loads lazily (PEP 562):
``from briefing.model import Marking`` imports only the enums, and the first mapped class asked for imports every
mapped module at once, so the mappers always see the whole schema.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from briefing.model.enums import (
    SOURCE_LANGUAGE,
    ActionStatus,
    ItemKind,
    Marking,
    MeetingKind,
    TextStatus,
)

if TYPE_CHECKING:
    from briefing.model.actions import Action
    from briefing.model.base import Base
    from briefing.model.library import Area, Item, Topic, TopicSource
    from briefing.model.meetings import (
        AgendaItem,
        AgendaTopic,
        Meeting,
        MeetingObjective,
        SelectionEntry,
        SelectionPreset,
    )
    from briefing.model.people import MeetingParticipant, Participant
    from briefing.model.texts import TextBlock, Translation, fingerprint

_MAPPED: dict[str, str] = {
    "Action": "actions",
    "Base": "base",
    "Area": "library",
    "Item": "library",
    "Topic": "library",
    "TopicSource": "library",
    "AgendaItem": "meetings",
    "AgendaTopic": "meetings",
    "Meeting": "meetings",
    "MeetingObjective": "meetings",
    "SelectionEntry": "meetings",
    "SelectionPreset": "meetings",
    "MeetingParticipant": "people",
    "Participant": "people",
    "TextBlock": "texts",
    "Translation": "texts",
    "fingerprint": "texts",
}
"""Name → submodule of everything that needs SQLAlchemy."""


def load_mapped_classes() -> None:
    """Import every mapped module (and SQLAlchemy) now, and make their names attributes of this package."""
    namespace = globals()
    for name, module in _MAPPED.items():
        if name not in namespace:
            namespace[name] = getattr(importlib.import_module(f"briefing.model.{module}"), name)


def __getattr__(name: str) -> Any:
    if name in _MAPPED:
        load_mapped_classes()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_MAPPED))


__all__ = [
    "SOURCE_LANGUAGE",
    "Action",
    "ActionStatus",
    "AgendaItem",
    "AgendaTopic",
    "Area",
    "Base",
    "Item",
    "ItemKind",
    "Marking",
    "Meeting",
    "MeetingKind",
    "MeetingObjective",
    "MeetingParticipant",
    "Participant",
    "SelectionEntry",
    "SelectionPreset",
    "TextBlock",
    "TextStatus",
    "Topic",
    "TopicSource",
    "Translation",
    "fingerprint",
]
