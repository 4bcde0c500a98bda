"""Where the meeting builder's widgets go: the meeting and its sections (agenda, details, participants) on the
left, the pack's options, preview and preflight on the right, in splitters the adviser sizes and the app
remembers.

At 1280×800 the left side is wide enough for the meeting's title and an agenda line of about forty characters in
either language; what does not fit is elided in the middle, with the whole text in its tooltip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.settings import BUILDER_PREVIEW_SPLITTER, BUILDER_SPLITTER, Settings, remember_splitter

if TYPE_CHECKING:
    from briefing.gui.meeting_builder import MeetingBuilder

AGENDA_CHARACTERS = 42
"""How many characters of an agenda line the left side has room for at its narrowest."""
MEETING_CHARACTERS = 24
"""How many characters of a meeting's title the drop-down asks room for (longer ones are elided)."""
OPTION_CHARACTERS = 14
"""How many characters of the pack's language and copy the drop-downs ask room for."""
LEFT_SHARE = 0.46
"""The part of the builder's width the left side takes when first shown."""


class ElidingComboBox(QComboBox):
    """A drop-down whose shown text is elided in the middle when it does not fit (the start and the date stay);
    the whole text is its tooltip.

    With :attr:`wants_widest`, it asks for the width its longest entry needs (in the language shown): the
    layout gives it that width when there is room, and the box elides only when there is not.
    """

    wants_widest = False

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        if not self.wants_widest or not self.count():
            return hint
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count()))
        asked = metrics.horizontalAdvance("x") * self.minimumContentsLength()  # what Qt's hint has room for
        return QSize(hint.width() + max(0, widest - asked), hint.height())

    def text_rect_width(self) -> int:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = QStyle.SubControl.SC_ComboBoxEditField
        return self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option, field, self).width() - 4

    def shown_text(self) -> str:
        """The current text as painted: whole, or elided in the middle."""
        mode = Qt.TextElideMode.ElideMiddle
        return self.fontMetrics().elidedText(self.currentText(), mode, self.text_rect_width())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        # Ended here, not when Python frees it: a frame kept alive (a traceback, a profiler) would keep the
        # painter open past the paint, and free it later on whichever thread lets the frame go.
        painter = QStylePainter(self)
        try:
            option = QStyleOptionComboBox()
            self.initStyleOption(option)
            painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
            option.currentText = self.shown_text()
            painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        finally:
            painter.end()


def _agenda_page(builder: MeetingBuilder) -> QWidget:
    agenda_buttons = QHBoxLayout()
    for button in (builder.add_agenda_button, builder.rename_agenda_button, builder.remove_agenda_button):
        agenda_buttons.addWidget(button)
    order_buttons = QHBoxLayout()
    for button in (builder.remove_topic_button, builder.up_button, builder.down_button):
        order_buttons.addWidget(button)
    preset_row = QHBoxLayout()
    preset_row.addWidget(builder.presets, 1)
    preset_row.addWidget(builder.apply_preset_button)
    preset_row.addWidget(builder.save_preset_button)
    agenda_page = QWidget(builder)
    agenda_layout = QVBoxLayout(agenda_page)
    agenda_layout.addWidget(builder.notice)
    agenda_layout.addWidget(builder.agenda, 1)
    agenda_layout.addLayout(agenda_buttons)
    agenda_layout.addLayout(order_buttons)
    agenda_layout.addLayout(preset_row)
    return agenda_page


def fit_meeting_box(combo: QComboBox) -> None:
    """The meeting drop-down takes the width it is given, never asks for a title's (a long one would widen the
    window); its list opens as wide as the longest title; the box elides in the middle (see ElidingComboBox)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(MEETING_CHARACTERS)
    view = combo.view()
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    metrics = combo.fontMetrics()
    widest = max((metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
    view.setMinimumWidth(min(widest + 48, 900))


def _right_side(builder: MeetingBuilder, settings: Settings) -> QWidget:
    for combo in (
        builder.mode,
        builder.copy,
    ):  # elided in the middle when narrow, the whole choice as tooltip
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(OPTION_CHARACTERS)
    builder.copy.wants_widest = True  # "Internal copy (minister)" whole when the right side has room
    # The language and the copy one above the other: on one line with the export button, at 1280×800 the
    # copy type ("Exemplaire externe (sans les notes internes)") had a third of the room it needs.
    options = QGridLayout()
    options.addWidget(builder.mode_label, 0, 0)
    options.addWidget(builder.mode, 0, 1)
    options.addWidget(builder.copy_label, 1, 0)
    options.addWidget(builder.copy, 1, 1)
    options.setColumnStretch(2, 1)
    options.addWidget(builder.export_button, 0, 3)
    right_split = QSplitter(Qt.Orientation.Vertical, builder)
    right_split.setObjectName("builderPreviewSplitter")
    right_split.addWidget(builder.preview)
    right_split.addWidget(builder.preflight)
    right_split.setStretchFactor(0, 3)
    right_split.setStretchFactor(1, 1)
    right_split.setSizes([500, 180])
    remember_splitter(settings, right_split, BUILDER_PREVIEW_SPLITTER)
    right = QWidget(builder)
    right_layout = QVBoxLayout(right)
    right_layout.setContentsMargins(0, 0, 0, 0)
    right_layout.addLayout(options)
    right_layout.addWidget(right_split, 1)
    return right


def lay_out_builder(builder: MeetingBuilder, settings: Settings) -> None:
    meeting_buttons = QHBoxLayout()  # under the drop-down, which has the whole width for the title
    meeting_buttons.addWidget(builder.new_button)
    meeting_buttons.addWidget(builder.copy_button)
    meeting_buttons.addStretch(1)
    fit_meeting_box(builder.meeting)
    details_scroll = QScrollArea(builder)
    details_scroll.setWidgetResizable(True)
    details_scroll.setWidget(builder.details)
    builder.sections = QTabWidget(builder)
    builder.sections.setObjectName("meetingSections")
    builder.sections.addTab(_agenda_page(builder), "")
    builder.sections.addTab(details_scroll, "")
    builder.sections.addTab(builder.participants, "")
    left = QWidget(builder)
    left.setObjectName("builderLeft")
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    left_layout.addWidget(builder.meeting)
    left_layout.addLayout(meeting_buttons)
    left_layout.addWidget(builder.sections, 1)
    # The agenda asks for room for its lines (the left side also fits its buttons, in either language).
    indent = 3 * builder.agenda.indentation()
    builder.agenda.setMinimumWidth(
        builder.agenda.fontMetrics().averageCharWidth() * AGENDA_CHARACTERS + indent
    )
    right = _right_side(builder, settings)
    builder.split = QSplitter(Qt.Orientation.Horizontal, builder)
    builder.split.setObjectName("builderSplitter")
    builder.split.setChildrenCollapsible(False)
    builder.split.addWidget(left)
    builder.split.addWidget(right)
    builder.split.setStretchFactor(0, 1)
    builder.split.setStretchFactor(1, 1)
    share = int(LEFT_SHARE * 1000)
    builder.split.setSizes([share, 1000 - share])
    remember_splitter(settings, builder.split, BUILDER_SPLITTER)
    layout = QVBoxLayout(builder)
    layout.addWidget(builder.split)
