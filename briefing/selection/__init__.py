"""The selection stage: what goes into a meeting's pack, read once as plain records.

library → **selection** → outline → renderer. :func:`load_pack_selection` reads a meeting's selection (agenda
items, their topics, every item with whether it goes in, texts with their translation states, participants,
actions in pack order) in a fixed number of statements; :mod:`briefing.selection.rules` holds the rules that
decide what goes in and in which order; :mod:`briefing.selection.pack` the records.
"""

from briefing.selection.load import load_pack_selection
from briefing.selection.pack import (
    PackAction,
    PackAgendaItem,
    PackItem,
    PackMeeting,
    PackParticipant,
    PackSelection,
    PackTopic,
    Texts,
)

__all__ = [
    "PackAction",
    "PackAgendaItem",
    "PackItem",
    "PackMeeting",
    "PackParticipant",
    "PackSelection",
    "PackTopic",
    "Texts",
    "load_pack_selection",
]
