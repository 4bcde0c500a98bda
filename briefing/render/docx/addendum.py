"""The Word addendum: what changed in a pack since a recorded version, as tracked changes.

Changed text is written as Word revisions (``w:ins`` / ``w:del`` with author and date), word by word, so the reader
sees it in Word's or LibreOffice's review pane and can accept or reject it; an added item is one inserted
paragraph, a removed item one deleted paragraph. The addendum has the pack's house look, marking and page
furniture (:mod:`.layout`); it is built in the house package, never in a template.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.assemble.outline import Passage, Text
from briefing.files import atomic_output
from briefing.i18n.dates import format_day
from briefing.i18n.labels import Labels
from briefing.i18n.typography import for_language
from briefing.render.docx.xml import escape, language_tag, paragraph, text_content, text_run

if TYPE_CHECKING:
    from briefing.history.addendum import Addendum, EntryChange
    from briefing.render.docx import Pack
    from briefing.render.docx.house_styles import StyleIds


class _Revisions:
    """Runs marked as inserted or deleted, each revision with its own id, all by one author at one time."""

    def __init__(self, author: str, moment: dt.datetime) -> None:
        self.author = escape(author)
        self.date = moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.next_id = 0

    def mark(self) -> str:
        self.next_id += 1
        return f'w:id="{self.next_id}" w:author="{self.author}" w:date="{self.date}"'

    def run(self, text: str, lang: str) -> str:
        return text_run(text, lang) if text else ""

    def inserted(self, text: str, lang: str) -> str:
        if not text:
            return ""
        return f"<w:ins {self.mark()}>{text_run(text, lang)}</w:ins>"

    def deleted(self, text: str, lang: str) -> str:
        content = text_content(text)
        if not content:
            return ""
        content = (
            content.replace("<w:t>", "<w:delText>")
            .replace("<w:t ", "<w:delText ")
            .replace("</w:t>", "</w:delText>")
        )
        return f'<w:del {self.mark()}><w:r><w:rPr><w:lang w:val="{language_tag(lang)}"/></w:rPr>{content}</w:r></w:del>'

    def paragraph_mark(self, change: str) -> str:
        """The run properties of a paragraph mark inserted ("+") or deleted ("-") with the paragraph."""
        tag = "w:ins" if change == "+" else "w:del"
        return f"<w:rPr><{tag} {self.mark()}/></w:rPr>"


class AddendumWriter:
    """Writes the body of one addendum as WordprocessingML chunks."""

    def __init__(self, addendum: Addendum, styles: StyleIds, author: str, moment: dt.datetime) -> None:
        from briefing.history import labels as hl

        self.addendum = addendum
        self.outline = addendum.outline
        self.styles = styles
        self.languages = self.outline.languages
        self.lang = self.outline.primary_language
        self.revisions = _Revisions(author, moment)
        self.words = hl

    def label(self, msgid: str, **values: object) -> Passage:
        return tuple(
            Text(for_language(Labels.for_language(lang).get(msgid, **values), lang), lang)
            for lang in self.languages
        )

    def runs(self, passage: Passage, **props: object) -> str:
        pieces = []
        for index, text in enumerate(passage):
            if index:
                pieces.append(text_run(" / ", self.lang, **props))
            pieces.append(text_run(text.text, text.lang, **props))
        return "".join(pieces)

    def chunks(self) -> Iterator[str]:
        addendum, styles = self.addendum, self.styles
        words = self.words
        yield paragraph(self.runs(self.outline.cover.title), style=styles.cover_label)
        yield paragraph(
            self.runs(self.label(words.ADDENDUM_TITLE, number=addendum.number, version=addendum.base)),
            style=styles.title,
        )
        dates = tuple(Text(format_day(addendum.base_time.date(), lang), lang) for lang in self.languages)
        intro = tuple(
            Text(
                for_language(
                    Labels.for_language(lang).get(
                        words.ADDENDUM_INTRO, version=addendum.base, date=date.text
                    ),
                    lang,
                ),
                lang,
            )
            for lang, date in zip(self.languages, dates, strict=True)
        )
        yield paragraph(self.runs(intro), style=styles.subtitle)
        if self.outline.marking_text:
            yield paragraph(
                text_run(self.outline.marking_text, self.lang, no_proof=True), style=styles.marking
            )
        yield paragraph(self.runs(self.outline.cover.copy_label), style=styles.copy_label)
        if not addendum.sections:
            yield paragraph(self.runs(self.label(words.NO_CHANGES)))
            return
        for section in addendum.sections:
            yield from self.section(section)

    def section(self, section: object) -> Iterator[str]:
        from briefing.history.addendum import ADDED, REMOVED, SectionChange

        assert isinstance(section, SectionChange)
        styles, words = self.styles, self.words
        if section.change == ADDED:
            yield self.whole(section.heading, "+", style=styles.heading1)
            yield paragraph(self.runs(self.label(words.NEW_AGENDA_ITEM), bold=True), style=styles.label)
        elif section.change == REMOVED:
            yield self.whole(section.heading, "-", style=styles.heading1)
            yield paragraph(self.runs(self.label(words.REMOVED_AGENDA_ITEM), bold=True), style=styles.label)
        else:
            yield paragraph(self.runs(section.heading), style=styles.heading1)
            old = [t.text for t in section.old_title]
            new = [t.text for t in section.new_title]
            if old != new:
                yield self.compared(section.old_title, section.new_title, style=styles.heading2)
        for entry in section.entries:
            yield from self.entry(entry)

    def entry(self, entry: EntryChange) -> Iterator[str]:
        from briefing.history.addendum import ADDED, REMOVED

        words = self.words
        change_label = {ADDED: words.ADDED, REMOVED: words.REMOVED}.get(entry.change, words.CHANGED)
        heading = tuple(
            Text(f"{change.text} — {slot.text}", slot.lang)
            for change, slot in zip(self.label(change_label), entry.slot, strict=False)
        )
        yield paragraph(self.runs(heading, bold=True), style=self.styles.label, keep_next=True)
        if entry.change == ADDED:
            for name, passage in entry.new:
                for text in passage:
                    yield self.whole((text,), "+", prefix=self.part_label(name, text.lang))
        elif entry.change == REMOVED:
            for name, passage in entry.old:
                for text in passage:
                    yield self.whole((text,), "-", prefix=self.part_label(name, text.lang))
        else:
            for (name, old), (_name, new) in zip(entry.old, entry.new, strict=False):
                for before, after in zip(old, new, strict=False):
                    label = self.part_label(name, after.lang)
                    yield self.compared(
                        (before,), (after,), prefix=text_run(label, after.lang, bold=True) if label else ""
                    )

    def part_label(self, name: str, lang: str) -> str:
        """ "Question: " before a question (in ``lang``), nothing before a plain text."""
        if not name:
            return ""
        label = self.outline.label(name)
        text = next((t.text for t in label if t.lang == lang), label[0].text if label else "")
        colon = "\u00a0: " if lang == "fr" else ": "
        return text + colon

    def whole(self, passage: Passage, change: str, *, style: str | None = None, prefix: str = "") -> str:
        """A paragraph inserted ("+") or deleted ("-") as a whole, ``prefix`` and its mark included."""
        revisions = self.revisions
        body = "".join(
            revisions.inserted(prefix + text.text, text.lang)
            if change == "+"
            else revisions.deleted(prefix + text.text, text.lang)
            for text in passage
        )
        return _paragraph_with_mark(body, revisions.paragraph_mark(change), style)

    def compared(self, old: Passage, new: Passage, *, style: str | None = None, prefix: str = "") -> str:
        """A paragraph of ``new`` with what differs from ``old`` as tracked changes, word by word."""
        from briefing.history.addendum import word_diff

        revisions = self.revisions
        pieces = [prefix]
        for before, after in zip(old, new, strict=False):
            for kind, text in word_diff(before.text, after.text):
                if kind == "=":
                    pieces.append(revisions.run(text, after.lang))
                elif kind == "-":
                    pieces.append(revisions.deleted(text, before.lang))
                else:
                    pieces.append(revisions.inserted(text, after.lang))
        return paragraph("".join(pieces), style=style)


def _paragraph_with_mark(content: str, mark: str, style: str | None) -> str:
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    return f"<w:p><w:pPr>{style_xml}{mark}</w:pPr>{content}</w:p>"


def render_addendum(addendum: Addendum, path: Path, *, now: dt.datetime) -> None:
    """Write ``addendum`` as a Word document at ``path``, its revisions and properties dated ``now``."""
    pack = build_addendum(addendum, now=now)
    with atomic_output(Path(path)) as temporary:
        pack.save(temporary)


def build_addendum(addendum: Addendum, *, now: dt.datetime) -> Pack:
    from briefing.render.docx import Pack
    from briefing.render.docx.layout import add_headers_and_footers
    from briefing.render.docx.numbering import add_bullet_list
    from briefing.render.docx.package import (
        numbering_element,
        open_package,
        prepare_package,
        settings_element,
        styles_element,
    )
    from briefing.render.docx.properties import (
        APPLICATION,
        set_app_properties,
        set_core_properties,
        set_settings,
    )
    from briefing.render.docx.styles import apply_styles

    outline = addendum.outline
    document, _warnings = open_package(None)
    prepare_package(document)
    styles, _style_warnings = apply_styles(styles_element(document), outline.primary_language, template=False)
    add_bullet_list(numbering_element(document))
    set_settings(settings_element(document), outline.primary_language)
    add_headers_and_footers(document, outline, styles, even_pages=False)
    set_core_properties(document, outline, now)
    set_app_properties(document)
    author = outline.cover.prepared_by.strip() or APPLICATION
    writer = AddendumWriter(addendum, styles, author, now)
    return Pack(document, writer.chunks())


__all__ = ["AddendumWriter", "build_addendum", "render_addendum"]
