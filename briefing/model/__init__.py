"""The library model: policy areas, topics, items, translations, actions, participants and meetings."""

from briefing.model.actions import Action
from briefing.model.base import Base
from briefing.model.enums import (
    SOURCE_LANGUAGE,
    ActionStatus,
    ItemKind,
    Marking,
    MeetingKind,
    TextStatus,
)
from briefing.model.library import Area, Item, Topic
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
    "Translation",
    "fingerprint",
]
