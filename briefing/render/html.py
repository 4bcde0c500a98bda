"""Outline → HTML, for the live preview of a pack in the desktop app.

The preview shows the same outline as the Word pack: the same parts in the same order, the marking at the top
and bottom, texts standing in for a missing translation flagged as untranslated, internal entries flagged as
not for use with the counterpart. Every text is escaped and carries its language in a ``lang`` attribute. The
bilingual interpreter's copy puts the two languages side by side in table columns, which Qt's rich-text
engine lays out as well as a browser does.
"""

from __future__ import annotations

from html import escape

from briefing.assemble.outline import ActionRow, Entry, Outline, Passage, Section, Slot, Text
from briefing.model import ItemKind

STYLE = """
body { font-family: sans-serif; font-size: 10pt; }
h1 { font-size: 16pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; margin-top: 14pt; border-bottom: 1px solid #999; }
h3 { font-size: 11pt; margin-top: 8pt; }
.marking { text-align: center; font-weight: bold; color: #a00000; }
.copy { color: #555; }
table.columns { width: 100%; border-collapse: collapse; }
table.columns td { vertical-align: top; padding: 2pt 6pt 2pt 0; }
table.grid { border-collapse: collapse; }
table.grid th, table.grid td { border: 1px solid #bbb; padding: 2pt 4pt; vertical-align: top; }
.untranslated { color: #8a4b00; }
.flag { color: #8a4b00; font-size: 8pt; font-style: italic; }
.internal { background-color: #fff4d6; }
.internal-flag { color: #7a5a00; font-size: 8pt; font-weight: bold; }
.overdue { color: #a00000; font-weight: bold; }
.question { font-weight: bold; }
"""


def render_html(outline: Outline) -> str:
    """The whole pack as one HTML document."""
    return _Writer(outline).document()


class _Writer:
    def __init__(self, outline: Outline) -> None:
        self.outline = outline
        self.columns = len(outline.languages)
        self.parts: list[str] = []

    # --- text ---------------------------------------------------------------------------------------------

    def label(self, name: str, column: int = 0) -> Text:
        return self.outline.label(name)[column]

    def text(self, text: Text, column: int) -> str:
        """One text, escaped, in its language, flagged when it stands in for a missing translation."""
        body = escape(text.text).replace("\n", "<br/>")
        if text.missing:
            return f'<span class="untranslated" lang="{escape(text.lang)}">{body}</span>'
        if not text.untranslated:
            return f'<span lang="{escape(text.lang)}">{body}</span>'
        flag = self.outline.untranslated_label(text, column)
        return (
            f'<span class="untranslated" lang="{escape(text.lang)}">{body}</span> '
            f'<span class="flag" lang="{escape(flag.lang)}">[{escape(flag.text)}]</span>'
        )

    def inline(self, passage: Passage, separator: str = " / ") -> str:
        """All columns of a passage on one line (headings, table cells)."""
        shown: list[str] = []
        seen: list[str] = []
        for column, text in enumerate(passage):
            if text.text and text.text not in seen:
                seen.append(text.text)
                shown.append(self.text(text, column))
        return escape(separator).join(shown)

    def block(self, passage: Passage, tag: str = "p", css: str = "") -> str:
        """A paragraph; in the bilingual copy, one column per language."""
        attr = f' class="{css}"' if css else ""
        if self.columns == 1:
            return f"<{tag}{attr}>{self.text(passage[0], 0)}</{tag}>"
        cells = "".join(
            f'<td width="{100 // self.columns}%">{self.text(text, i)}</td>' for i, text in enumerate(passage)
        )
        return f'<table class="columns"{attr}><tr>{cells}</tr></table>'

    def heading(self, level: int, passage: Passage, anchor: str = "") -> str:
        name = f'<a name="{escape(anchor)}"></a>' if anchor else ""
        return f"<h{level}>{name}{self.inline(passage)}</h{level}>"

    # --- parts --------------------------------------------------------------------------------------------

    def document(self) -> str:
        outline = self.outline
        lang = escape(outline.primary_language)
        self.parts.append(f'<html lang="{lang}"><head><meta charset="utf-8"/>')
        self.parts.append(f"<title>{escape(outline.title_text)}</title><style>{STYLE}</style></head><body>")
        self.marking()
        self.cover()
        self.contents()
        if outline.objectives:
            self.parts.append(self.heading(2, outline.label("objectives"), "objectives"))
            self.parts.append(
                "<ul>" + "".join(f"<li>{self.inline(o)}</li>" for o in outline.objectives) + "</ul>"
            )
        self.parts.append(self.heading(2, outline.label("agenda"), "agenda"))
        self.parts.append(
            "<ol>" + "".join(f"<li>{self.inline(title)}</li>" for _number, title in outline.agenda) + "</ol>"
        )
        for section in outline.sections:
            self.section(section)
        self.participants()
        self.actions_annex()
        if outline.logistics:
            self.parts.append(self.heading(2, outline.label("logistics"), "logistics"))
            rows = "".join(
                f"<tr><th>{self.inline(label)}</th><td>{self.inline(value)}</td></tr>"
                for label, value in outline.logistics
            )
            self.parts.append(f'<table class="grid">{rows}</table>')
        if outline.sources:
            self.parts.append(self.heading(2, outline.label("sources"), "sources"))
            titles = outline.source_titles
            self.parts.append("<ul>" + "".join(f"<li>{self.inline(t)}</li>" for t in titles) + "</ul>")
        self.marking()
        self.parts.append("</body></html>")
        return "".join(self.parts)

    def marking(self) -> None:
        marking = self.outline.marking_text
        shown = escape(marking) if marking else self.inline(self.outline.label("no_marking"))
        self.parts.append(f'<p class="marking">{shown}</p>')

    def cover(self) -> None:
        cover = self.outline.cover
        self.parts.append(f"<p>{self.inline(cover.pack_label)}</p>")
        self.parts.append(f"<h1>{self.inline(cover.title)}</h1>")
        details = [self.inline(cover.dates), self.inline(cover.location)]
        self.parts += [f"<p>{d}</p>" for d in details if d]
        if cover.prepared_by:
            prepared = self.inline(self.outline.label("prepared_by"))
            by = self.inline(cover.prepared_by_text) if cover.prepared_by_text else escape(cover.prepared_by)
            self.parts.append(f"<p>{prepared}: {by}</p>")
        self.parts.append(f'<p class="copy">{self.inline(cover.copy_label)}</p>')

    def contents(self) -> None:
        self.parts.append(self.heading(2, self.outline.label("contents")))
        lines = "".join(
            f'<li><a href="#{escape(line.anchor)}">{self.inline(line.title)}</a></li>'
            for line in self.outline.contents
        )
        self.parts.append(f"<ul>{lines}</ul>")

    def section(self, section: Section) -> None:
        self.parts.append(self.heading(2, tuple(
            Text(f"{h.text} — {t.text}", t.lang, t.untranslated)
            for h, t in zip(section.heading, section.title, strict=True)
        ), section.anchor))  # fmt: skip
        if section.topics:
            topics = "; ".join(self.inline(topic) for topic in section.topics)
            self.parts.append(f'<p class="copy">{topics}</p>')
        for slot in section.slots:
            self.slot(slot)
        if section.actions:
            self.parts.append(self.heading(3, self.outline.label("actions")))
            self.action_table(section.actions)

    def slot(self, slot: Slot) -> None:
        self.parts.append(self.heading(3, slot.heading))
        for entry in slot.entries:
            self.entry(entry)

    def entry(self, entry: Entry) -> None:
        css = "internal" if entry.internal else ""
        out = [f'<div class="{css or "entry"}" id="{escape(entry.item_key)}">']
        flags = []
        if entry.internal:
            flags.append(self.inline(self.outline.label("not_for_counterpart")))
        if entry.marking is not None:
            flags.append(escape(entry.marking.value))
        if flags:
            out.append(f'<p class="internal-flag">{" · ".join(flags)}</p>')
        if entry.kind is ItemKind.QA:
            if entry.question is not None:
                out.append(self.block(entry.question, css="question"))
            if entry.answer is not None:
                out.append(self.block(entry.answer))
        elif entry.body is not None:
            out.append(self.block(entry.body))
        out.append("</div>")
        self.parts.append("".join(out))

    def action_table(self, actions: tuple[ActionRow, ...]) -> None:
        names = ("action", "owner", "deadline", "status", "source")
        head = "".join(f"<th>{self.inline(self.outline.label(n))}</th>" for n in names)
        rows = []
        for action in actions:
            overdue = ' class="overdue"' if action.overdue else ""
            rows.append(
                "<tr>"
                f"<td>{self.inline(action.text)}</td><td>{self.inline(action.owner_text)}</td>"
                f"<td{overdue}>{self.inline(action.deadline_text)}</td>"
                f"<td>{self.inline(action.status_text)}</td><td>{self.inline(action.source_text)}</td>"
                "</tr>"
            )
        self.parts.append(f'<table class="grid"><tr>{head}</tr>{"".join(rows)}</table>')

    def participants(self) -> None:
        if not self.outline.participants:
            return
        self.parts.append(self.heading(2, self.outline.label("participants"), "participants"))
        names = ("name", "function", "organisation", "biography")
        head = "".join(f"<th>{self.inline(self.outline.label(n))}</th>" for n in names)
        rows = "".join(
            f"<tr><td>{escape(p.name)}</td><td>{self.inline(p.function)}</td>"
            f"<td>{self.inline(p.organisation_text)}</td><td>{self.inline(p.bio)}</td></tr>"
            for p in self.outline.participants
        )
        self.parts.append(f'<table class="grid"><tr>{head}</tr>{rows}</table>')

    def actions_annex(self) -> None:
        if self.outline.actions:
            self.parts.append(self.heading(2, self.outline.label("follow_up_actions"), "actions"))
            self.action_table(self.outline.actions)
