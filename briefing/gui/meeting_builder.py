"""The meeting builder: agenda, what goes into the pack, presets, and a live preview with preflight."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import BriefingError
from briefing.gui.agenda_tree import (
    AGENDA_ROLE,
    FRENCH_ROLE,
    ITEM_ROLE,
    TOPIC_KEY_ROLE,
    TOPIC_ROLE,
    AgendaEntry,
    AgendaTree,
    Labels,
    changed_entries,
    entries_of,
)
from briefing.gui.background import URGENT
from briefing.gui.changes import ChangeAware, Changes, new_key
from briefing.gui.dialogs import TextsDialog
from briefing.gui.meeting_details import MeetingDetailsPanel
from briefing.gui.meeting_participants import MeetingParticipantsPanel
from briefing.gui.preflight_panel import PreflightPanel
from briefing.gui.preview import LivePreview, Pack
from briefing.gui.retranslate import Retranslating
from briefing.gui.runner import Runner
from briefing.gui.settings import BUILDER_COPY, BUILDER_MEETING, BUILDER_MODE, Settings
from briefing.gui.vocabulary import copy_names, kind_name, mode_names
from briefing.operations import (
    Change,
    Changed,
    add_agenda_item,
    add_topic_to_agenda,
    apply_preset,
    copy_meeting,
    create_meeting,
    delete_agenda_item,
    mark_reviewed,
    move_agenda_item,
    move_selection_item,
    preset_names,
    queries,
    remove_topic_from_agenda,
    rename_agenda_item,
    save_preset,
    set_item_included,
)

if TYPE_CHECKING:
    from briefing.assemble import PackRequest
    from briefing.selection import PackSelection

__all__ = ["AGENDA_ROLE", "ITEM_ROLE", "TOPIC_KEY_ROLE", "TOPIC_ROLE", "MeetingBuilder"]


@dataclass(frozen=True)
class AgendaUpdate:
    """A read's agenda: its entries, and those that changed since ``before`` (None: show them all again)."""

    slug: str
    before: tuple[AgendaEntry, ...]
    entries: tuple[AgendaEntry, ...]
    changed: list[AgendaEntry] | None


class MeetingBuilder(ChangeAware, Retranslating, QWidget):
    """Build a meeting's pack; every change is undoable and saved at once."""

    exportRequested = Signal()  # noqa: N815 - Qt signal naming
    jump = Signal(str, str)

    def __init__(self, runner: Runner, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.library = runner.library
        self.background = runner.background
        self._chosen = False
        self.meetings_read = False
        """Whether the meetings were read once (the builder then shows one, if there is any)."""
        self._when_read: list[Callable[[], object]] = []
        self.settings = settings
        self.ui_lang = "en"
        self.meetings: list[queries.MeetingRow] = []
        self.agenda_rows: list[queries.AgendaItemRow] = []
        self.agenda_shown: tuple[AgendaEntry, ...] = ()
        """The entries the agenda was last given (compared with a new read's, to update only what changed)."""
        self._agenda_slug = ""
        """The meeting whose agenda the tree shows."""
        self.loaded = False

        self.meeting = QComboBox(self)
        self.meeting.setObjectName("meeting")
        self.meeting.currentIndexChanged.connect(lambda _i: self._meeting_chosen())
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newMeeting")
        self.new_button.clicked.connect(partial(self.new_meeting, None))
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyMeeting")
        self.copy_button.clicked.connect(partial(self.copy_meeting, None))

        self._make_agenda()
        self.details = MeetingDetailsPanel(runner, self)
        self.details.setObjectName("meetingDetails")
        self.participants = MeetingParticipantsPanel(runner, self)
        self.participants.setObjectName("meetingParticipantsPanel")

        self._make_options()
        self._lay_out()

        self.live = LivePreview(
            self.background,
            self.library,
            self.preview,
            self.preflight,
            self.pack_request,
            self.focus_number,
            lambda: self.ui_lang,
            self,
            agenda=self._agenda_reader,
            read=self._pack_read,
        )
        self.agenda.currentItemChanged.connect(lambda _now, _before: self.live.refocus())
        self.mode.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.copy.currentIndexChanged.connect(lambda _i: self._options_changed())
        runner.changed.connect(self.on_changes)
        self.retranslateUi()

    def _make_agenda(self) -> None:
        self.agenda = AgendaTree(self)
        self.agenda.setObjectName("agenda")
        self.agenda.setHeaderHidden(True)
        self.agenda.itemChanged.connect(self._item_changed)
        self.agenda.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.agenda.customContextMenuRequested.connect(self._show_agenda_menu)
        self.notice = QLabel(self)
        self.notice.setObjectName("builderNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a5a00;")
        self.notice.hide()
        self.add_agenda_button = QPushButton(self)
        self.add_agenda_button.clicked.connect(partial(self.add_agenda_item, None))
        self.remove_agenda_button = QPushButton(self)
        self.remove_agenda_button.clicked.connect(self.remove_agenda_item)
        self.rename_agenda_button = QPushButton(self)
        self.rename_agenda_button.setObjectName("renameAgendaItem")
        self.rename_agenda_button.clicked.connect(partial(self.rename_agenda_item, None))
        self.remove_topic_button = QPushButton(self)
        self.remove_topic_button.setObjectName("removeTopic")
        self.remove_topic_menu = QMenu(self)
        self.remove_topic_menu.aboutToShow.connect(self.fill_remove_topic_menu)
        self.remove_topic_button.setMenu(self.remove_topic_menu)
        self.up_button = QPushButton(self)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(self)
        self.down_button.clicked.connect(lambda: self.move_current(1))

    def _make_options(self) -> None:
        self.presets = QComboBox(self)
        self.presets.setObjectName("presets")
        self.save_preset_button = QPushButton(self)
        self.save_preset_button.clicked.connect(partial(self.save_preset, None))
        self.apply_preset_button = QPushButton(self)
        self.apply_preset_button.clicked.connect(self.apply_preset)

        self.mode = QComboBox(self)
        self.mode.setObjectName("mode")
        self.copy = QComboBox(self)
        self.copy.setObjectName("copy")
        self.mode_label = QLabel(self)
        self.copy_label = QLabel(self)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.exportRequested.emit)

        self.preview = QTextBrowser(self)
        self.preview.setObjectName("preview")
        self.preview.setOpenLinks(False)
        self.preview.anchorClicked.connect(lambda url: self.preview.scrollToAnchor(url.fragment()))
        self.preflight = PreflightPanel(self)
        self.preflight.jump.connect(self.jump.emit)
        self.preflight.jumpText.connect(self.focus_text)

    def _agenda_page(self) -> QWidget:
        agenda_buttons = QHBoxLayout()
        for button in (self.add_agenda_button, self.rename_agenda_button, self.remove_agenda_button):
            agenda_buttons.addWidget(button)
        order_buttons = QHBoxLayout()
        for button in (self.remove_topic_button, self.up_button, self.down_button):
            order_buttons.addWidget(button)
        preset_row = QHBoxLayout()
        preset_row.addWidget(self.presets, 1)
        preset_row.addWidget(self.apply_preset_button)
        preset_row.addWidget(self.save_preset_button)
        agenda_page = QWidget(self)
        agenda_layout = QVBoxLayout(agenda_page)
        agenda_layout.addWidget(self.notice)
        agenda_layout.addWidget(self.agenda, 1)
        agenda_layout.addLayout(agenda_buttons)
        agenda_layout.addLayout(order_buttons)
        agenda_layout.addLayout(preset_row)
        return agenda_page

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.meeting, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.copy_button)
        details_scroll = QScrollArea(self)
        details_scroll.setWidgetResizable(True)
        details_scroll.setWidget(self.details)
        self.sections = QTabWidget(self)
        self.sections.setObjectName("meetingSections")
        self.sections.addTab(self._agenda_page(), "")
        self.sections.addTab(details_scroll, "")
        self.sections.addTab(self.participants, "")
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.sections, 1)
        options = QHBoxLayout()
        options.addWidget(self.mode_label)
        options.addWidget(self.mode)
        options.addWidget(self.copy_label)
        options.addWidget(self.copy)
        options.addStretch(1)
        options.addWidget(self.export_button)
        right_split = QSplitter(Qt.Orientation.Vertical, self)
        right_split.addWidget(self.preview)
        right_split.addWidget(self.preflight)
        right_split.setSizes([500, 160])
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(options)
        right_layout.addWidget(right_split, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([380, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    # --- language -----------------------------------------------------------------------------------------

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.meeting.setAccessibleName(self.tr("Meeting"))
        self.new_button.setText(self.tr("New meeting…"))
        self.copy_button.setText(self.tr("Copy meeting…"))
        self.copy_button.setToolTip(
            self.tr("A new meeting with this meeting's agenda, selection and presets")
        )
        self.agenda.setAccessibleName(self.tr("Agenda: check the items that go into the pack"))
        self.agenda.setToolTip(
            self.tr("Drag topics from the library onto an agenda item; drag items to reorder")
        )
        self.add_agenda_button.setText(self.tr("Add agenda item…"))
        self.remove_agenda_button.setText(self.tr("Remove agenda item"))
        self.rename_agenda_button.setText(self.tr("Rename…"))
        self.rename_agenda_button.setToolTip(self.tr("Rename the agenda item, in English and French"))
        self.remove_topic_button.setText(self.tr("Remove topic"))
        self.remove_topic_button.setToolTip(self.tr("Stop the agenda item covering one of its topics"))
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))
        self.up_button.setToolTip(self.tr("Move the agenda item or the item up"))
        self.down_button.setToolTip(self.tr("Move the agenda item or the item down"))
        self.sections.setTabText(0, self.tr("Agenda"))
        self.sections.setTabText(1, self.tr("Details"))
        self.sections.setTabText(2, self.tr("Participants"))
        self.presets.setAccessibleName(self.tr("Presets"))
        self.save_preset_button.setText(self.tr("Save preset…"))
        self.apply_preset_button.setText(self.tr("Apply preset"))
        self.mode_label.setText(self.tr("Language"))
        self.copy_label.setText(self.tr("Copy"))
        self.mode.setAccessibleName(self.tr("Language of the pack"))
        self.copy.setAccessibleName(self.tr("Copy type"))
        self.export_button.setText(self.tr("Export…"))
        self.preview.setAccessibleName(self.tr("Preview of the pack"))
        self._fill(self.mode, mode_names(), self.settings[BUILDER_MODE])
        self._fill(self.copy, copy_names(), self.settings[BUILDER_COPY])
        if self.loaded:
            self.relabel_agenda()

    def _fill(self, combo: QComboBox, entries: list[tuple[str, str]], default: str) -> None:
        current = combo.currentData() or default
        combo.blockSignals(True)
        combo.clear()
        for value, text in entries:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    # --- loading ------------------------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        self.ui_lang = lang
        self.participants.set_language(lang)
        if self.loaded:
            self._fill_meetings(self.slug)
            self.live.relanguage()  # preflight speaks the interface language

    def load(self) -> None:
        """Read the meetings the first time the builder is shown."""
        if not self.loaded:
            self.loaded = True
            self.reload_meetings()

    def when_read(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once the meetings are read (at once if they are)."""
        if self.meetings_read:
            callback()
            return
        self._when_read.append(callback)
        self.load()

    def refresh(self) -> None:
        """Read everything the builder shows again (it changed while the builder was hidden)."""
        if self.loaded:
            self.reload_meetings(reload=True)

    def idle(self) -> bool:
        """Whether the builder shows what the library holds: no read, fill or preview on its way."""
        return not (
            self.background.busy() or self.agenda.filling or self.live.pending() or self.preflight.filling
        )

    @property
    def slug(self) -> str:
        return str(self.meeting.currentData() or "")

    @property
    def request_mode(self) -> str:
        return str(self.mode.currentData() or "en")

    @property
    def request_copy(self) -> str:
        return str(self.copy.currentData() or "internal")

    def pack_request(self) -> PackRequest | None:
        from briefing.assemble import PackRequest

        if not self.slug:
            return None
        return PackRequest(self.slug, self.request_mode, self.request_copy, allow_missing=True)

    def reload_meetings(self, select: str | None = None, *, reload: bool = False) -> None:
        """Read the meetings (on the background task) and show ``select``, or the meeting shown, or the last one.

        The agenda, presets and preview are read again when another meeting is chosen, or with ``reload``.
        """
        library = self.library

        def read() -> list[queries.MeetingRow]:
            return queries.meetings(library)

        def done(rows: list[queries.MeetingRow]) -> None:
            self.meetings = rows
            self.meetings_read = True
            before = self.slug
            self._fill_meetings(select or before or self.settings[BUILDER_MEETING])
            if reload or self.slug != before or not self._chosen:
                self._meeting_chosen()
            waiting, self._when_read = self._when_read, []
            for callback in waiting:
                callback()

        def failed(error: Exception) -> None:
            self._show_error(error)

        self.background.query(read, done, failed=failed, priority=URGENT)

    def _fill_meetings(self, wanted: str) -> None:
        self.meeting.blockSignals(True)
        self.meeting.clear()
        for row in self.meetings:
            when = row.starts_on.isoformat() if row.starts_on else "—"
            self.meeting.addItem(f"{row.title(self.ui_lang)} ({when})", row.slug)
        self.meeting.setCurrentIndex(max(0, self.meeting.findData(wanted)))
        self.meeting.blockSignals(False)

    def _meeting_chosen(self) -> None:
        self._chosen = True
        if self.slug:
            self.settings[BUILDER_MEETING] = self.slug
        self.reload_presets()
        self.details.show_meeting(self.slug)
        self.participants.show_meeting(self.slug)
        self.reload_agenda()

    def reload_presets(self) -> None:
        slug, library = self.slug, self.library
        if not slug:
            self.presets.clear()
            return

        def done(names: list[str]) -> None:
            if slug != self.slug:
                return
            current = self.presets.currentData()
            self.presets.clear()
            for name in names:
                self.presets.addItem(name, name)
            self.presets.setCurrentIndex(max(0, self.presets.findData(current)))

        def failed(_error: Exception) -> None:
            pass  # the meeting went away; the meetings' reload chooses another

        self.background.query(
            lambda: preset_names(library, slug),
            done,
            failed=failed,
            channel="builder.presets",
            priority=URGENT,
        )

    def _labels(self) -> Labels:
        lang = "fr" if self.request_mode == "fr" else "en"
        french = {"missing": self.tr("no French"), "stale": self.tr("French out of date")}
        return Labels(lang, self.tr("Topics:"), self.tr("No topic yet"), kind_name, french)  # type: ignore[arg-type]

    def reload_agenda(self) -> None:
        """Read the meeting's selection again (on the background task): agenda, preview and preflight follow."""
        if not self.slug:
            self.agenda_rows = []
            self.agenda_shown = ()
            self._agenda_slug = ""
            self.agenda.show_agenda([], self._labels())
        self.live.update_now()

    def _agenda_reader(self) -> Callable[[PackSelection], AgendaUpdate]:
        """What makes the agenda's rows of a read queued now, and which of them changed (off the UI thread)."""
        before, slug, shown = self.agenda_shown, self.slug, self._agenda_slug

        def make(selection: PackSelection) -> AgendaUpdate:
            entries = entries_of(selection)
            changed = changed_entries(before, entries) if slug == shown else None
            return AgendaUpdate(slug, before, entries, changed)

        return make

    def _pack_read(self, pack: Pack) -> None:
        """A read arrived: show its agenda, updating only the agenda items that changed when it can."""
        update = pack.agenda
        if not isinstance(update, AgendaUpdate) or update.slug != self.slug:
            return
        changed = update.changed if update.before is self.agenda_shown else None
        if changed is None:
            self.agenda.show_agenda(update.entries, self._labels())
        elif changed:
            self.agenda.update_entries(changed, self._labels())
        self.agenda_shown = update.entries
        self._agenda_slug = update.slug
        self.agenda_rows = [entry.row for entry in update.entries]

    def relabel_agenda(self) -> None:
        """Word the tree again (language, pack language) from the rows it was given: no read."""
        self.agenda.relabel(self._labels())

    def on_changes(self, changes: Changes, initiator: object | None) -> None:
        """Refresh what a change touched: in place when the change says which agenda items, else read again."""
        if not self.loaded:
            return
        if not self.isVisible():
            self._dirty = True  # read again when shown
            return
        self.details.on_changes(changes, initiator)
        self.participants.on_changes(changes, initiator)
        title = self.details.view.title.block_id if self.details.view is not None else None
        if changes.touches(Changed.MEETINGS) or (
            changes.touches(Changed.TEXT) and changes.about("text", title)
        ):
            self.reload_meetings()
        if changes.touches(Changed.PRESETS):
            self.reload_presets()
        if changes.kinds & ~Changed.PRESETS:
            self.schedule_preview()  # one read: agenda, preview and preflight

    def _options_changed(self) -> None:
        self.settings[BUILDER_MODE] = self.request_mode
        self.settings[BUILDER_COPY] = self.request_copy
        if self.loaded:
            self.relabel_agenda()
            self.schedule_preview()

    # --- preview ------------------------------------------------------------------------------------------

    def focus_number(self) -> int | None:
        """The number of the agenda item being worked on (the preview of a long pack shows its part)."""
        item = self.agenda.currentItem()
        if item is None:
            return None
        node = item.parent() or item
        return self.agenda.indexOfTopLevelItem(node) + 1

    def schedule_preview(self) -> None:
        self.live.schedule()

    def update_preview(self) -> None:
        """Assemble the pack as the Word file would have it and show it, with preflight's findings (off the UI
        thread: the preview changes when the result arrives)."""
        self.live.update_now()

    def _show_error(self, error: Exception) -> None:
        if isinstance(error, BriefingError):
            self.runner.fail(error)

    # --- editing ------------------------------------------------------------------------------------------

    def _ask(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value.strip() if ok and value.strip() else None

    def new_meeting(self, title: str | None = None) -> None:
        title = title or self._ask(self.tr("New meeting"), self.tr("Title of the meeting (English):"))
        if not title:
            return
        change = self.runner.run(self.tr("New meeting"), lambda: create_meeting(self.library, {"en": title}))
        if change is not None:
            self.reload_meetings(select=new_key(change, "meeting"))

    def copy_meeting(self, title: str | None = None) -> None:
        if not self.slug:
            return
        source = self.slug
        current = next((m.title("en") for m in self.meetings if m.slug == source), "")
        title = title or self._ask(
            self.tr("Copy meeting"), self.tr("Title of the new meeting (English):"), current
        )
        if not title:
            return
        change = self.runner.run(
            self.tr("Copy meeting"), lambda: copy_meeting(self.library, source, title={"en": title})
        )
        if change is not None:
            self.reload_meetings(select=new_key(change, "meeting"))

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

    def current_agenda_id(self) -> int | None:
        item = self.agenda.currentItem()
        return int(item.data(0, AGENDA_ROLE)) if item is not None else None

    def remove_agenda_item(self) -> None:
        agenda_id = self.current_agenda_id()
        if agenda_id is not None:
            self.runner.run(
                self.tr("Remove agenda item"), lambda: delete_agenda_item(self.library, agenda_id)
            )

    def drop_topic(self, agenda_id: int, topic_key: str) -> None:
        self.runner.run(
            self.tr("Add topic to agenda item"),
            lambda: add_topic_to_agenda(self.library, agenda_id, topic_key),
        )

    def drop_topics(self, agenda_id: int, topic_keys: Sequence[str]) -> None:
        """Topics dropped from the library onto an agenda item: one undo step for all of them.

        A topic already covered by another agenda item is added all the same (a topic may serve two), with a
        warning saying where it already is.
        """
        self.warn_if_elsewhere(agenda_id, topic_keys)
        if len(topic_keys) == 1:
            self.drop_topic(agenda_id, topic_keys[0])
            return
        self.runner.stack.beginMacro(self.tr("Add topics to agenda item"))
        try:
            for key in topic_keys:
                self.drop_topic(agenda_id, key)
        finally:
            self.runner.stack.endMacro()

    def warn_if_elsewhere(self, agenda_id: int, topic_keys: Sequence[str]) -> None:
        """Say so when topics dropped on an agenda item are already on another one; hide the notice otherwise."""
        lang = "fr" if self.request_mode == "fr" else "en"
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
        self.notice.setVisible(bool(lines))

    def focus_text(self, topic_key: str, item_key: str, lang: str) -> None:
        """A finding was opened: put the cursor in the box that needs work (the topic editor shows the topic)."""
        editor = getattr(self.window(), "topic_editor", None)
        if editor is not None and item_key and lang and hasattr(editor, "focus_text"):
            editor.focus_text(item_key, lang)

    # --- the agenda's context menu ------------------------------------------------------------------------

    def _show_agenda_menu(self, point: QPoint) -> None:
        menu = self.agenda_menu(self.agenda.itemAt(point))
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.agenda.viewport().mapToGlobal(point))

    def agenda_menu(self, node: QTreeWidgetItem | None) -> QMenu | None:
        """What can be done to an agenda row: an item (in or out, French reviewed, its topic removed, opened)
        or an agenda item (renamed, removed)."""
        if node is None:
            return None
        self.agenda.setCurrentItem(node)
        menu = QMenu(self)
        menu.setObjectName("agendaMenu")
        agenda_id = int(node.data(0, AGENDA_ROLE))
        if node.parent() is None:
            menu.addAction(self.tr("Rename…"), partial(self.rename_agenda_item, None))
            menu.addAction(self.tr("Remove agenda item"), self.remove_agenda_item)
            return menu
        item_id = int(node.data(0, ITEM_ROLE))
        topic_key, item_key = str(node.data(0, TOPIC_KEY_ROLE)), str(node.data(0, TOPIC_ROLE))
        included = node.checkState(0) == Qt.CheckState.Checked
        menu.addAction(
            self.tr("Leave out of the pack") if included else self.tr("Put in the pack"),
            partial(self.set_included, agenda_id, item_id, not included),
        )
        review = menu.addAction(self.tr("Mark French reviewed"), partial(self.mark_french_reviewed, item_id))
        review.setObjectName("markFrenchReviewed")
        french = str(node.data(0, FRENCH_ROLE) or "")
        review.setEnabled(french == "")
        if french == "stale":
            review.setToolTip(self.tr("Open the item to see what changed in the English first"))
        menu.addAction(self.tr("Open in the topic editor"), partial(self.jump.emit, topic_key, item_key))
        row = self.agenda_row(agenda_id)
        title = row.topic_title(topic_key, self._labels().lang) if row is not None else topic_key
        menu.addAction(
            self.tr("Remove topic “%1” from this agenda item").replace("%1", title),
            partial(self.remove_topic, agenda_id, topic_key),
        )
        return menu

    def mark_french_reviewed(self, item_id: int) -> None:
        """Mark the French of every text of an item reviewed, as one undo step."""
        selection = self.live.selection
        item = None
        if selection is not None:
            item = next((i for a in selection.agenda for i, _on in a.selection if i.id == item_id), None)
        if item is None:
            return
        blocks = [b.block_id for b in item.blocks() if b.text("fr") and b.source_lang != "fr"]
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

    def agenda_row(self, agenda_id: int | None) -> queries.AgendaItemRow | None:
        return next((row for row in self.agenda_rows if row.agenda_item_id == agenda_id), None)

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

    def fill_remove_topic_menu(self) -> None:
        """The topics of the current agenda item, each an action removing it."""
        self.remove_topic_menu.clear()
        row = self.agenda_row(self.current_agenda_id())
        if row is None or not row.topic_keys:
            action = self.remove_topic_menu.addAction(self.tr("No topic on this agenda item"))
            action.setEnabled(False)
            return
        lang = "fr" if self.request_mode == "fr" else "en"
        for key in row.topic_keys:
            action = self.remove_topic_menu.addAction(row.topic_title(key, lang))
            action.setData(key)
            action.triggered.connect(partial(self.remove_topic, row.agenda_item_id, key))

    def remove_topic(self, agenda_id: int, topic_key: str) -> None:
        self.runner.run(
            self.tr("Remove topic from agenda item"),
            lambda: remove_topic_from_agenda(self.library, agenda_id, topic_key),
        )

    def move_agenda_item(self, agenda_id: int, position: int) -> None:
        self.runner.run(
            self.tr("Reorder agenda"), lambda: move_agenda_item(self.library, agenda_id, position)
        )

    def move_item(self, agenda_id: int, item_id: int, position: int) -> None:
        self.runner.run(
            self.tr("Reorder items"), lambda: move_selection_item(self.library, agenda_id, item_id, position)
        )

    def move_current(self, step: int) -> None:
        """Move the current agenda item, or the current item within its agenda item, by ``step``."""
        item = self.agenda.currentItem()
        if item is None:
            return
        parent = item.parent()
        if parent is None:
            position = self.agenda.indexOfTopLevelItem(item) + step
            if 0 <= position < self.agenda.topLevelItemCount():
                self.move_agenda_item(int(item.data(0, AGENDA_ROLE)), position)
            return
        position = parent.indexOfChild(item) + step
        if 0 <= position < parent.childCount():
            self.move_item(int(item.data(0, AGENDA_ROLE)), int(item.data(0, ITEM_ROLE)), position)

    def _item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        """A checkbox was clicked: apply it once Qt is done with the row (the tree is rebuilt afterwards)."""
        if item.parent() is None:
            return
        included = item.checkState(0) == Qt.CheckState.Checked
        agenda_id, item_id = int(item.data(0, AGENDA_ROLE)), int(item.data(0, ITEM_ROLE))
        QTimer.singleShot(0, partial(self.set_included, agenda_id, item_id, included))

    def set_included(self, agenda_id: int, item_id: int, included: bool) -> None:
        """Put an item in or out of the pack.

        Unlike the builder's other edits, a tick is written on the background task: on a large meeting the write
        takes a few hundred milliseconds, which the window would otherwise spend frozen under the user's
        pointer. The preview shows the tick at once; the undo step is pushed (and the panels told) when the
        write is done, and a refused write shows why and reads the agenda again.
        """
        from briefing.gui.commands import OperationCommand

        text = self.tr("Include item") if included else self.tr("Exclude item")
        library, runner = self.library, self.runner
        self.live.show_inclusion(agenda_id, item_id, included)

        def done(change: Change) -> None:
            runner.stack.push(
                OperationCommand(text, library, change, runner.report, runner.fail, self.agenda)
            )

        def failed(error: Exception) -> None:
            if isinstance(error, BriefingError):
                runner.fail(error)
            self.reload_agenda()  # show what the library holds

        self.background.query(
            lambda: set_item_included(library, agenda_id, item_id, included),
            done,
            failed=failed,
            priority=URGENT,
        )

    def save_preset(self, name: str | None = None) -> None:
        if not self.slug:
            return
        name = name or self._ask(
            self.tr("Save preset"), self.tr("Name of the preset:"), self.presets.currentText()
        )
        if not name:
            return
        slug = self.slug
        self.runner.run(self.tr("Save preset"), lambda: save_preset(self.library, slug, name))
        self.presets.setCurrentIndex(self.presets.findData(name))

    def apply_preset(self) -> None:
        name = self.presets.currentData()
        if self.slug and name:
            slug = self.slug
            self.runner.run(self.tr("Apply preset"), lambda: apply_preset(self.library, slug, str(name)))
