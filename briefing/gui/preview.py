"""The meeting builder's one read: the pack selection, loaded once, shown by the agenda, preview and preflight.

A change schedules a refresh (debounced: a burst of ticks costs one read). On the window's background task the
meeting's :class:`~briefing.selection.PackSelection` is loaded once; the agenda's rows and the preview's HTML are
made from it there, and preflight's findings are worked out from *the same* selection right after, so the
agenda, the preview and preflight always describe one snapshot. Each request carries a generation number and a
result is shown only if no newer request was made meanwhile.

Qt lays out rich text on the UI thread (and PySide6 keeps the GIL while it does), so the browser is given a
bounded part of a long pack: the agenda items around the one being worked on, at most :data:`PREVIEW_ENTRIES`
entries, assembled on their own, with a line saying which part it is. A smaller pack is shown whole.

A tick (an item put in or left out) is shown at once from the snapshot the preview already holds, with only
that agenda item changed; the read that follows every change then replaces it with what the library holds.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QTextBrowser

from briefing.errors import BriefingError
from briefing.gui.background import NORMAL, URGENT, Background
from briefing.gui.preflight_panel import Line, PreflightPanel, lines_of

if TYPE_CHECKING:
    from briefing.assemble import PackRequest
    from briefing.selection import PackSelection
    from briefing.store import Library

PREVIEW_DELAY_MS = 200
PREVIEW_ENTRIES = 30
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
    window: Window | None
    """``None`` when the whole pack is shown."""
    pages: int = 0
    """The estimated page count of the whole pack."""


@dataclass(frozen=True)
class Pack:
    """What one read gives the builder: the selection, the agenda's rows and the preview, all of one snapshot."""

    selection: PackSelection
    agenda: object
    """What the builder makes of the selection for its agenda (see :attr:`LivePreview.agenda`)."""
    rendered: Rendered


def read_selection(library: Library, meeting: int | str) -> PackSelection:
    """The meeting's pack selection, read in one consistent snapshot (the one place the builder reads it)."""
    from briefing.selection import load_pack_selection

    with library.reading() as uow:
        return load_pack_selection(uow, meeting)


def part_bounds(counts: list[int], start: int, budget: int = PREVIEW_ENTRIES) -> tuple[int, int]:
    """The first and last index of the agenda items shown around ``start``, their entries within ``budget``."""
    first = last = start
    count = counts[start]
    while True:  # grow the window forwards, then backwards, while it stays within the budget
        grown = False
        if last + 1 < len(counts) and count + counts[last + 1] <= budget:
            last += 1
            count += counts[last]
            grown = True
        if first > 0 and count + counts[first - 1] <= budget:
            first -= 1
            count += counts[first]
            grown = True
        if not grown:
            return first, last


def estimate_pages(selection: PackSelection, request: PackRequest) -> int:
    """About how many pages the pack prints, from the length of its texts, as the Word pack lays them out.

    Every agenda item starts a new page (:mod:`briefing.render.docx.page_estimate` has the same rule and the
    size of a page); the cover, the contents, and the participants and follow-up annexes add theirs.
    """
    from briefing.render.docx.page_estimate import CHARACTERS_PER_LINE, LINES_PER_PAGE

    langs = request.languages
    side_by_side = len(langs) > 1  # the interpreter's copy: the two languages in columns
    width = CHARACTERS_PER_LINE // 2 - 4 if side_by_side else CHARACTERS_PER_LINE - 4

    def lines(text: str) -> float:
        return max(1, -(-len(text) // width)) + 0.5

    pages = 2  # the cover, the contents and the agenda
    actions = 0
    for agenda_item in selection.agenda:
        used = 4.0 + len(agenda_item.topics)
        for item in agenda_item.pack_items(request.copy):
            for block in item.blocks():
                texts = [block.text(lang) or block.source_text or "" for lang in langs]
                used += max(map(lines, texts)) if side_by_side else sum(map(lines, texts))
        actions += len(agenda_item.actions)
        pages += max(1, -(-int(used) // LINES_PER_PAGE))
    if selection.participants:
        pages += max(1, -(-len(selection.participants) * 6 // LINES_PER_PAGE))
    if actions:
        pages += max(1, -(-actions * 3 // LINES_PER_PAGE))
    return pages


def with_page_breaks(html: str, marker: str) -> str:
    """``html`` with a line where the Word pack starts a new page: before each agenda item and annex."""
    rule = f'<hr/><p class="copy" align="center"><i>{escape(marker)}</i></p>'
    for anchor in ("section-", "objectives", "participants", "actions", "logistics"):
        html = html.replace(f'<h2><a name="{anchor}', f'{rule}<h2><a name="{anchor}')
    return html


def render_part(selection: PackSelection, request: PackRequest, focus: int | None) -> Rendered:
    """The HTML of ``request``'s pack, or of the agenda items around ``focus`` when the pack is long.

    Only the part shown is assembled: the rest of the pack costs nothing here.
    """
    from briefing.assemble import assemble
    from briefing.render.html import render_html

    agenda = selection.agenda
    counts = [len(a.pack_items(request.copy)) + 1 for a in agenda]
    pages = estimate_pages(selection, request)
    if sum(counts) <= PREVIEW_ENTRIES:
        return Rendered(render_html(assemble(selection, request)), None, pages)
    numbers = [a.number for a in agenda]
    first, last = part_bounds(counts, numbers.index(focus) if focus in numbers else 0)
    part = dataclasses.replace(selection, agenda=agenda[first : last + 1])
    html = render_html(assemble(part, request))
    return Rendered(html, Window(numbers[first], numbers[last], len(agenda)), pages)


def with_inclusion(
    selection: PackSelection, agenda_item_id: int, item_ids: Collection[int], included: bool
) -> PackSelection:
    """``selection`` with items of one agenda item put in or left out (the rest as it was)."""
    agenda = []
    for agenda_item in selection.agenda:
        if agenda_item.id != agenda_item_id:
            agenda.append(agenda_item)
            continue
        chosen = tuple((item, included if item.id in item_ids else on) for item, on in agenda_item.selection)
        agenda.append(dataclasses.replace(agenda_item, selection=chosen))
    return dataclasses.replace(selection, agenda=tuple(agenda))


class LivePreview(QObject):
    """Keeps the agenda, ``browser`` and ``panel`` showing one snapshot of the pack of the newest request."""

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
        *,
        agenda: Callable[[], Callable[[PackSelection], object]] | None = None,
        read: Callable[[Pack], None] | None = None,
        anchor: Callable[[], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.background = background
        self.library = library
        self.browser = browser
        self.panel = panel
        self.request = request
        self.focus = focus
        self.lang = lang
        self.agenda = agenda
        """Gives, when a read is queued, what makes the agenda's rows from its selection (on the background
        task)."""
        self.read = read
        self.anchor = anchor
        """Where in the focused agenda item's part to scroll to (an item's key), if anywhere."""
        """Given each pack read, on the UI thread, before the preview shows it (the agenda follows it)."""
        self.generation = 0
        """Raised by each request; a result of an older generation is dropped."""
        self.shown_generation = 0
        self.checked_generation = 0
        self.layout_seconds = 0.0
        """How long the browser took to lay out the last part shown (for the latency benchmark)."""
        self.selection: PackSelection | None = None
        """The snapshot shown."""
        self.last: Rendered | None = None
        self._html = ""
        """The HTML the browser shows (set by :meth:`_display`)."""
        self.pages_text = ""
        self._scroll = True
        """Whether the next part shown scrolls to the agenda item being worked on (else it keeps its place)."""
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
        """Read the selection once (off the UI thread) and show the agenda, preview and preflight made from it."""
        self.timer.stop()
        self.generation += 1
        generation = self.generation
        request = self.request()
        if request is None:
            self.selection = self.last = None
            self.browser.clear()
            self._html = ""
            self.panel.show_lines([])
            self.shown_generation = self.checked_generation = generation
            self.shown.emit()
            return
        library, focus = self.library, self.focus()
        make_agenda = self.agenda() if self.agenda is not None else None

        def read() -> Pack:
            selection = read_selection(library, request.meeting)
            agenda = make_agenda(selection) if make_agenda is not None else None
            return Pack(selection, agenda, render_part(selection, request, focus))

        self.background.query(
            read,
            lambda pack: self._read(generation, request, pack),
            failed=lambda error: self._failed(generation, error),
            channel="builder.pack",
            priority=URGENT,
        )

    def relanguage(self) -> None:
        """The interface language changed: word the preview's notes and preflight's findings again, from the
        snapshot held (no read)."""
        selection, request, last = self.selection, self.request(), self.last
        if selection is None or request is None or last is None or self.pending():
            self.schedule()
            return
        self.generation += 1
        generation = self.generation
        self._display(last)
        self.shown_generation = generation
        lang = self.lang()
        self.background.query(
            lambda: lines_of(selection, request, lang),
            lambda lines: self._show_findings(generation, lines),
            failed=lambda _error: self._show_findings(generation, []),
            channel="builder.preflight",
            priority=NORMAL,
        )

    def show_inclusion(self, agenda_item_id: int, item_ids: Collection[int], included: bool) -> None:
        """Items were put in or left out: show it from the snapshot held (the read that follows confirms it)."""
        selection, request = self.selection, self.request()
        if selection is None or request is None or selection.agenda_item(agenda_item_id) is None:
            return
        selection = with_inclusion(selection, agenda_item_id, set(item_ids), included)
        self.selection = selection
        self._render(selection, request)

    def refocus(self) -> None:
        """The agenda item being worked on changed: show its part of a long pack (no new read)."""
        last, selection, request = self.last, self.selection, self.request()
        if last is None or last.window is None or selection is None or request is None:
            self.scroll_to_focus()
            return
        focus = self.focus()
        if focus is None or last.window.first <= focus <= last.window.last:
            self.scroll_to_focus()
            return
        self._render(selection, request, scroll=True)

    def scroll_to_focus(self) -> None:
        """Scroll the preview to the agenda item being worked on (to its topic or item, when one is current)."""
        focus = self.focus()
        if focus is not None:
            self.browser.scrollToAnchor(f"section-{focus}")
            anchor = self.anchor() if self.anchor is not None else None
            if anchor:
                self.browser.scrollToAnchor(anchor)  # the item or topic clicked, within its agenda item

    def _render(self, selection: PackSelection, request: PackRequest, *, scroll: bool = False) -> None:
        """Show ``selection`` again, assembled off the UI thread (no database read); preflight's findings stay."""
        self.generation += 1
        generation = self.generation
        focus = self.focus()
        self.checked_generation = generation
        self._scroll = scroll

        self.background.query(
            lambda: render_part(selection, request, focus),
            lambda rendered: self._show(generation, rendered),
            failed=lambda error: self._failed(generation, error),
            channel="builder.part",
            priority=URGENT,
        )

    def _read(self, generation: int, request: PackRequest, pack: Pack) -> None:
        if generation != self.generation:
            return  # a newer request is on its way
        old, self.selection = self.selection, pack.selection
        if old is not None and old is not pack.selection:  # freed off the UI thread, a part at a time
            garbage: list[object] = [old, *old.agenda, *old.participants]
            del old
            self.background.dispose(garbage)
        if self.read is not None:
            self.read(pack)
        self._show(generation, pack.rendered)
        lang, selection = self.lang(), pack.selection
        self.background.query(
            lambda: lines_of(selection, request, lang),
            lambda lines: self._show_findings(generation, lines),
            failed=lambda _error: self._show_findings(generation, []),
            channel="builder.preflight",
            priority=NORMAL,
        )

    def _show(self, generation: int, rendered: Rendered) -> None:
        if generation <= self.shown_generation:
            return  # something newer is shown already
        self.last = rendered
        self._display(rendered)
        self.shown_generation = generation
        self.shown.emit()

    def _display(self, rendered: Rendered) -> None:
        html = rendered.html
        pages = str(rendered.pages)  # never fewer than two: the cover and the contents
        self.pages_text = self.tr("About %1 pages as printed").replace("%1", pages) if rendered.pages else ""
        notes = [self.pages_text] if self.pages_text else []
        if rendered.window is not None:
            notes.append(
                self.tr(
                    "Part of a long pack: agenda items %1 to %2 of %3. Select an agenda item to see its part."
                )
                .replace("%1", str(rendered.window.first))
                .replace("%2", str(rendered.window.last))
                .replace("%3", str(rendered.window.total))
            )
        html = with_page_breaks(html, self.tr("page break"))
        if notes:
            note = "".join(f'<p class="copy"><i>{escape(n)}</i></p>' for n in notes)
            html = html.replace("<body>", f"<body>{note}", 1)
        scroll = self.browser.verticalScrollBar().value()
        if html != self._html:  # the read after a tick mostly shows what the tick showed: not laid out again
            started = time.perf_counter()
            self.browser.setHtml(html)
            self.layout_seconds = time.perf_counter() - started
            self._html = html
        if self._scroll:
            self._scroll = False
            self.scroll_to_focus()
        else:
            self.browser.verticalScrollBar().setValue(scroll)

    def _failed(self, generation: int, error: Exception) -> None:
        if generation != self.generation:
            return
        self.last = self.selection = None
        self._html = ""
        if isinstance(error, BriefingError):
            self.browser.setPlainText(error.message(self.lang()))
        else:
            self.browser.setPlainText(str(error))
        self.shown_generation = self.checked_generation = generation
        self.shown.emit()

    def _show_findings(self, generation: int, lines: list[Line]) -> None:
        if generation != self.generation:
            return
        self.panel.show_lines(lines)
        self.checked_generation = generation
        self.checked.emit()
