"""The meeting builder's live preview and preflight, computed off the UI thread.

A change schedules a refresh (debounced: a burst of ticks costs one assembly). The pack is assembled and
rendered to HTML on the window's background task, preflight's findings after it; each request carries a
generation number and a result is shown only if no newer request was made meanwhile.

Qt lays out rich text on the UI thread (and PySide6 keeps the GIL while it does), so the browser is given a
bounded part of a long pack: the sections around the agenda item being worked on, at most
:data:`PREVIEW_ENTRIES` entries, with a line saying which part it is. A smaller pack is shown whole.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QTextBrowser

from briefing.errors import BriefingError
from briefing.gui.background import NORMAL, Background
from briefing.gui.preflight_panel import Line, PreflightPanel, findings

if TYPE_CHECKING:
    from briefing.assemble import PackRequest
    from briefing.assemble.outline import Outline
    from briefing.store import Library

PREVIEW_DELAY_MS = 200
PREVIEW_ENTRIES = 80
"""The most entries the preview lays out at once (more would hold the UI thread for too long)."""


@dataclass(frozen=True)
class Window:
    """The part of the pack the preview shows: agenda items ``first`` to ``last`` of ``total``."""

    first: int
    last: int
    total: int


@dataclass(frozen=True)
class Rendered:
    html: str
    outline: Outline | None
    window: Window | None
    """``None`` when the whole pack is shown."""


def assemble_pack(library: Library, request: PackRequest) -> Outline:
    """The pack's outline, as the Word file would have it (the one place the preview calls the assembler)."""
    from briefing.assemble import assemble

    with library.reading() as uow:  # one consistent snapshot
        return assemble(uow, request)


def render_window(outline: Outline, focus: int | None) -> Rendered:
    """The HTML of ``outline``, cut down to the sections around agenda item ``focus`` when it is long."""
    from briefing.render.html import render_html

    sections = outline.sections
    if sum(len(s.entries) for s in sections) <= PREVIEW_ENTRIES:
        return Rendered(render_html(outline), outline, None)
    numbers = [s.number for s in sections]
    start = numbers.index(focus) if focus in numbers else 0
    first = last = start
    count = len(sections[start].entries)
    while True:  # grow the window forwards, then backwards, while it stays within the budget
        grown = False
        if last + 1 < len(sections) and count + len(sections[last + 1].entries) <= PREVIEW_ENTRIES:
            last += 1
            count += len(sections[last].entries)
            grown = True
        if first > 0 and count + len(sections[first - 1].entries) <= PREVIEW_ENTRIES:
            first -= 1
            count += len(sections[first].entries)
            grown = True
        if not grown:
            break
    shown = sections[first : last + 1]
    anchors = {s.anchor for s in sections} - {s.anchor for s in shown}
    numbers_shown = {s.number for s in shown}
    part = dataclasses.replace(
        outline,
        sections=shown,
        contents=tuple(line for line in outline.contents if line.anchor not in anchors),
        agenda=tuple(entry for entry in outline.agenda if entry[0] in numbers_shown),
    )
    return Rendered(render_html(part), outline, Window(shown[0].number, shown[-1].number, len(sections)))


class LivePreview(QObject):
    """Keeps ``browser`` and ``panel`` showing the pack of the newest request."""

    shown = Signal()
    """The browser now shows the newest request (its preflight may follow)."""
    checked = Signal()
    """The preflight panel now shows the newest request's findings."""

    def __init__(
        self,
        background: Background,
        library: Library,
        browser: QTextBrowser,
        panel: PreflightPanel,
        request: Callable[[], PackRequest | None],
        focus: Callable[[], int | None],
        lang: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.background = background
        self.library = library
        self.browser = browser
        self.panel = panel
        self.request = request
        self.focus = focus
        self.lang = lang
        self.generation = 0
        """Raised by each request; a result of an older generation is dropped."""
        self.shown_generation = 0
        self.checked_generation = 0
        self.layout_seconds = 0.0
        """How long the browser took to lay out the last part shown (for the latency benchmark)."""
        self.last: Rendered | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.update_now)

    def schedule(self) -> None:
        """Refresh once the changes stop coming for a moment."""
        self.timer.start()

    def pending(self) -> bool:
        """Whether a refresh is scheduled or on its way."""
        waiting = self.shown_generation != self.generation or self.checked_generation != self.generation
        return self.timer.isActive() or waiting

    def update_now(self) -> None:
        self.timer.stop()
        self.generation += 1
        generation = self.generation
        request = self.request()
        if request is None:
            self.last = None
            self.browser.clear()
            self.panel.show_lines([])
            self.shown_generation = self.checked_generation = generation
            self.shown.emit()
            return
        library, focus, lang = self.library, self.focus(), self.lang()

        def read() -> Rendered:
            return render_window(assemble_pack(library, request), focus)

        def read_findings() -> list[Line]:
            return findings(library, request, lang)

        self.background.query(
            read,
            lambda rendered: self._show(generation, rendered),
            failed=lambda error: self._failed(generation, error),
            channel="preview",
            priority=NORMAL,
        )
        self.background.query(
            read_findings,
            lambda lines: self._show_findings(generation, lines),
            failed=lambda _error: self._show_findings(generation, []),
            channel="preflight",
            priority=NORMAL,
        )

    def refocus(self) -> None:
        """The agenda item being worked on changed: show its part of a long pack (no new assembly)."""
        last = self.last
        if last is None or last.window is None or last.outline is None:
            return
        focus = self.focus()
        if focus is None or last.window.first <= focus <= last.window.last:
            return
        self._display(render_window(last.outline, focus))

    def _show(self, generation: int, rendered: Rendered) -> None:
        if generation != self.generation:
            return  # a newer request is on its way
        self.last = rendered
        self._display(rendered)
        self.shown_generation = generation
        self.shown.emit()

    def _display(self, rendered: Rendered) -> None:
        html = rendered.html
        if rendered.window is not None:
            note = (
                self.tr(
                    "Part of a long pack: agenda items %1 to %2 of %3. Select an agenda item to see its part."
                )
                .replace("%1", str(rendered.window.first))
                .replace("%2", str(rendered.window.last))
                .replace("%3", str(rendered.window.total))
            )
            html = html.replace("<body>", f'<body><p class="copy"><i>{escape(note)}</i></p>', 1)
        scroll = self.browser.verticalScrollBar().value()
        started = time.perf_counter()
        self.browser.setHtml(html)
        self.layout_seconds = time.perf_counter() - started
        self.browser.verticalScrollBar().setValue(scroll)

    def _failed(self, generation: int, error: Exception) -> None:
        if generation != self.generation:
            return
        self.last = None
        if isinstance(error, BriefingError):
            self.browser.setPlainText(error.message(self.lang()))
        else:
            self.browser.setPlainText(str(error))
        self.shown_generation = generation
        self.shown.emit()

    def _show_findings(self, generation: int, lines: list[Line]) -> None:
        if generation != self.generation:
            return
        self.panel.show_lines(lines)
        self.checked_generation = generation
        self.checked.emit()
