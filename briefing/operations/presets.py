"""Named presets: a meeting's selection saved under a name, and applied again."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefing.errors import N_, BriefingError, NotFoundError
from briefing.model import SelectionPreset
from briefing.operations.base import Change, Changed, ChangeKey, Target, unit_of_work
from briefing.operations.selection import AgendaChange, AgendaState, restore_agenda
from briefing.selection import PackSelection, load_pack_selection


@dataclass(frozen=True)
class PresetChange(Change):
    """A named preset of a meeting was saved, replaced or deleted (``None``: no preset of that name)."""

    meeting_slug: str
    name: str
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    changed: Changed = Changed.PRESETS

    def revert(self, target: Target) -> PresetChange:
        return write_preset(target, self.meeting_slug, self.name, self.old)

    @property
    def keys(self) -> frozenset[ChangeKey]:
        return frozenset({("meeting", self.meeting_slug), ("preset", self.name)})


def preset_data(selection: PackSelection) -> dict[str, Any]:
    """The meeting's current selection as preset data: per agenda item, the included item keys in order."""
    return {"agenda": [[item.key for item in a.included] for a in selection.agenda]}


def write_preset(target: Target, meeting_slug: str, name: str, data: dict[str, Any] | None) -> PresetChange:
    """Store ``data`` as the preset ``name`` (None deletes it)."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(meeting_slug)
        existing = next((p for p in meeting.presets if p.name == name), None)
        old = dict(existing.data) if existing is not None else None
        if data is None:
            if existing is not None:
                meeting.presets.remove(existing)
        elif existing is None:
            meeting.presets.append(SelectionPreset(name=name, data=dict(data)))
        else:
            existing.data = dict(data)
        uow.flush()
        return PresetChange(meeting_slug, name, old, data)


def save_preset(target: Target, meeting_slug: str, name: str) -> PresetChange:
    """Save the meeting's current selection under ``name`` (replacing a preset of that name)."""
    name = name.strip()
    if not name:
        raise BriefingError(N_("A preset needs a name."))
    with unit_of_work(target) as uow:
        data = preset_data(load_pack_selection(uow, meeting_slug))
        return write_preset(uow, meeting_slug, name, data)


def delete_preset(target: Target, meeting_slug: str, name: str) -> PresetChange:
    return write_preset(target, meeting_slug, name, None)


def preset_names(target: Target, meeting_slug: str) -> list[str]:
    with unit_of_work(target) as uow:
        return [p.name for p in uow.meetings.require(meeting_slug).presets]


def apply_preset(target: Target, meeting_slug: str, name: str) -> AgendaChange:
    """Select, agenda item by agenda item, the items the preset names, in its order; the rest unchecked."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(meeting_slug)
        preset = next((p for p in meeting.presets if p.name == name), None)
        if preset is None:
            raise NotFoundError(N_("No preset named “{name}” for this meeting."), name=name)
        selection = load_pack_selection(uow, meeting.id)
        states: dict[int, AgendaState] = {}
        for agenda_item, keys in zip(selection.agenda, preset.data.get("agenda", []), strict=False):
            candidates = agenda_item.candidates
            by_key = {item.key: item for item in candidates}
            chosen = [by_key[k].id for k in keys if k in by_key]
            rest = [(item.id, False) for item in candidates if item.id not in set(chosen)]
            entries = tuple((i, True) for i in chosen) + tuple(rest)
            states[agenda_item.id] = AgendaState(agenda_item.topic_ids, False, entries)
        return restore_agenda(uow, states)
