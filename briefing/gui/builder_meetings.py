"""The meeting builder's meetings and presets: the meeting drop-down, new and copied meetings, presets saved
and applied."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from briefing.gui.background import URGENT
from briefing.gui.builder_layout import fit_meeting_box
from briefing.gui.changes import new_key
from briefing.gui.settings import BUILDER_MEETING
from briefing.gui.widgets import format_date
from briefing.operations import apply_preset, copy_meeting, create_meeting, preset_names, queries, save_preset

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QWidget

    from briefing.gui.background import Background
    from briefing.gui.runner import Runner
    from briefing.gui.settings import Settings
    from briefing.store import Library

    class _Widget(QWidget):
        """What choosing meetings and presets uses of the builder."""

        settings: Settings
        meetings_read: bool
        _chosen: bool
        _when_read: list[Callable[[], object]]

        def _meeting_chosen(self) -> None: ...

        def _show_error(self, error: Exception) -> None: ...

        runner: Runner
        library: Library
        background: Background
        meeting: QComboBox
        presets: QComboBox
        meetings: list[queries.MeetingRow]
        ui_lang: str

        @property
        def slug(self) -> str: ...

        def _ask(self, title: str, label: str, text: str = "") -> str | None: ...

else:
    _Widget = object


def meeting_label(row: queries.MeetingRow, lang: str) -> str:
    """How the drop-down names a meeting: its title and the day it starts."""
    when = format_date(row.starts_on, lang) if row.starts_on else "—"
    return f"{' '.join(row.title(lang).split())} ({when})"


class MeetingChoice(_Widget):
    """Mix in before the builder's Qt class: which meeting is built, new meetings and presets."""

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
            label = meeting_label(row, self.ui_lang)
            self.meeting.addItem(label, row.slug)
            self.meeting.setItemData(self.meeting.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        self.meeting.setCurrentIndex(max(0, self.meeting.findData(wanted)))
        self.meeting.setToolTip(self.meeting.currentText())
        fit_meeting_box(self.meeting)
        self.meeting.blockSignals(False)

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
