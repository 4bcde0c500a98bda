"""What the builder's agenda shows, made from a pack selection off the UI thread: agenda items, their topics as
headings, and each topic's items with the state of their French.

Plain records (no Qt): the background task makes them from the snapshot it read, the agenda's model shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.operations import SelectionRow
    from briefing.operations.queries import AgendaItemRow
    from briefing.selection import PackItem, PackSelection


@dataclass(frozen=True)
class TopicGroup:
    """A topic under an agenda item: its key and which of the agenda item's items are its own."""

    key: str
    items: tuple[int, ...]
    """Indexes into :attr:`AgendaEntry.items`, in pack order."""


@dataclass(frozen=True)
class AgendaEntry:
    """One agenda item as the agenda shows it: its row, its items in pack order, and its topics as headings."""

    row: AgendaItemRow
    items: tuple[SelectionRow, ...]
    french: tuple[str, ...] = ()
    """For each item, "missing" or "stale" when a text of it lacks an up-to-date French, else ""."""
    topics: tuple[TopicGroup, ...] = ()

    def french_of(self, index: int) -> str:
        return self.french[index] if index < len(self.french) else ""

    def shape(self) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """The topics and the ids of their items, in order: two entries of one shape differ only in their words,
        ticks and French."""
        return tuple((t.key, tuple(self.items[i].item_id for i in t.items)) for t in self.topics)

    def topic(self, key: str) -> TopicGroup | None:
        return next((t for t in self.topics if t.key == key), None)

    def topic_of(self, item_id: int) -> TopicGroup | None:
        return next((t for t in self.topics if any(self.items[i].item_id == item_id for i in t.items)), None)

    def item_ids(self) -> list[int]:
        """The ids of the items in pack order."""
        return [item.item_id for item in self.items]


def topic_groups(row: AgendaItemRow, items: Sequence[SelectionRow]) -> tuple[TopicGroup, ...]:
    """The agenda item's topics in agenda order, each with its items in pack order."""
    by_topic: dict[str, list[int]] = {key: [] for key in row.topic_keys}
    for index, item in enumerate(items):
        by_topic.setdefault(item.topic_key, []).append(index)
    return tuple(TopicGroup(key, tuple(indexes)) for key, indexes in by_topic.items())


def entry(row: AgendaItemRow, french: Sequence[str] = ()) -> AgendaEntry:
    """The agenda's entry of ``row`` (its items are the row's selection)."""
    return AgendaEntry(row, row.selection, tuple(french), topic_groups(row, row.selection))


def french_state(item: PackItem) -> str:
    """ "missing" or "stale" when one of the item's texts has no up-to-date French, "" otherwise."""
    from briefing.model.enums import TranslationState

    states = {block.state("fr") for block in item.blocks() if (block.source_text or "").strip()}
    if TranslationState.MISSING in states:
        return "missing"
    if TranslationState.STALE in states:
        return "stale"
    return ""


def entries_of(selection: PackSelection) -> tuple[AgendaEntry, ...]:
    """The agenda's entries of a meeting's pack selection (on the background task: no Qt, no database)."""
    from briefing.operations.queries import agenda_item_row

    return tuple(
        entry(agenda_item_row(agenda_item), [french_state(item) for item, _on in agenda_item.selection])
        for agenda_item in selection.agenda
    )


def changed_entries(before: Sequence[AgendaEntry], after: Sequence[AgendaEntry]) -> list[AgendaEntry] | None:
    """The entries of ``after`` that differ from ``before``; ``None`` when the agenda items themselves changed."""
    if [e.row.agenda_item_id for e in before] != [e.row.agenda_item_id for e in after]:
        return None
    return [new for old, new in zip(before, after, strict=True) if old != new]


@dataclass(frozen=True)
class Labels:
    """How the agenda words its rows, in the interface language (given by the builder, which translates them)."""

    lang: str
    """The language of the texts shown (the pack's)."""
    topics: str
    no_topic: str
    kind: Callable[[object], str]
    french: Mapping[str, str] = field(default_factory=dict)
    """The marker shown on an item whose French is "missing" or "stale"."""
    without_french: str = "%1 of %2 without current French"
    """The summary on a topic heading: %1 items of its %2 lack an up-to-date French."""
    all_french: str = ""
    """The tooltip of a topic heading whose items all have an up-to-date French."""
