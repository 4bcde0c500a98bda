"""The meeting builder: the meeting, its agenda (agenda items, topic headings, items), presets, and a live
preview with preflight. The agenda's model, view, edits and menus are in their own modules (agenda_*)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from briefing.errors import BriefingError
from briefing.gui.agenda_entries import AgendaEntry, Labels, changed_entries, entries_of
from briefing.gui.agenda_menu import AgendaMenus
from briefing.gui.agenda_model import AGENDA_ROLE, ITEM_ROLE, TOPIC_KEY_ROLE, TOPIC_ROLE
from briefing.gui.agenda_tree import AgendaTree
from briefing.gui.builder_layout import ElidingComboBox, lay_out_builder
from briefing.gui.builder_meetings import MeetingChoice
from briefing.gui.changes import ChangeAware, Changes
from briefing.gui.meeting_details import MeetingDetailsPanel
from briefing.gui.meeting_participants import MeetingParticipantsPanel
from briefing.gui.preflight_panel import PreflightPanel
from briefing.gui.preview import LivePreview, Pack
from briefing.gui.retranslate import Retranslating
from briefing.gui.runner import Runner
from briefing.gui.settings import BUILDER_COPY, BUILDER_MEETING, BUILDER_MODE, Settings
from briefing.gui.vocabulary import copy_names, kind_name, mode_names
from briefing.operations import Changed, queries

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


class MeetingBuilder(AgendaMenus, MeetingChoice, ChangeAware, Retranslating, QWidget):
    """Build a meeting's pack; every change is undoable and saved at once."""

    sections: QTabWidget
    split: QSplitter

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

        self.meeting = ElidingComboBox(self)
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
        lay_out_builder(self, settings)

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
            anchor=self.focus_anchor,
        )
        self.agenda.currentRowChanged.connect(self.live.refocus)
        self.agenda.agenda_model.ticked.connect(self.set_items_included)
        self.mode.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.copy.currentIndexChanged.connect(lambda _i: self._options_changed())
        runner.changed.connect(self.on_changes)
        self.retranslateUi()

    def _make_agenda(self) -> None:
        self.agenda = AgendaTree(self)
        self.agenda.setObjectName("agenda")
        self.agenda.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.agenda.customContextMenuRequested.connect(self.show_agenda_menu)
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

        self.mode = ElidingComboBox(self)
        self.mode.setObjectName("mode")
        self.copy = ElidingComboBox(self)
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
        self.up_button.setToolTip(self.tr("Move the agenda item, topic or item up"))
        self.down_button.setToolTip(self.tr("Move the agenda item, topic or item down"))
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
        combo.setToolTip(combo.currentText())
        combo.updateGeometry()  # the entries are in another language: the room a box asks for may change

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
        # the preview reads no table of every text (only the Excel pack does): it is not built at each change
        return PackRequest(
            self.slug, self.request_mode, self.request_copy, allow_missing=True, text_table=False
        )

    def _meeting_chosen(self) -> None:
        self._chosen = True
        self.meeting.setToolTip(self.meeting.currentText())
        if self.slug:
            self.settings[BUILDER_MEETING] = self.slug
        self.reload_presets()
        self.details.show_meeting(self.slug)
        self.participants.show_meeting(self.slug)
        self.reload_agenda()

    def _labels(self) -> Labels:
        french = {"missing": self.tr("no French"), "stale": self.tr("French out of date")}
        return Labels(
            self.pack_lang(),
            self.tr("Topics:"),
            self.tr("No topic yet"),
            kind_name,  # type: ignore[arg-type]
            french,
            self.tr("%1 of %2 without current French"),
            self.tr("Every item has a current French"),
        )

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
        self.mode.setToolTip(self.mode.currentText())
        self.copy.setToolTip(self.copy.currentText())
        self.settings[BUILDER_MODE] = self.request_mode
        self.settings[BUILDER_COPY] = self.request_copy
        if self.loaded:
            self.relabel_agenda()
            self.schedule_preview()

    # --- preview ------------------------------------------------------------------------------------------

    def focus_number(self) -> int | None:
        """The number of the agenda item being worked on (the preview of a long pack shows its part)."""
        return self.agenda.focus_number()

    def focus_anchor(self) -> str | None:
        """Where in the agenda item's part the preview goes for the current row: the item (or the topic's
        first item in the pack), unless the topic serves another agenda item too (its items are there twice)."""
        key = self.agenda.current_key()
        if key is None:
            return None
        agenda_id, topic_key, item_id = key
        if topic_key is None or sum(1 for row in self.agenda_rows if topic_key in row.topic_keys) > 1:
            return None
        entry = next((e for e in self.agenda.entries if e.row.agenda_item_id == agenda_id), None)
        group = entry.topic(topic_key) if entry is not None else None
        if entry is None or group is None:
            return None
        items = [entry.items[i] for i in group.items]
        chosen = [i for i in items if i.item_id == item_id] if item_id is not None else items
        return next((i.item_key for i in chosen if i.included), None)

    def schedule_preview(self) -> None:
        self.live.schedule()

    def update_preview(self) -> None:
        """Assemble the pack as the Word file would have it and show it, with preflight's findings (off the UI
        thread: the preview changes when the result arrives)."""
        self.live.update_now()

    def _show_error(self, error: Exception) -> None:
        if isinstance(error, BriefingError):
            self.runner.fail(error)

    def focus_text(self, topic_key: str, item_key: str, lang: str) -> None:
        """A finding was opened: put the cursor in the box that needs work (the topic editor shows the topic)."""
        editor = getattr(self.window(), "topic_editor", None)
        if editor is not None and item_key and lang and hasattr(editor, "focus_text"):
            editor.focus_text(item_key, lang)
