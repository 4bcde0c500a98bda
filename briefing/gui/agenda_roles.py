"""What each row of the builder's agenda shows, role by role: an agenda item's number and title, a topic
heading's title, tick and French summary, an item's kind, text, tick and French marker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from briefing.gui.agenda_entries import AgendaEntry, Labels, TopicGroup

AGENDA_ROLE = Qt.ItemDataRole.UserRole
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
TOPIC_ROLE = Qt.ItemDataRole.UserRole + 2
"""The item's key (historical name)."""
TOPIC_KEY_ROLE = Qt.ItemDataRole.UserRole + 3
FRENCH_ROLE = Qt.ItemDataRole.UserRole + 4
"""An item's French: "missing", "stale" or ""; a topic's: the worst of its items'."""
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 5
""""agenda", "topic" or "item"."""
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 6
"""A topic heading's title and the summary of its French (shown whole after the title, which is elided)."""
STATE_COLOURS = {"missing": "#b00020", "stale": "#b35c00"}
"""The colour of an item whose French is missing or stale (as the text boxes show these states)."""


def one_line(text: str) -> str:
    return " ".join(text.split())


class RowWords:
    """The words, ticks and colours of the agenda's rows (mixed into the agenda's model)."""

    labels: Labels
    brushes: dict[str, QBrush]
    _kinds: dict[object, str]

    def _kind(self, kind: object) -> str:
        name = self._kinds.get(kind)
        if name is None:
            name = self._kinds[kind] = self.labels.kind(kind)
        return name

    def topic_french(self, entry: AgendaEntry, group: TopicGroup) -> tuple[int, str]:
        """How many of the topic's items lack an up-to-date French, and the worst state among them."""
        states = [entry.french_of(i) for i in group.items]
        lacking = sum(1 for state in states if state)
        worst = "missing" if "missing" in states else "stale" if "stale" in states else ""
        return lacking, worst

    def topic_check(self, entry: AgendaEntry, group: TopicGroup) -> Qt.CheckState:
        on = sum(1 for i in group.items if entry.items[i].included)
        if on == 0:
            return Qt.CheckState.Unchecked
        return Qt.CheckState.Checked if on == len(group.items) else Qt.CheckState.PartiallyChecked

    def _agenda_data(self, entry: AgendaEntry, role: int) -> Any:
        row, labels = entry.row, self.labels
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.number}. {one_line(row.title(labels.lang))}"
        if role == Qt.ItemDataRole.ToolTipRole:
            topics = "\n".join(f"• {row.topic_title(key, labels.lang)}" for key in row.topic_keys)
            heading = f"{row.number}. {row.title(labels.lang)}"
            return f"{heading}\n{labels.topics}\n{topics}" if topics else f"{heading}\n{labels.no_topic}"
        if role == AGENDA_ROLE:
            return row.agenda_item_id
        if role == LEVEL_ROLE:
            return "agenda"
        return None

    def _topic_data(self, entry: AgendaEntry, group: TopicGroup, role: int) -> Any:
        row, labels = entry.row, self.labels
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            title = one_line(row.topic_title(group.key, labels.lang))
            lacking, _worst = self.topic_french(entry, group)
            summary = ""
            if lacking:
                summary = labels.without_french.replace("%1", str(lacking)).replace(
                    "%2", str(len(group.items))
                )
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{title} — ⚠ {summary}" if summary else title
            return f"{title}\n⚠ {summary}" if summary else f"{title}\n{labels.all_french}".rstrip()
        if role == SUMMARY_ROLE:
            lacking, _worst = self.topic_french(entry, group)
            if not lacking:
                return None
            summary = labels.without_french.replace("%1", str(lacking)).replace("%2", str(len(group.items)))
            return (one_line(row.topic_title(group.key, labels.lang)), f" — ⚠ {summary}")
        if role == Qt.ItemDataRole.CheckStateRole:
            return self.topic_check(entry, group) if group.items else None
        if role == Qt.ItemDataRole.ForegroundRole:
            _lacking, worst = self.topic_french(entry, group)
            return self.brushes.get(worst)
        if role == Qt.ItemDataRole.FontRole:
            return None
        if role == AGENDA_ROLE:
            return row.agenda_item_id
        if role == TOPIC_KEY_ROLE:
            return group.key
        if role == FRENCH_ROLE:
            return self.topic_french(entry, group)[1]
        if role == LEVEL_ROLE:
            return "topic"
        return None

    def _item_data(self, entry: AgendaEntry, group: TopicGroup, position: int, role: int) -> Any:
        item, labels = entry.items[position], self.labels
        state = entry.french_of(position)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            lang = labels.lang
            text = item.texts.get(lang) or item.texts.get("en") or next(iter(item.texts.values()), "")
            marker = labels.french.get(state, "") if state else ""
            if role == Qt.ItemDataRole.DisplayRole:
                label = f"[{self._kind(item.kind)}] {one_line(text)[:120]}"
                return f"⚠ {label}" if marker else label
            tip = f"{entry.row.topic_title(group.key, lang)}\n{text}"
            return f"{tip}\n⚠ {marker}" if marker else tip
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item.included else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.brushes.get(state)
        if role == AGENDA_ROLE:
            return entry.row.agenda_item_id
        if role == ITEM_ROLE:
            return item.item_id
        if role == TOPIC_ROLE:
            return item.item_key
        if role == TOPIC_KEY_ROLE:
            return item.topic_key
        if role == FRENCH_ROLE:
            return state
        if role == LEVEL_ROLE:
            return "item"
        return None
