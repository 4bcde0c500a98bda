"""The body of the pack, written from the outline part by part.

Order of the pack: cover; contents; objectives and agenda; one section per agenda item (its heading, its
topics, its slots in brief order, and a line pointing to its follow-up actions); annexes (participants,
follow-up actions — see :mod:`.tracker` —, logistics, sources). Each agenda item and annex starts on a new
page. The contents and the agenda give page numbers with PAGEREF fields (see :mod:`.fields`).

One-language packs lay a slot out as Word paragraphs: bullets (a real Word list) for lines to take, key facts,
objectives, positions and press lines; plain paragraphs for background; question and answer under each other
with their labels in a margin column. The interpreter's copy (two languages) puts each section's slots in a
two-column table, English left and French right, one row per item (a slot's heading opens the row of its
first item), so both versions of a point sit side by side; headings show both languages.

Flags are printed before an item's text: its marking ("[LIMITE]"), "[Not for use with the counterpart]" on
internal items of an internal copy, and a highlighted "[Untranslated — English text]" before a text standing in
for a missing translation. In headings and the contents, where a label would read badly, an untranslated title
is highlighted only, and a note under the section heading says why.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from briefing.assemble.outline import Entry, Outline, ParticipantRow, Passage, Section, Slot, Text
from briefing.i18n.names import keep_names_together
from briefing.model.enums import ItemKind
from briefing.render.docx.fields import page_reference
from briefing.render.docx.house_styles import HEADER_FILL, RED, SUBHEADER_FILL, StyleIds
from briefing.render.docx.page_estimate import estimated_pages
from briefing.render.docx.sizing import fits_on_a_page, row_lines
from briefing.render.docx.tables import cell, column_widths, row, table
from briefing.render.docx.tracker import ActionTracker
from briefing.render.docx.xml import (
    UNTRANSLATED_HIGHLIGHT,
    bookmark_name,
    bookmarked,
    distinct,
    internal_link,
    joined_runs,
    paragraph,
    run,
    text_run,
)

BULLETED = frozenset(
    {
        ItemKind.OBJECTIVE,
        ItemKind.LINE_TO_TAKE,
        ItemKind.COUNTERPART_POSITION,
        ItemKind.KEY_FACT,
        ItemKind.PRESS_LINE,
    }
)
"""Slots whose items are printed as bullets; the others (background, Q&A) as paragraphs."""

LANGUAGE_LABELS = {"en": "english", "fr": "french"}
"""The label naming each language, for the column headings of the interpreter's copy."""

PARTICIPANT_COLUMNS = (("name", 20), ("function", 22), ("organisation", 18), ("biography", 40))


@dataclass(frozen=True)
class Heading:
    """A heading of the pack as it is written in the body and listed in the contents."""

    level: int
    bookmark: str
    runs: str


class PackWriter:
    """Writes the body of one pack as chunks of WordprocessingML (one chunk per part or section)."""

    def __init__(self, outline: Outline, styles: StyleIds, bullets: int, width: int) -> None:
        self.outline = outline
        self.styles = styles
        self.bullets = (bullets, 0)
        self.width = width
        self.lang = outline.primary_language
        self.columns = range(len(outline.languages))
        self.bilingual = len(outline.languages) > 1
        self.sections = {section.anchor: section for section in outline.sections}
        self.numbered = {section.number: section for section in outline.sections}
        self.contents_titles = {line.anchor: line.title for line in outline.contents}
        self.not_for_counterpart = outline.label("not_for_counterpart")
        self._bookmarks = 0
        self.tracker = ActionTracker(self)
        self.estimated_pages = {
            bookmark_name(anchor): page
            for anchor, page in estimated_pages(outline, contents_lines=len(outline.contents)).items()
        }

    # --- the whole body ------------------------------------------------------------------------------------

    def chunks(self) -> Iterator[str]:
        """The body of the pack, part by part, ending with a paragraph as Word wants."""
        last = ""
        for chunk in self.parts():
            last = chunk
            yield chunk
        if last.endswith("</w:tbl>"):
            yield paragraph("")

    def parts(self) -> Iterator[str]:
        outline = self.outline
        yield self.cover()
        yield self.contents()
        if outline.objectives:
            yield self.objectives()
        yield self.agenda(new_page=not outline.objectives)
        for section in outline.sections:
            yield self.section(section)
        if outline.participants:
            yield self.participants()
        if outline.actions:
            yield self.actions()
        if outline.logistics:
            yield self.logistics()
        if outline.sources:
            yield self.sources()

    # --- text ----------------------------------------------------------------------------------------------

    def joined(self, passage: Sequence[Text], **props: Any) -> str:
        """Runs of a passage on one line, untranslated texts highlighted (headings, labels, titles)."""
        return joined_runs(passage, self.lang, **props)

    def text_runs(self, text: Text, column: int, **props: Any) -> str:
        """Runs of one text of a passage; a text standing in for a translation is preceded by the label."""
        if text.missing:
            return text_run(
                text.text, text.lang, style=self.styles.untranslated, highlight=UNTRANSLATED_HIGHLIGHT
            )
        if not text.untranslated:
            return text_run(text.text, text.lang, **props)
        label = self.outline.untranslated_label(text, column)
        flag = text_run(
            f"[{label.text}] ", label.lang, style=self.styles.untranslated, highlight=UNTRANSLATED_HIGHLIGHT
        )
        return flag + text_run(text.text, text.lang, **props)

    def label_run(self, name: str, column: int) -> str:
        """A label in the margin column of a question or answer (label, then a tab)."""
        label = self.outline.label(name)[column]
        return text_run(f"{label.text}\t", label.lang, style=self.styles.label)

    def flags(self, entry: Entry, column: int) -> str:
        """The item's marking and, in an internal copy, the not-for-the-counterpart flag."""
        runs = ""
        lang = self.outline.languages[column]
        if entry.marking is not None:
            runs += text_run(f"[{entry.marking.value}] ", lang, style=self.styles.item_marking, no_proof=True)
        if entry.internal:
            label = self.not_for_counterpart[column]
            runs += text_run(f"[{label.text}] ", label.lang, style=self.styles.flag)
        return runs

    def part_title(self, anchor: str, label: str) -> Passage:
        """The title of a part as the contents list it (the pack label when the contents do not)."""
        return self.contents_titles.get(anchor) or self.outline.label(label)

    # --- headings ------------------------------------------------------------------------------------------

    def heading(self, heading: Heading, *, new_page: bool = False) -> str:
        self._bookmarks += 1
        style = self.styles.heading1 if heading.level == 1 else self.styles.heading2
        content = bookmarked(heading.runs, self._bookmarks, heading.bookmark)
        return paragraph(content, style=style, page_break_before=new_page)

    def section_heading(self, section: Section, separator: str = " / ") -> Heading:
        """The section heading ("Agenda item 3 — Title") in each language of the pack, ``separator`` between."""
        pieces: list[str] = []
        seen: set[str] = set()
        for number, title in zip(section.heading, section.title, strict=True):
            combined = f"{number.text} — {title.text}"
            if combined in seen:
                continue
            seen.add(combined)
            if pieces:
                pieces.append(text_run(separator, self.lang))
            pieces.append(text_run(f"{number.text} — ", number.lang))
            highlight = UNTRANSLATED_HIGHLIGHT if title.untranslated else None
            pieces.append(text_run(title.text, title.lang, highlight=highlight))
        return Heading(1, bookmark_name(section.anchor), "".join(pieces))

    def visible_slots(self, section: Section) -> list[tuple[Slot, list[Entry]]]:
        """The section's slots with the entries this copy prints (never internal items in an external copy)."""
        external = self.outline.copy != "internal"
        kept = []
        for slot in section.slots:
            entries = [entry for entry in slot.entries if not (external and entry.internal)]
            if entries:
                kept.append((slot, entries))
        return kept

    def slot_heading(self, section: Section, slot: Slot) -> Heading:
        return Heading(2, bookmark_name(f"{section.anchor}-{slot.kind.value}"), self.joined(slot.heading))

    def part_heading(self, anchor: str, label: str) -> Heading:
        return Heading(1, bookmark_name(anchor), self.joined(self.part_title(anchor, label)))

    # --- cover and contents --------------------------------------------------------------------------------

    def cover(self) -> str:
        cover, styles = self.outline.cover, self.styles
        parts = [paragraph(self.joined(cover.pack_label), style=styles.cover_label)]
        parts += [
            paragraph(self.joined((replace(text, text=keep_names_together(text.text)),)), style=styles.title)
            for _, text in distinct(cover.title)
        ]
        for passage in (cover.dates, cover.location):
            if any(text.text for text in passage):
                parts.append(paragraph(self.joined(passage), style=styles.subtitle))
        parts.append(paragraph(self.joined(cover.copy_label), style=styles.copy_label))
        details: list[tuple[str, str]] = []
        if cover.addressee:
            details.append(("addressee", self.joined(cover.addressee)))
        if cover.prepared_by_text:
            details.append(("prepared_by", self.joined(cover.prepared_by_text)))
        elif cover.prepared_by:
            details.append(("prepared_by", text_run(cover.prepared_by, self.lang)))
        if cover.contact:
            details.append(("contact", text_run(cover.contact, self.lang, no_proof=True)))
        details.append(("version", self.joined(cover.version or cover.generated_on)))
        if cover.marking:
            details.append(
                ("marking", text_run(cover.marking, self.lang, no_proof=True, bold=True, color=RED))
            )
        else:
            details.append(("marking", self.joined(self.outline.label("no_marking"))))
        widths = column_widths(self.width, (30, 70))
        rows = [
            row(
                [
                    cell(
                        paragraph(
                            self.joined(self.outline.label(name), style=styles.label),
                            style=styles.cover_detail,
                        ),
                        widths[0],
                    ),
                    cell(paragraph(value, style=styles.cover_detail), widths[1]),
                ]
            )
            for name, value in details
        ]
        parts.append(table(widths, rows))
        return "".join(parts)

    def toc_entries(self) -> list[Heading]:
        """The headings the contents list: one per part (objectives, agenda, agenda items, annexes)."""
        entries = []
        for line in self.outline.contents:
            section = self.sections.get(line.anchor)
            if section is None:
                entries.append(Heading(line.level, bookmark_name(line.anchor), self.joined(line.title)))
            else:
                # In the interpreter's copy each language of a long title has a line of its own.
                entries.append(self.section_heading(section, "\n"))
        return entries

    def leader_tab(self) -> str:
        """A right tab at the margin with a dot leader, before a page number."""
        return f'<w:tab w:val="right" w:leader="dot" w:pos="{self.width}"/>'

    def page_reference(self, bookmark: str) -> str:
        """A tab to the margin and the page number of ``bookmark`` (a PAGEREF field readers compute)."""
        cached = self.estimated_pages.get(bookmark, 1)
        return run("<w:tab/>", self.lang) + page_reference(bookmark, cached, self.lang)

    def contents(self) -> str:
        """The contents page: one line per part, a link to its heading, a dot leader and its page number.

        The page number is a PAGEREF field to the heading's bookmark: LibreOffice (and a PDF made with it)
        computes it when it lays the pack out, Word when it updates the fields, so the contents show real page
        numbers in every reader (see :mod:`briefing.render.docx.fields` for why this is not a TOC field).
        """
        styles = self.styles
        parts = [
            paragraph(
                self.joined(self.outline.label("contents")), style=styles.toc_heading, page_break_before=True
            )
        ]
        for entry in self.toc_entries():
            style = styles.toc1 if entry.level == 1 else styles.toc2
            link = internal_link(entry.runs + self.page_reference(entry.bookmark), entry.bookmark)
            parts.append(paragraph(link, style=style, tabs=self.leader_tab()))
        return "".join(parts)

    # --- objectives and agenda -----------------------------------------------------------------------------

    def bullet(self, text: Text, column: int) -> str:
        return paragraph(self.text_runs(text, column), style=self.styles.list_bullet, numbering=self.bullets)

    def language_header(self, widths: Sequence[int]) -> str:
        """The header row of a two-column table: each language named in itself."""
        cells = []
        for column, lang in enumerate(self.outline.languages):
            name = LANGUAGE_LABELS.get(lang)
            label = self.outline.label(name)[column] if name else Text(lang.upper(), lang)
            content = paragraph(
                text_run(label.text, label.lang), style=self.styles.table_heading, keep_next=True
            )
            cells.append(cell(content, widths[column], fill=HEADER_FILL))
        return row(cells, header=True)

    def objectives(self) -> str:
        parts = [self.heading(self.part_heading("objectives", "objectives"), new_page=True)]
        if self.bilingual:
            widths = column_widths(self.width, [1] * len(self.columns))
            rows = [self.language_header(widths)]
            for objective in self.outline.objectives:
                cells = [cell(self.bullet(objective[c], c), widths[c]) for c in self.columns]
                rows.append(row(cells, keep_together=True))  # an objective is a sentence or two
            parts.append(table(widths, rows, style=self.styles.table))
        else:
            parts += [self.bullet(objective[0], 0) for objective in self.outline.objectives]
        return "".join(parts)

    def agenda(self, *, new_page: bool) -> str:
        parts = [self.heading(self.part_heading("agenda", "agenda"), new_page=new_page)]
        for number, title in self.outline.agenda:
            section = self.numbered.get(number)
            title_runs = self.joined(title)
            tabs = ""
            if section is not None:
                bookmark = bookmark_name(section.anchor)
                title_runs = internal_link(title_runs + self.page_reference(bookmark), bookmark)
                tabs = self.leader_tab()
            parts.append(
                paragraph(
                    text_run(f"{number}\t", self.lang) + title_runs, style=self.styles.agenda, tabs=tabs
                )
            )
        return "".join(parts)

    # --- sections ------------------------------------------------------------------------------------------

    def entry(self, entry: Entry, column: int) -> str:
        """One item in one language: bullet, paragraph, or question and answer."""
        styles = self.styles
        flags = self.flags(entry, column)
        if entry.kind is ItemKind.QA and entry.question is not None:
            question = (
                self.label_run("question", column) + flags + self.text_runs(entry.question[column], column)
            )
            answer = self.label_run("answer", column)
            if entry.answer is not None:
                answer += self.text_runs(entry.answer[column], column)
            return paragraph(question, style=styles.question) + paragraph(answer, style=styles.answer)
        passage = entry.body or entry.answer or entry.question
        content = flags + (self.text_runs(passage[column], column) if passage else "")
        if entry.kind in BULLETED:
            return paragraph(content, style=styles.list_bullet, numbering=self.bullets)
        return paragraph(content)

    def section(self, section: Section) -> str:
        styles = self.styles
        parts = [self.heading(self.section_heading(section), new_page=True)]
        untranslated = [
            (column, self.outline.untranslated_label(title, column))
            for column, title in enumerate(section.title)
            if title.untranslated
        ]
        if untranslated:
            notes = "".join(
                text_run(
                    f"[{label.text}]", label.lang, style=styles.untranslated, highlight=UNTRANSLATED_HIGHLIGHT
                )
                for _, label in untranslated
            )
            parts.append(paragraph(notes, style=styles.note))
        if section.topics:
            topics = "".join(
                (run("<w:br/>", self.lang) if index else "") + self.joined(topic)
                for index, topic in enumerate(section.topics)
            )
            label = self.outline.label("topic")
            parts.append(
                paragraph(
                    self.joined(label, style=styles.label) + run("<w:tab/>", self.lang) + topics,
                    style=styles.topics,
                )
            )
        slots = self.visible_slots(section)
        if self.bilingual:
            if slots:
                parts.append(self.side_by_side(slots))
        else:
            for slot, entries in slots:
                parts.append(self.heading(self.slot_heading(section, slot)))
                parts += [self.entry(entry, 0) for entry in entries]
        parts.append(self.tracker.pointer(section))
        return "".join(parts)

    def side_by_side(self, slots: list[tuple[Slot, list[Entry]]]) -> str:
        """The interpreter's table: one row per item, one column per language.

        A slot's heading opens the cells of its first item rather than a row of its own, so that it is never
        left alone at the foot of a page (LibreOffice does not keep a table row with the next one).
        """
        widths = column_widths(self.width, [1] * len(self.columns))
        rows = [self.language_header(widths)]
        for slot, entries in slots:
            for index, entry in enumerate(entries):
                texts = [
                    (
                        [p[c].text for p in (entry.body, entry.question, entry.answer) if p is not None],
                        widths[c],
                    )
                    for c in self.columns
                ]
                cells = []
                for c in self.columns:
                    content = self.entry(entry, c)
                    if index == 0:
                        heading = slot.heading[c]
                        # A character style, not the table heading's paragraph style: LibreOffice moves a
                        # whole table to the next page when a row's paragraph keeps with the next one.
                        run = text_run(heading.text, heading.lang, style=self.styles.label)
                        content = paragraph(run, style=self.styles.table_text) + content
                    cells.append(cell(content, widths[c]))
                lines = row_lines(texts) + (2 if index == 0 else 0)
                rows.append(row(cells, keep_together=fits_on_a_page(lines)))
        return table(widths, rows, style=self.styles.table)

    # --- tables --------------------------------------------------------------------------------------------

    def header_row(self, names: Sequence[str], widths: Sequence[int]) -> str:
        style = self.styles.table_heading
        return row(
            [
                cell(
                    paragraph(self.joined(self.outline.label(name)), style=style, keep_next=True),
                    width,
                    fill=HEADER_FILL,
                )
                for name, width in zip(names, widths, strict=True)
            ],
            header=True,
        )

    def passage_cell(self, passage: Passage, width: int, **props: Any) -> str:
        """A cell with one paragraph per distinct text of ``passage``."""
        style = self.styles.table_text
        content = "".join(
            paragraph(self.text_runs(text, column, **props), style=style)
            for column, text in distinct(passage)
            if text.text
        )
        return cell(content, width)

    def plain_cell(self, text: str, width: int, **props: Any) -> str:
        """A cell with a text that has no language of its own (names, references)."""
        content = text_run(text, self.lang, **props) if text else ""
        return cell(paragraph(content, style=self.styles.table_text), width)

    # --- annexes -------------------------------------------------------------------------------------------

    def delegations(self) -> list[tuple[Passage, list[ParticipantRow]]]:
        """The participants by delegation (their organisation) for a bilateral; one group otherwise."""
        people = list(self.outline.participants)
        organisations = {person.organisation: person.organisation_text for person in people}
        if self.outline.meeting_kind != "bilateral" or len(organisations) < 2:
            return [((), people)]
        return [
            (passage, [p for p in people if p.organisation == name])
            for name, passage in organisations.items()
        ]

    def participants(self) -> str:
        """The participants annex; for a bilateral, one block per delegation under a shaded row."""
        groups = self.delegations()
        grouped = len(groups) > 1
        columns = [c for c in PARTICIPANT_COLUMNS if not (grouped and c[0] == "organisation")]
        widths = column_widths(self.width, [share for _, share in columns])
        rows = [self.header_row([name for name, _ in columns], widths)]
        for delegation, people in groups:
            if grouped:
                rows.append(self.spanning_row(self.joined(delegation, bold=True), widths))
            for person in people:
                cells = [
                    self.plain_cell(person.name, widths[0], bold=True, no_proof=True),
                    self.passage_cell(person.function, widths[1]),
                ]
                texts = [([person.name], widths[0]), ([t.text for t in person.function], widths[1])]
                if not grouped:
                    cells.append(self.passage_cell(person.organisation_text, widths[2]))
                cells.append(self.passage_cell(person.bio, widths[-1]))
                texts.append(([t.text for t in person.bio], widths[-1]))
                rows.append(row(cells, keep_together=fits_on_a_page(row_lines(texts))))
        heading = self.heading(self.part_heading("participants", "participants"), new_page=True)
        return heading + table(widths, rows, style=self.styles.table)

    def spanning_row(self, runs: str, widths: Sequence[int]) -> str:
        """A shaded row across the whole table (a group's name), kept with the row after it."""
        content = paragraph(runs, style=self.styles.table_heading, keep_next=True)
        shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{SUBHEADER_FILL}"/>'
        merged = (
            f'<w:tc><w:tcPr><w:tcW w:w="{sum(widths)}" w:type="dxa"/><w:gridSpan w:val="{len(widths)}"/>'
            f"{shading}</w:tcPr>{content}</w:tc>"
        )
        return row([merged], keep_together=True)

    def actions(self) -> str:
        heading = self.heading(self.part_heading("actions", "follow_up_actions"), new_page=True)
        return heading + self.tracker.table()

    def logistics(self) -> str:
        """The logistics annex: a two-column table of labels and values (dates, location, format, …)."""
        widths = column_widths(self.width, (30, 70))
        rows = [
            row(
                [
                    cell(
                        paragraph(self.joined(label, style=self.styles.label), style=self.styles.table_text),
                        widths[0],
                    ),
                    self.passage_cell(value, widths[1]),
                ],
                keep_together=True,
            )
            for label, value in self.outline.logistics
        ]
        heading = self.heading(self.part_heading("logistics", "logistics"), new_page=True)
        return heading + table(widths, rows, style=self.styles.table)

    def sources(self) -> str:
        heading = self.heading(self.part_heading("sources", "sources"), new_page=True)
        items = "".join(
            paragraph(
                self.joined(source, no_proof=True),
                style=self.styles.list_bullet,
                numbering=self.bullets,
            )
            for source in self.outline.source_titles
        )
        return heading + items
