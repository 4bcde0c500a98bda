"""Operations the desktop app (and its undo stack) calls to change the library; no Qt here.

Each operation takes a :class:`~briefing.store.Library` (or an open :class:`~briefing.store.UnitOfWork`) and
keys or ids, does one unit of work, and returns a :class:`Change` describing what changed. ``change.revert(target)``
applies the inverse operation and returns its own change, so undo and redo are ``revert`` called in turn::

    change = set_text(library, block_id, "fr", "Nouveau texte")
    undone = change.revert(library)   # the French text as it was
    redone = undone.revert(library)   # "Nouveau texte" again
"""

from briefing.operations.agenda import (
    add_agenda_item,
    delete_agenda_item,
    move_agenda_item,
    rename_agenda_item,
)
from briefing.operations.base import (
    Batch,
    Change,
    Changed,
    ChangeKey,
    Created,
    Deleted,
    Rows,
    Target,
    restore,
)
from briefing.operations.library import (
    FieldsChange,
    Moved,
    add_item,
    create_topic,
    delete_item,
    delete_topic,
    move_item,
    update_item,
    update_topic,
)
from briefing.operations.meeting_details import (
    LocationChange,
    add_objective,
    delete_objective,
    move_objective,
    rename_meeting,
    restore_location,
    set_meeting_location,
)
from briefing.operations.meeting_participants import (
    ParticipantsChange,
    add_participant_to_meeting,
    move_meeting_participant,
    remove_participant_from_meeting,
    set_meeting_participants,
)
from briefing.operations.meetings import (
    copy_meeting,
    create_meeting,
    delete_meeting,
    update_meeting,
)
from briefing.operations.people import (
    add_action,
    add_participant,
    delete_action,
    delete_participant,
    update_action,
    update_participant,
)
from briefing.operations.presets import (
    PresetChange,
    apply_preset,
    delete_preset,
    preset_names,
    save_preset,
    write_preset,
)
from briefing.operations.selection import (
    AgendaChange,
    AgendaState,
    SelectionRow,
    add_topic_to_agenda,
    move_agenda_topic,
    move_selection_item,
    remove_topic_from_agenda,
    reorder_selection,
    restore_agenda,
    selection_rows,
    set_item_included,
    set_items_included,
)
from briefing.operations.texts import (
    TextChange,
    TextSnapshot,
    mark_reviewed,
    restore_text,
    set_text,
    set_text_list,
    set_texts,
    text_states,
)

__all__ = [
    "AgendaChange",
    "AgendaState",
    "Batch",
    "Change",
    "ChangeKey",
    "Changed",
    "Created",
    "Deleted",
    "FieldsChange",
    "LocationChange",
    "Moved",
    "ParticipantsChange",
    "PresetChange",
    "Rows",
    "SelectionRow",
    "Target",
    "TextChange",
    "TextSnapshot",
    "add_action",
    "add_agenda_item",
    "add_item",
    "add_objective",
    "add_participant",
    "add_participant_to_meeting",
    "add_topic_to_agenda",
    "apply_preset",
    "copy_meeting",
    "create_meeting",
    "create_topic",
    "delete_action",
    "delete_agenda_item",
    "delete_item",
    "delete_meeting",
    "delete_objective",
    "delete_participant",
    "delete_preset",
    "delete_topic",
    "mark_reviewed",
    "move_agenda_item",
    "move_agenda_topic",
    "move_item",
    "move_meeting_participant",
    "move_objective",
    "move_selection_item",
    "preset_names",
    "remove_participant_from_meeting",
    "remove_topic_from_agenda",
    "rename_agenda_item",
    "rename_meeting",
    "reorder_selection",
    "restore",
    "restore_agenda",
    "restore_location",
    "restore_text",
    "save_preset",
    "selection_rows",
    "set_item_included",
    "set_items_included",
    "set_meeting_location",
    "set_meeting_participants",
    "set_text",
    "set_text_list",
    "set_texts",
    "text_states",
    "update_action",
    "update_item",
    "update_meeting",
    "update_participant",
    "update_topic",
    "write_preset",
]
