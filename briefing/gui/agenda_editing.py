"""What the meeting builder does to its agenda: agenda items added, renamed, moved and removed, topics dropped
and removed, items put in or out of the pack and reordered. Each is one undo step, saved at once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel

from briefing.errors import BriefingError
from briefing.gui.background import URGENT
from briefing.gui.dialogs import TextsDialog
from briefing.operations import (
    Change,
    add_agenda_item,
    add_topic_to_agenda,
    delete_agenda_item,
    mark_reviewed,
    move_agenda_item,
    move_agenda_topic,
    move_selection_item,
    queries,
    remove_topic_from_agenda,
    rename_agenda_item,
    set_items_included,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from briefing.gui.agenda_entries import AgendaEntry
    from briefing.gui.agenda_model import RowKey
    from briefing.gui.agenda_tree import AgendaTree
    from briefing.gui.background import Background
    from briefing.gui.preview import LivePreview
    from briefing.gui.runner import Runner
    from briefing.store import Library

    class _Widget(QWidget):
        """What the agenda's edits use of the builder."""

        runner: Runner
        library: Library
        background: Background
        agenda: AgendaTree
        live: LivePreview
        notice: QLabel
        agenda_rows: list[queries.AgendaItemRow]
        agenda_shown: tuple[AgendaEntry, ...]

        @property
        def slug(self) -> str: ...

        @property
        def request_mode(self) -> str: ...

        def reload_agenda(self) -> None: ...

else:
    _Widget = object


class AgendaEditing(_Widget):
    """Mix in before the builder's Qt class: the edits of the agenda (the builder holds the widgets named here)."""

    def _ask(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value.strip() if ok and value.strip() else None

    def pack_lang(self) -> str:
        """The language the agenda shows its texts in (the pack's; English for a bilingual pack)."""
        return "fr" if self.request_mode == "fr" else "en"

    def agenda_row(self, agenda_id: int | None) -> queries.AgendaItemRow | None:
        return next((row for row in self.agenda_rows if row.agenda_item_id == agenda_id), None)

    def current_agenda_id(self) -> int | None:
        key = self.agenda.current_key()
        return key[0] if key is not None else None

    # --- agenda items -------------------------------------------------------------------------------------

    def add_agenda_item(self, title: str | None = None) -> None:
        if not self.slug:
            return
        title = title or self._ask(self.tr("Add agenda item"), self.tr("Title of the agenda item (English):"))
        if not title:
            return
        slug = self.slug
        self.runner.run(
            self.tr("Add agenda item"), lambda: add_agenda_item(self.library, slug, {"en": title})
        )

    def remove_agenda_item(self) -> None:
        agenda_id = self.current_agenda_id()
        if agenda_id is not None:
            self.runner.run(
                self.tr("Remove agenda item"), lambda: delete_agenda_item(self.library, agenda_id)
            )

    def rename_agenda_item(self, title: dict[str, str] | None = None) -> TextsDialog | None:
        """Rename the current agenda item in English and French (asked in a dialog unless ``title`` is given)."""
        row = self.agenda_row(self.current_agenda_id())
        if row is None:
            return None
        agenda_id = row.agenda_item_id

        def rename(texts: dict[str, str]) -> None:
            self.runner.run(
                self.tr("Rename agenda item"), lambda: rename_agenda_item(self.library, agenda_id, texts)
            )

        if title is not None:
            rename(title)
            return None
        dialog = TextsDialog(self, self.tr("Rename agenda item"), row.titles, rename)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def move_agenda_item(self, agenda_id: int, position: int) -> None:
        self.runner.run(
            self.tr("Reorder agenda"), lambda: move_agenda_item(self.library, agenda_id, position)
        )

    # --- topics -------------------------------------------------------------------------------------------

    def drop_topic(self, agenda_id: int, topic_key: str) -> None:
        self.runner.run(
            self.tr("Add topic to agenda item"),
            lambda: add_topic_to_agenda(self.library, agenda_id, topic_key),
        )

    def drop_topics(self, agenda_id: int, topic_keys: Sequence[str]) -> None:
        """Topics dropped onto an agenda item (from the library or another agenda item): one undo step for all.

        A topic already covered by another agenda item is added all the same (a topic may serve two), with a
        warning saying where it already is.
        """
        row = self.agenda_row(agenda_id)
        keys = [key for key in topic_keys if row is None or key not in row.topic_keys]
        self.warn_if_elsewhere(agenda_id, keys)
        if not keys:
            return
        if len(keys) == 1:
            self.drop_topic(agenda_id, keys[0])
            return
        self.runner.stack.beginMacro(self.tr("Add topics to agenda item"))
        try:
            for key in keys:
                self.drop_topic(agenda_id, key)
        finally:
            self.runner.stack.endMacro()

    def warn_if_elsewhere(self, agenda_id: int, topic_keys: Sequence[str]) -> None:
        """Say so when topics dropped on an agenda item are already on another one; hide the notice otherwise."""
        lang = self.pack_lang()
        lines = []
        for key in topic_keys:
            for row in self.agenda_rows:
                if row.agenda_item_id != agenda_id and key in row.topic_keys:
                    lines.append(
                        self.tr("“%1” is already on agenda item %2, “%3”: it will be in the pack twice.")
                        .replace("%1", row.topic_title(key, lang))
                        .replace("%2", str(row.number))
                        .replace("%3", row.title(lang))
                    )
        self.notice.setText("\n".join(lines))
        self.notice.setToolTip("\n".join(lines))
        self.notice.setVisible(bool(lines))

    def move_topic(self, agenda_id: int, topic_key: str, position: int) -> None:
        """Move a topic to index ``position`` among its agenda item's topics (the pack follows)."""
        self.runner.run(
            self.tr("Reorder topics"),
            lambda: move_agenda_topic(self.library, agenda_id, topic_key, position),
        )

    def remove_topic(self, agenda_id: int, topic_key: str) -> None:
        self.runner.run(
            self.tr("Remove topic from agenda item"),
            lambda: remove_topic_from_agenda(self.library, agenda_id, topic_key),
        )

    # --- items --------------------------------------------------------------------------------------------

    def move_item(self, agenda_id: int, item_id: int, position: int) -> None:
        self.runner.run(
            self.tr("Reorder items"), lambda: move_selection_item(self.library, agenda_id, item_id, position)
        )

    def move_current(self, step: int) -> None:
        """Move the current agenda item, topic among its agenda item's topics, or item among its topic's items,
        by ``step``."""
        move = self.move_of(self.agenda.current_key(), step)
        if move is not None:
            move()

    def move_of(self, key: RowKey | None, step: int) -> Callable[[], None] | None:
        """What moves the row ``key`` by ``step`` among its siblings, or None when it is first or last."""
        if key is None:
            return None
        agenda_id, topic_key, item_id = key
        entries = self.agenda.entries
        row = next((n for n, e in enumerate(entries) if e.row.agenda_item_id == agenda_id), None)
        if row is None:
            return None
        if topic_key is not None and item_id is None:
            keys = [group.key for group in entries[row].topics]
            at = keys.index(topic_key) + step if topic_key in keys else -1
            return partial(self.move_topic, agenda_id, topic_key, at) if 0 <= at < len(keys) else None
        if item_id is None:
            at = row + step
            return partial(self.move_agenda_item, agenda_id, at) if 0 <= at < len(entries) else None
        entry = entries[row]
        group = entry.topic_of(item_id)
        if group is None:
            return None
        siblings = [entry.items[i].item_id for i in group.items]
        at = siblings.index(item_id) + step
        if not 0 <= at < len(siblings):
            return None
        return partial(
            self.move_item, agenda_id, item_id, entry.item_ids().index(siblings[at])
        )  # to its place

    def set_included(self, agenda_id: int, item_id: int, included: bool) -> None:
        """Put an item in or out of the pack."""
        self.set_items_included(agenda_id, [item_id], included)

    def set_items_included(self, agenda_id: int, item_ids: Sequence[int], included: bool) -> None:
        """Put items (one, or a topic's) in or out of the pack, as one undo step.

        Unlike the builder's other edits, a tick is written on the background task: on a large meeting the write
        takes a few hundred milliseconds, which the window would otherwise spend frozen under the user's
        pointer. The agenda and the preview show the tick at once; the undo step is pushed (and the panels
        told) when the write is done, and a refused write shows why and reads the agenda again.
        """
        from briefing.gui.commands import OperationCommand

        if len(item_ids) == 1:
            text = self.tr("Include item") if included else self.tr("Exclude item")
        else:
            text = self.tr("Include items") if included else self.tr("Exclude items")
        library, runner, ids = self.library, self.runner, list(item_ids)
        self.agenda.agenda_model.show_inclusion(agenda_id, ids, included)
        self.live.show_inclusion(agenda_id, ids, included)

        def done(change: Change) -> None:
            runner.stack.push(
                OperationCommand(text, library, change, runner.report, runner.fail, self.agenda)
            )

        def failed(error: Exception) -> None:
            if isinstance(error, BriefingError):
                runner.fail(error)
            self.agenda_shown = ()  # the agenda shows the tick: show every row again, as the library holds it
            self.reload_agenda()

        self.background.query(
            lambda: set_items_included(library, agenda_id, ids, included),
            done,
            failed=failed,
            priority=URGENT,
        )

    def reviewable(self, item_ids: Sequence[int]) -> list[int]:
        """The texts of these items whose French can be marked reviewed (translated, from another language)."""
        selection = self.live.selection
        if selection is None:
            return []
        wanted = set(item_ids)
        items = [i for a in selection.agenda for i, _on in a.selection if i.id in wanted]
        seen: set[int] = set()
        blocks = []
        for item in items:
            for block in item.blocks():
                if block.text("fr") and block.source_lang != "fr" and block.block_id not in seen:
                    seen.add(block.block_id)
                    blocks.append(block.block_id)
        return blocks

    def mark_french_reviewed(self, item_ids: int | Sequence[int]) -> None:
        """Mark the French of every text of the items (one, or a topic's) reviewed, as one undo step."""
        blocks = self.reviewable([item_ids] if isinstance(item_ids, int) else item_ids)
        if not blocks:
            return
        self.runner.stack.beginMacro(self.tr("Mark French reviewed"))
        try:
            for block_id in blocks:
                self.runner.run(
                    self.tr("Mark French reviewed"), partial(mark_reviewed, self.library, block_id, "fr")
                )
        finally:
            self.runner.stack.endMacro()
