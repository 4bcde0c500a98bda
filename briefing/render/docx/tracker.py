"""The follow-up actions annex: one table, grouped by agenda item, and the pointer under each agenda item.

Each action is printed once, in the annex; an agenda item only says how many of its actions the annex lists
and on which page ("3 follow-up actions: see “Follow-up actions”, page 15", a link with a PAGEREF field).

The table's columns fit their content (see :mod:`.sizing`): deadlines never wrap (no-break spaces), the
status column is as wide as its longest word, and the action's text gets at least half the width. A source
shared by every row is cited once under the table instead of in a column. An overdue action says so in words
in its status cell ("Overdue", "En retard"), not only by the red of its deadline, and a legend under the
annex's heading explains the order and the word. Rows are kept whole on a page (:func:`.sizing.fits_on_a_page`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from briefing.assemble.outline import ActionRow, Outline, PageReference, Passage, Section, Text
from briefing.i18n.typography import no_break
from briefing.render.docx.fields import page_reference
from briefing.render.docx.house_styles import HEADER_FILL, RED
from briefing.render.docx.sizing import (
    fits_on_a_page,
    row_lines,
    shared_widths,
    unbreakable_width,
)
from briefing.render.docx.tables import cell, row, table
from briefing.render.docx.xml import (
    UNTRANSLATED_HIGHLIGHT,
    bookmark_name,
    distinct,
    internal_link,
    paragraph,
    text_run,
)

if TYPE_CHECKING:
    from briefing.render.docx.writer import PackWriter

ACTION_TEXT_SHARE = 0.5
"""The action's text never gets less than this part of the table's width."""


def common_source(actions: Sequence[ActionRow]) -> str | None:
    """The source every action cites when they all cite the same one; None otherwise."""
    sources = {action.source for action in actions}
    return sources.pop() if len(sources) == 1 else None


class ActionTracker:
    """Writes the annex of follow-up actions and the pointers to it, for one :class:`PackWriter`."""

    def __init__(self, writer: PackWriter) -> None:
        self.writer = writer
        self.outline: Outline = writer.outline
        self.by_key = {action.key: action for action in self.outline.actions}

    # --- the pointer under an agenda item ------------------------------------------------------------------

    def pointer(self, section: Section) -> str:
        """The line under an agenda item pointing to its actions in the annex (nothing when it has none)."""
        writer = self.writer
        pieces = []
        for index, reference in enumerate(_distinct(section.follow_up)):
            if index:
                pieces.append(text_run(" / ", writer.lang))
            pieces.append(self.reference_runs(reference))
        if not pieces:
            return ""
        return paragraph("".join(pieces), style=writer.styles.note)

    def reference_runs(self, reference: PageReference) -> str:
        bookmark = bookmark_name(reference.anchor)
        cached = self.writer.estimated_pages.get(bookmark, 1)
        runs = text_run(reference.before, reference.lang) + page_reference(bookmark, cached, reference.lang)
        if reference.after:
            runs += text_run(reference.after, reference.lang)
        return internal_link(runs, bookmark)

    # --- the annex -----------------------------------------------------------------------------------------

    def groups(self) -> list[tuple[Section | None, list[ActionRow]]]:
        """The annex's actions under the agenda item that lists them, then any the sections do not list."""
        groups: list[tuple[Section | None, list[ActionRow]]] = []
        listed: set[str] = set()
        for section in self.outline.sections:
            actions = [self.by_key[key] for key in section.listed_actions if key in self.by_key]
            listed.update(section.listed_actions)
            if actions:
                groups.append((section, actions))
        rest = [action for action in self.outline.actions if action.key not in listed]
        if rest:
            groups.append((None, rest))
        return groups

    def widths(self, actions: Sequence[ActionRow], with_source: bool) -> list[int]:
        """Column widths: the deadline and status column fits its longest text, the text gets half at least."""
        outline = self.outline
        unbroken = [t.text for a in actions for t in a.deadline_text + a.status_text]
        unbroken += [t.text for name in ("deadline", "status", "overdue") for t in outline.label(name)]
        fixed: list[int | None] = [None, None, unbreakable_width(unbroken)]
        shares = [62, 22]
        if with_source:
            fixed.append(None)
            shares.append(16)
        return shared_widths(self.writer.width, fixed, shares, ACTION_TEXT_SHARE)

    def when_cell(self, action: ActionRow, width: int) -> str:
        """The deadline (never wrapped), the status under it and, when overdue, "Overdue" in bold red."""
        writer = self.writer
        style = writer.styles.table_text
        overdue: dict[str, Any] = {"bold": True, "color": RED} if action.overdue else {}
        content = "".join(
            paragraph(
                writer.text_runs(Text(no_break(text.text), text.lang, text.untranslated), column, **overdue),
                style=style,
            )
            for column, text in distinct(action.deadline_text)
            if text.text
        )
        content += "".join(
            paragraph(writer.text_runs(text, column), style=style)
            for column, text in distinct(action.status_text)
        )
        if action.overdue:
            content += "".join(
                paragraph(text_run(no_break(label.text), label.lang, bold=True, color=RED), style=style)
                for _, label in distinct(self.outline.label("overdue"))
            )
        return cell(content, width)

    def action_row(self, action: ActionRow, widths: Sequence[int], with_source: bool) -> str:
        writer = self.writer
        cells = [
            writer.passage_cell(action.text, widths[0]),
            writer.passage_cell(action.owner_text, widths[1]),
            self.when_cell(action, widths[2]),
        ]
        if with_source:
            cells.append(writer.passage_cell(action.source_text, widths[3], no_proof=True))
        lines = row_lines(
            [([t.text for t in action.text], widths[0]), ([t.text for t in action.owner_text], widths[1])]
        )
        return row(cells, keep_together=fits_on_a_page(lines))

    def group_row(self, section: Section, widths: Sequence[int]) -> str:
        """A shaded row across the table naming the agenda item of the actions below it."""
        return self.writer.spanning_row(self.writer.section_heading(section).runs, widths)

    def header_row(self, columns: Sequence[Sequence[str]], widths: Sequence[int]) -> str:
        """The header row; a column may have several labels, one paragraph each ("Deadline", "Status")."""
        writer = self.writer
        style = writer.styles.table_heading
        return row(
            [
                cell(
                    "".join(
                        paragraph(writer.joined(self.outline.label(name)), style=style, keep_next=True)
                        for name in names
                    ),
                    width,
                    fill=HEADER_FILL,
                )
                for names, width in zip(columns, widths, strict=True)
            ],
            header=True,
        )

    def table(self) -> str:
        """The legend, the table grouped by agenda item, and the shared source under it."""
        writer, outline = self.writer, self.outline
        actions = list(outline.actions)
        source = common_source(actions)
        with_source = source is None
        widths = self.widths(actions, with_source)
        names = [["action"], ["owner"], ["deadline", "status"]] + ([["source"]] if with_source else [])
        rows = [self.header_row(names, widths)]
        for section, group in self.groups():
            if section is not None and len(outline.sections) > 1:
                rows.append(self.group_row(section, widths))
            rows += [self.action_row(action, widths, with_source) for action in group]
        legend = paragraph(writer.joined(outline.label("tracker_legend")), style=writer.styles.note)
        parts = [legend, table(widths, rows, style=writer.styles.table)]
        if source:
            parts.append(self.source_note(actions[0].source_text))
        return "".join(parts)

    def source_note(self, source: Passage) -> str:
        """ "Source: ST 10270/24" under a table whose rows all cite it, in each language of the pack."""
        writer = self.writer
        pieces = []
        labels = self.outline.label("source_note")
        for index, (column, label) in enumerate(distinct(labels)):
            if index:
                pieces.append(text_run(" / ", writer.lang))
            before, _, after = label.text.partition("{source}")
            pieces.append(text_run(before, label.lang))
            title = source[column] if column < len(source) else Text("", label.lang)
            highlight = UNTRANSLATED_HIGHLIGHT if title.untranslated or title.missing else None
            pieces.append(text_run(title.text, title.lang, no_proof=True, highlight=highlight))
            if after:
                pieces.append(text_run(after, label.lang))
        return paragraph("".join(pieces), style=writer.styles.note)


def _distinct(references: Sequence[PageReference]) -> list[PageReference]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for reference in references:
        if (reference.before, reference.after) not in seen:
            seen.add((reference.before, reference.after))
            kept.append(reference)
    return kept
