"""Searching the library from its panel: the read (texts, and meetings and people by name) made on the
background task, and the words it matched shown in bold in the result rows."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from briefing.gui.library_widgets import HTML_ROLE

if TYPE_CHECKING:
    from briefing.store import Library
    from briefing.store.search import SearchHit

SNIPPET_OPEN, SNIPPET_CLOSE = "\u2045", "\u2046"
OTHER_HITS = 20
"""At most this many meetings, and as many participants, are listed in search results."""


@dataclass(frozen=True)
class SearchResults:
    """What a search found: texts and titles of topics, and meetings and participants by name."""

    hits: list[SearchHit]
    meetings: list[tuple[str, str]]
    """(slug, title in the interface language)."""
    participants: list[tuple[str, str]]
    """(key, name — organisation)."""


def marked_html(snippet: str) -> str:
    """A search snippet with its match markers as bold HTML."""
    escaped = html.escape(" ".join(snippet.split()))
    return escaped.replace(html.escape(SNIPPET_OPEN), "<b>").replace(html.escape(SNIPPET_CLOSE), "</b>")


def words_html(text: str, words: Sequence[str]) -> str:
    """``text`` as HTML with the words searched for (accents and case aside, as prefixes) in bold."""
    from briefing.i18n.folding import fold

    wanted = [fold(word) for word in words if word]
    parts: list[str] = []
    import re

    for token in re.findall(r"\w+|\W+", text):
        folded = fold(token)
        if token[:1].isalnum() and any(folded.startswith(word) for word in wanted):
            parts.append(f"<b>{html.escape(token)}</b>")
        else:
            parts.append(html.escape(token))
    return "".join(parts)


def plain(snippet: str) -> str:
    return " ".join(snippet.replace(SNIPPET_OPEN, "").replace(SNIPPET_CLOSE, "").split())


class HighlightDelegate(QStyledItemDelegate):
    """Paints a row's :data:`HTML_ROLE` text (matches in bold) where there is one, plain text otherwise."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        marked = index.data(HTML_ROLE)
        if not marked:
            super().paint(painter, option, index)
            return
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        document = QTextDocument()
        document.setDefaultFont(options.font)
        document.setDocumentMargin(1)
        document.setHtml(str(marked))
        rect = options.rect.adjusted(4, 0, -2, 0)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, options.palette.color(role))
        painter.save()
        painter.translate(rect.left(), rect.top() + max(0, (rect.height() - document.size().height()) / 2))
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        return super().sizeHint(option, index)


def read_search(library: Library, query: str, lang: str) -> SearchResults:
    """Search the library for ``query`` (on the background task): texts, and meetings and people by name."""
    from briefing.i18n.folding import fold
    from briefing.operations import queries
    from briefing.store.search import query_words

    with library.unit_of_work() as uow:
        hits = uow.search(query)
    words, _prefix = query_words(query)
    wanted = [fold(word) for word in words]

    def matches(*texts: str) -> bool:
        folded = fold(" ".join(texts))
        tokens = folded.split()
        return bool(wanted) and all(
            any(token.startswith(word) or word in token for token in tokens) for word in wanted
        )

    meetings = [
        (row.slug, row.title(lang))
        for row in queries.meetings(library)
        if matches(row.slug, *row.titles.values())
    ][:OTHER_HITS]
    people = [
        (person.key, " — ".join(part for part in (person.name, person.organisation) if part))
        for person in queries.participants(library)
        if matches(person.name, person.organisation, *person.function.texts.values())
    ][:OTHER_HITS]
    return SearchResults(list(hits), meetings, people)
