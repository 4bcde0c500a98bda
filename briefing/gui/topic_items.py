"""The items of a topic in the topic editor: one frame per item, built a slice at a time, and the cursor put in
the box that needs work.

:class:`TopicItems` is mixed into :class:`~briefing.gui.topic_editor.TopicEditor`; :class:`ItemFrame` is one item.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.retranslate import Retranslating
from briefing.gui.text_pair import TextPair
from briefing.gui.vocabulary import kind_name
from briefing.model import ItemKind
from briefing.model.enums import TranslationState
from briefing.operations import add_item, delete_item, queries, update_item

if TYPE_CHECKING:
    from briefing.gui.runner import Runner
    from briefing.store import Library

    _Widget = QWidget
else:
    _Widget = object

BUILD_SLICE_S = 0.03
"""How long item frames are built before the window handles its events again."""


class ItemFrame(Retranslating, QFrame):
    """One item: its kind and flags, and its text (or question and answer) in both languages."""

    def __init__(self, item: queries.ItemView, editor: TopicItems) -> None:
        super().__init__(editor)
        self.item = item
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"item-{item.key}")
        self.heading = QLabel(self)
        self.internal = QToolButton(self)
        self.internal.setCheckable(True)
        self.internal.setChecked(item.internal)
        self.internal.toggled.connect(
            lambda on: editor.runner.run(
                self.tr("Change internal flag"), lambda: update_item(editor.library, item.key, internal=on)
            )
        )
        self.delete = QToolButton(self)
        self.delete.clicked.connect(
            lambda: editor.runner.run(self.tr("Delete item"), lambda: delete_item(editor.library, item.key))
        )
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.internal)
        top.addWidget(self.delete)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self.pairs: list[TextPair] = []
        for role, text in item.texts:
            pair = TextPair(text, self._role_label(role), self)
            editor.connect_pair(pair)
            self.pairs.append(pair)
            layout.addWidget(pair)
        self.retranslateUi()

    def _role_label(self, role: str) -> str:
        return {"question": self.tr("Question"), "answer": self.tr("Answer")}.get(
            role, kind_name(self.item.kind)
        )

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        flags = []
        if self.item.marking is not None:
            flags.append(self.item.marking.value)
        heading = f"<b>{kind_name(self.item.kind)}</b>"
        if flags:
            heading += " · " + " · ".join(flags)
        self.heading.setText(heading)
        self.internal.setText(self.tr("Internal"))
        self.internal.setToolTip(self.tr("Not for use with the counterpart: left out of external copies"))
        self.internal.setAccessibleName(self.tr("Internal: not for use with the counterpart"))
        self.delete.setText(self.tr("Delete"))
        self.delete.setAccessibleName(self.tr("Delete this item"))
        for pair, (role, _text) in zip(self.pairs, self.item.texts, strict=True):
            pair.label_text = self._role_label(role)
            pair.retranslateUi()


class TopicItems(_Widget):
    """Mix in before the Qt class: the topic's item frames in :attr:`items_layout`, built a slice at a time."""

    runner: Runner
    library: Library
    view: queries.TopicView | None
    frames: dict[str, ItemFrame]
    items_widget: QWidget
    items_layout: QVBoxLayout
    tabs: QTabWidget
    _generation: int
    _unbuilt: list[queries.ItemView]
    """Items of the topic shown whose frames are still to build."""
    _focus_wanted: str
    _text_wanted: tuple[str, str] | None
    """(item, language) to put the cursor in once shown."""
    _showing: int
    """Topic reads on their way."""

    def connect_pair(self, pair: TextPair) -> None:
        raise NotImplementedError

    def _build_items(self, generation: int) -> None:
        """Build item frames for a moment, then let the window breathe and go on (a topic of many items never
        blocks the window for long)."""
        if generation != self._generation:
            return  # another topic, or the same rebuilt, since
        started = time.perf_counter()
        while self._unbuilt and time.perf_counter() - started < BUILD_SLICE_S:
            item = self._unbuilt.pop(0)
            frame = ItemFrame(item, self)
            self.frames[item.key] = frame
            self.items_layout.insertWidget(self.items_layout.count() - 1, frame)
        if self._unbuilt:
            QTimer.singleShot(0, lambda: self._build_items(generation))
        else:
            if self._focus_wanted:
                wanted, self._focus_wanted = self._focus_wanted, ""
                self.focus_item(wanted)
            self._focus_text_wanted()

    def _focus_text_wanted(self) -> None:
        wanted = self._text_wanted
        if wanted is not None and not self.building() and wanted[0] in self.frames:
            (item_key, lang), self._text_wanted = wanted, None
            self.focus_text(item_key, lang)

    def building(self) -> bool:
        """Whether item frames of the topic shown are still being built."""
        return bool(self._unbuilt)

    def focus_item(self, item_key: str) -> None:
        if self.building() and item_key not in self.frames:
            self._focus_wanted = item_key  # once its frame is built
            return
        frame = self.frames.get(item_key)
        if frame is not None and frame.pairs:
            self.tabs.setCurrentIndex(0)
            frame.pairs[0].editors["en"].setFocus()
            scroll = self.items_widget.parentWidget()
            if scroll is not None and isinstance(scroll.parentWidget(), QScrollArea):
                scroll.parentWidget().ensureWidgetVisible(frame)  # type: ignore[union-attr]

    def focus_text(self, item_key: str, lang: str) -> QPlainTextEdit | None:
        """Open ``item_key``, highlight it and put the cursor in its ``lang`` box that needs work (else its first).

        While the topic is still being read or its frames built, this is done once the item's frame is there.
        """
        frame = self.frames.get(item_key)
        waiting = frame is None or bool(self._showing) or self.building()
        if waiting and lang in ("en", "fr"):  # a topic on its way: done once it is built
            self._text_wanted = (item_key, lang)
            return None
        if frame is None or not frame.pairs or lang not in ("en", "fr"):
            return None
        self.focus_item(item_key)
        needs_work = (TranslationState.MISSING, TranslationState.STALE, TranslationState.DRAFT)
        pair = next((p for p in frame.pairs if p.view.states.get(lang) in needs_work), frame.pairs[0])
        for other in self.frames.values():
            other.setLineWidth(1)
        frame.setLineWidth(3)  # highlighted until another item is
        editor = pair.editors[lang]
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        return editor

    def add_item(self, kind: ItemKind) -> None:
        if self.view is None:
            return
        key = self.view.key
        self.runner.run(self.tr("Add item"), lambda: add_item(self.library, key, kind, {"en": ""}))


def item_texts(view: queries.TopicView) -> list[queries.TextView]:
    """The texts the editor's boxes show: the title, then every item's."""
    found = [view.title]
    for item in view.items:
        found += [text for _role, text in item.texts]
    return found


def shape(view: queries.TopicView) -> tuple[object, ...]:
    """What the editor's frames are built from: the items, their kinds and flags, and the topic's details."""
    items = tuple(
        (item.key, item.kind, item.internal, item.marking, tuple(role for role, _ in item.texts))
        for item in view.items
    )
    return items, view.owner, view.marking, view.reviewed_on, tuple(view.tags), tuple(view.sources)


__all__ = ["ItemFrame", "TopicItems", "item_texts", "shape"]
