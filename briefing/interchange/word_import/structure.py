"""From a document's blocks to what a brief holds: topics, typed items, actions, markings.

The rules, in the order they apply:

- The cover is what comes before the first heading; a table of contents is a paragraph in a TOC style or
  field, or one whose words all link to places in the document. Neither is content: the cover and the page
  headers and footers are read for markings only.
- The topic level is the shallowest heading level that has content right under it (text, or a slot heading).
  A heading at that level starts a topic. When the paragraph after it starts with "Topic" / "Sujet" and a tab
  or colon (as under an agenda item of a Briefing pack), the topics it lists are the topics, and the heading is
  only the agenda item's title. Shallower headings only group topics.
- A heading naming a slot ("Lines to take", "Éléments de langage", "3. Background:", …) sets the kind of what
  follows; a heading naming a part of a pack (contents, objectives, agenda, participants, sources, annexes)
  starts furniture that is skipped, except the actions table of the follow-up actions annex.
- Each paragraph, bullet and numbered entry is one item; a nested list entry is added to its parent's text.
  Under "If asked", a question (a "Question"/"Q:" label or a closing question mark) starts an item and what
  follows is its answer. Text outside any slot comes in as background and is counted as unrecognised.
- A table whose header names an action and its owner or deadline gives actions; a table whose header names two
  languages gives items in both; any other table gives one item per row.
- In an actions table, a header cell of several lines names a field per line ("Deadline" over "Status"): the
  cells below give each field the first line that reads as it (a date, a status), so other lines ("Overdue",
  the other language) are passed over. A row with a single cell across a wider table names a group (an agenda
  item), not an action: the actions under it go to the first topic of the section whose heading it repeats.
  A note right under an actions table ("Source: ST 10270/24") is the source of its actions that cite none.
- In a two-language table, a row whose first cell opens with a line naming a slot (an interpreter's copy heads
  a slot's first row so) sets the slot; that line is left out of the item in each column that has it.
- Leading flags are read and removed: "[LIMITE]" is a marking, "[Not for use with the counterpart]" makes the
  item internal, "[Untranslated — English text]" says the text is in English whatever the column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from briefing.interchange.word_import import vocabulary as vocab
from briefing.interchange.word_import.document import Block, Document, Paragraph, Run, Table
from briefing.model.enums import ActionStatus, ItemKind, Marking

Texts = dict[str, str]


@dataclass
class ImportedItem:
    kind: ItemKind
    body: Texts = field(default_factory=dict)
    question: Texts = field(default_factory=dict)
    answer: Texts = field(default_factory=dict)
    marking: Marking | None = None
    internal: bool = False

    def texts(self) -> list[Texts]:
        return [self.question, self.answer] if self.kind is ItemKind.QA else [self.body]


@dataclass
class ImportedAction:
    text: Texts
    owner: str | None = None
    deadline: dt.date | None = None
    status: ActionStatus = ActionStatus.OPEN
    source: str | None = None


@dataclass
class ImportedTopic:
    title: Texts
    items: list[ImportedItem] = field(default_factory=list)
    actions: list[ImportedAction] = field(default_factory=list)
    marking: Marking | None = None


@dataclass
class Brief:
    """What a document holds for the library."""

    topics: list[ImportedTopic]
    unattached_actions: list[ImportedAction]
    languages: tuple[str, ...]
    marking: Marking | None = None
    """The document's own marking (cover, headers), given to topics its items' flags do not account for."""
    unrecognised: int = 0
    """Paragraphs that came in as background because nothing said what they were."""
    skipped: Counter[str] = field(default_factory=Counter)
    """Furniture left out: "cover", "contents", "annex", "grouping" headings."""
    shared_sections: int = 0
    """Sections listing several topics, whose items went to the first one (a pack does not say whose they are)."""


def base_language(tag: str | None) -> str | None:
    if not tag:
        return None
    base = tag.split("-")[0].split("_")[0].lower()
    return base if base in vocab.LANGUAGES else None


# --- flags at the start of a text ---------------------------------------------------------------------------

SLOT_LINE = 60
"""Longest plain paragraph read as a slot heading when its whole text names a slot."""

_FLAG = re.compile(r"\s*\[([^\[\]]{1,120})\]\s*")


@dataclass
class Unit:
    """One paragraph's text with its leading flags read off."""

    text: str
    lang: str | None
    marking: Marking | None = None
    internal: bool = False
    stand_in: bool = False
    """The text stands in for a missing translation (an untranslated flag came before it)."""
    label: str | None = None
    """"question" or "answer" when the paragraph began with such a label."""


def read_flags(runs: list[Run], default_lang: str | None) -> Unit:
    joined = "".join(r.text for r in runs)
    offsets = []
    position = 0
    for run in runs:
        offsets.append((position, position + len(run.text), run))
        position += len(run.text)
    unit = Unit("", None)
    start = 0
    while True:
        match = _FLAG.match(joined, start)
        if match is None:
            break
        flag = match.group(1)
        marking = vocab.marking_of(flag)
        loose = vocab.loose(flag)
        flagged = any(run.flagged for a, b, run in offsets if a <= match.start(1) < b)
        if marking is not None:
            unit.marking = Marking.highest([unit.marking, marking])
        elif loose in vocab.internal_flags():
            unit.internal = True
        elif loose in vocab.untranslated_flags():
            unit.stand_in = True
        elif not flagged:
            break
        else:
            unit.stand_in = True
        start = match.end()
    unit.text = joined[start:].strip()
    lang = None
    for a, b, run in offsets:
        if b > start and run.text[max(0, start - a) :].strip():
            lang = base_language(run.lang)
            break
    unit.lang = lang or default_lang
    return unit


# --- the builder --------------------------------------------------------------------------------------------


_LABEL = re.compile(r"^\s*([^\t:\n]{1,20}?)\s*(?:\t|:\s|:$)\s*")


def split_label(runs: list[Run]) -> tuple[str | None, list[Run]]:
    """("question", the runs after it) for "Question<tab>…" or "Q: …"; (None, runs) without such a label."""
    text = "".join(run.text for run in runs)
    match = _LABEL.match(text)
    if match is None:
        return None, runs
    label = vocab.loose(match.group(1))
    if label in vocab.question_labels():
        name = "question"
    elif label in vocab.answer_labels():
        name = "answer"
    else:
        return None, runs
    return name, cut_runs(runs, match.end())


def cut_runs(runs: list[Run], offset: int) -> list[Run]:
    """``runs`` without their first ``offset`` characters."""
    kept = []
    position = 0
    for run in runs:
        end = position + len(run.text)
        if end > offset:
            kept.append(Run(run.text[max(0, offset - position) :], run.lang, run.flagged, run.internal_link))
        position = end
    return kept


_NOTE = re.compile(r"^\s*([^:\n]{1,20}?)\s*:\s*(.+)$")
"""A one-line note under a table: "Source: ST 10270/24"."""


class _Builder:
    def __init__(self, document: Document, lang: str | None, fallback_title: str) -> None:
        self.document = document
        self.lang = lang or self._main_language()
        self.fallback_title = document.title or fallback_title
        self.topics: list[ImportedTopic] = []
        self.by_title: dict[str, ImportedTopic] = {}
        self.current: list[ImportedTopic] = []
        self.slot: str | None = None
        self.annex_level: int | None = None
        self.annex_actions = False
        self.unattached: list[ImportedAction] = []
        self.seen_actions: set[tuple[str, str, dt.date | None]] = set()
        self.unrecognised = 0
        self.skipped: Counter[str] = Counter()
        self.shared = 0
        self.languages: set[str] = set()
        self.cover_text: list[str] = [document.header_text]
        self.flag_markings: list[Marking | None] = []
        self.last_item: ImportedItem | None = None
        self.last_list_item: ImportedItem | None = None
        self.topic_level: int | None = None
        self.expect_topics = False
        self.heading_topic: ImportedTopic | None = None
        self.section_title = ""
        self.tracker: list[ImportedAction] = []
        """The actions of the table just read, which a source note under it may cite."""
        self.sections: dict[str, list[ImportedTopic]] = {}
        """Loose heading of a section (each language of it) → the topics it opened, for a tracker's group rows."""

    def _main_language(self) -> str:
        counts = {base_language(k): v for k, v in self.document.languages.items()}
        known = {k: v for k, v in counts.items() if k}
        return max(known, key=lambda k: known[k]) if known else "en"

    # --- topics

    def open_topics(self, titles: list[Texts]) -> list[ImportedTopic]:
        """Make ``titles`` the current topics (merged with topics of the same title met before); the new ones."""
        self.current = []
        created = []
        for given in titles:
            title = {k: v for k, v in given.items() if v.strip()}
            if not title:
                continue
            keys = {vocab.loose(t) for t in title.values()}
            existing = next((self.by_title[k] for k in keys if k in self.by_title), None)
            if existing is None:
                existing = ImportedTopic(title)
                self.topics.append(existing)
                created.append(existing)
            else:
                for lang, text in title.items():
                    existing.title.setdefault(lang, text)
            for k in keys:
                self.by_title[k] = existing
            self.current.append(existing)
            self.languages |= set(title)
        self.slot = None
        self.last_item = None
        self.last_list_item = None
        return created

    def remember_section(self) -> None:
        """Note the current topics under the heading that opened them."""
        for variant in vocab.variants(self.section_title):
            if variant:
                self.sections[variant] = list(self.current)

    def drop(self, topic: ImportedTopic) -> None:
        """Forget a topic made from a heading that turned out to title an agenda item, not a topic."""
        self.topics.remove(topic)
        for key in [k for k, t in self.by_title.items() if t is topic]:
            del self.by_title[key]

    def topic(self) -> ImportedTopic:
        if not self.current:
            self.open_topics([{self.lang: self.fallback_title}])
        return self.current[0]

    # --- items

    def add(self, item: ImportedItem, *, listed: bool = False) -> None:
        topic = self.topic()
        topic.items.append(item)
        self.flag_markings.append(item.marking)
        for texts in item.texts():
            self.languages |= {k for k, v in texts.items() if v}
        self.last_item = item
        self.last_list_item = item if listed else None

    def kind(self) -> ItemKind:
        if self.slot is None or self.slot == vocab.ACTIONS_SLOT:
            self.unrecognised += 1
            return ItemKind.BACKGROUND
        return ItemKind(self.slot)

    def paragraph(self, para: Paragraph) -> None:
        if para.list_level is None and len(para.text) <= SLOT_LINE and vocab.slot_of(para.text.strip()):
            # a slot heading typed as a plain (often bold) paragraph
            self.topic()
            self.slot = vocab.slot_of(para.text.strip())
            self.last_item = self.last_list_item = None
            return
        label, runs = split_label(para.runs)
        unit = read_flags(runs, self.lang)
        unit.label = label
        if not unit.text:
            return
        if unit.stand_in and unit.lang is None:
            return
        lang = unit.lang if unit.stand_in else self.lang
        assert lang is not None
        if para.list_level and self.last_list_item is not None:
            target = self.last_list_item
            texts = target.answer if target.kind is ItemKind.QA else target.body
            label = para.list_label if para.numbered else "–"
            texts[lang] = f"{texts.get(lang, '')}\n{label} {unit.text}".strip()
            return
        kind = self.kind()
        if kind is ItemKind.QA:
            self.qa_paragraph(unit, lang)
            return
        item = ImportedItem(kind, body={lang: unit.text}, marking=unit.marking, internal=unit.internal)
        self.add(item, listed=para.list_level is not None)

    def qa_paragraph(self, unit: Unit, lang: str) -> None:
        labelled = (unit.label, unit.text) if unit.label else None
        last = self.last_item if self.last_item is not None and self.last_item.kind is ItemKind.QA else None
        if labelled is not None and labelled[0] == "answer":
            if last is None:
                last = ImportedItem(ItemKind.QA)
                self.add(last)
            last.answer[lang] = f"{last.answer.get(lang, '')}\n{labelled[1]}".strip()
            return
        if labelled is not None or unit.text.rstrip().endswith("?") or last is None or not last.question:
            text = labelled[1] if labelled is not None else unit.text
            self.add(
                ImportedItem(ItemKind.QA, question={lang: text}, marking=unit.marking, internal=unit.internal)
            )
            return
        last.answer[lang] = f"{last.answer.get(lang, '')}\n{unit.text}".strip()

    # --- tables

    def table(self, table: Table) -> None:
        if not table.rows:
            return
        header = [table.cell_text(0, c) for c in range(len(table.rows[0]))]
        columns = [self.column_fields(header_cell) for header_cell in header]
        fields: dict[str, int] = {}
        for index, names in enumerate(columns):
            for name in names:
                fields.setdefault(name, index)
        if "action" in fields and ({"owner", "deadline"} & set(fields)):
            self.actions_table(table, fields, columns)
            return
        if self.annex_level is not None:
            self.skipped["annex"] += 1
            return
        languages = [vocab.language_columns().get(vocab.loose(h)) for h in header]
        if len([lang for lang in languages if lang]) >= 2:
            self.language_table(table, languages)
            return
        for r in range(len(table.rows)):
            cells = [table.cell_text(r, c) for c in range(len(table.rows[r]))]
            cells = [c for c in cells if c]
            if not cells:
                continue
            if len(cells) == 1 and vocab.slot_of(cells[0]) and self.current:
                self.slot = vocab.slot_of(cells[0])
                continue
            kind = self.kind()
            text = " — ".join(cells)
            if kind is ItemKind.QA:
                self.add(
                    ImportedItem(
                        kind, question={self.lang: cells[0]}, answer={self.lang: " — ".join(cells[1:])}
                    )
                )
            else:
                self.add(ImportedItem(kind, body={self.lang: text}))

    @staticmethod
    def column_fields(header: str) -> list[str]:
        """The fields an actions table's column holds: the one its heading names, or one per line of a
        heading of several lines ("Deadline" over "Status": both in one column)."""
        names = [vocab.column_of(line) for line in header.split("\n") if line.strip()]
        found = list(dict.fromkeys(name for name in names if name is not None))
        if len(found) > 1:
            return found
        whole = vocab.column_of(header)
        return [whole] if whole is not None else found

    def actions_table(self, table: Table, fields: dict[str, int], columns: list[list[str]]) -> None:
        self.tracker = []
        width = len(table.rows[0])
        group: list[ImportedTopic] = []
        for r in range(1, len(table.rows)):
            row = table.rows[r]
            if width > 1 and len(row) == 1:
                # a row across the table names a group (an agenda item met before), it is not an action
                group = self.section_topics(table.cell_text(r, 0))
                self.skipped["grouping"] += 1
                continue
            if fields["action"] >= len(row):
                continue
            texts = self.cell_texts(row[fields["action"]])
            if not texts:
                continue

            def value(name: str, row_index: int = r) -> str:
                """The cell of column ``name``; its first line when it holds one per language. In a column
                of several fields, the first line that reads as this field (a date, a status)."""
                if name not in fields:
                    return ""
                text = table.cell_text(row_index, fields[name])
                lines = [line.strip() for line in text.split("\n") if line.strip()]
                if len(columns[fields[name]]) > 1:
                    reads = {"deadline": vocab.parse_date, "status": vocab.status_of}.get(name)
                    return next((line for line in lines if reads is None or reads(line)), "")
                return lines[0] if lines else ""

            status = vocab.status_of(value("status")) or ActionStatus.OPEN
            action = ImportedAction(
                text=texts,
                owner=value("owner") or None,
                deadline=vocab.parse_date(value("deadline")),
                status=status,
                source=value("source") or None,
            )
            self.languages |= set(texts)
            key = (vocab.loose(next(iter(texts.values()))), vocab.loose(action.owner or ""), action.deadline)
            if key in self.seen_actions:
                continue
            self.seen_actions.add(key)
            self.tracker.append(action)
            named = self.named_topic(table.cell_text(r, fields["topic"])) if "topic" in fields else None
            if named is not None:
                named.actions.append(action)
            elif group:
                group[0].actions.append(action)
            elif self.current and self.annex_level is None:
                self.current[0].actions.append(action)
            else:
                self.unattached.append(action)

    @staticmethod
    def source_note(text: str, actions: list[ImportedAction]) -> bool:
        """Read "Source: ST 10270/24" (in each language, "Source: … / Source : …") under a tracker as the
        source of its actions that cite none; False when ``text`` is not such a note."""
        parts = text.split(" / ")
        first = _NOTE.match(parts[0])
        if first is None or vocab.column_of(first.group(1)) != "source":
            return False
        value = [first.group(2)]
        for part in parts[1:]:
            again = _NOTE.match(part)
            if again is not None and vocab.column_of(again.group(1)) == "source":
                break
            value.append(part)
        source = " / ".join(value).strip()
        if not source:
            return False
        for action in actions:
            action.source = action.source or source
        return True

    def section_topics(self, cell: str) -> list[ImportedTopic]:
        """The topics of the section whose heading a tracker's group row repeats; none when it names none."""
        for line in [cell, *cell.split("\n")]:
            for variant in vocab.variants(line):
                if variant in self.sections:
                    return [t for t in self.sections[variant] if t in self.topics]
        return []

    def named_topic(self, cell: str) -> ImportedTopic | None:
        """The topic met so far whose title a tracker's topic column gives (in any of its languages)."""
        for line in [cell, *cell.split("\n"), *cell.split(" / ")]:
            found = self.by_title.get(vocab.loose(line))
            if found is not None:
                return found
        return None

    def cell_texts(self, blocks: list[Block]) -> Texts:
        """One text per language of a cell: paragraphs tagged with two languages (an interpreter's copy) are
        kept apart; otherwise the cell is in the document's language."""
        units = [read_flags(b.runs, None) for b in blocks if isinstance(b, Paragraph)]
        units = [u for u in units if u.text]
        tagged = {u.lang for u in units if u.lang}
        texts: dict[str, list[str]] = {}
        for unit in units:
            lang = unit.lang if unit.lang and (len(tagged) > 1 or unit.stand_in) else self.lang
            texts.setdefault(lang, []).append(unit.text)
        return {lang: "\n".join(lines) for lang, lines in texts.items()}

    def language_table(self, table: Table, languages: list[str | None]) -> None:
        for r in range(1, len(table.rows)):
            row = table.rows[r]
            cells = [(languages[c], row[c]) for c in range(min(len(row), len(languages))) if languages[c]]
            texts = [table.cell_text(r, c) for c in range(len(row))]
            slots = {vocab.slot_of(t) for t in texts if t}
            if len(slots) == 1 and None not in slots:
                self.slot = slots.pop()
                continue
            opening = self.slot_opening(cells)
            if opening is not None:
                self.slot, cells = opening
                self.last_item = self.last_list_item = None
            item = self.bilingual_item(cells)
            if item is not None:
                self.add(item)

    @staticmethod
    def slot_opening(
        cells: list[tuple[str | None, list[Block]]],
    ) -> tuple[str, list[tuple[str | None, list[Block]]]] | None:
        """(slot, the cells without their heading line) when the row's first cell opens with a line naming a
        slot (an interpreter's copy heads a slot's first row with it); None otherwise."""
        if not cells:
            return None

        def heading_of(blocks: list[Block]) -> str | None:
            first = next((b for b in blocks if isinstance(b, Paragraph) and b.text.strip()), None)
            if first is None or first.list_level is not None or len(first.text.strip()) > SLOT_LINE:
                return None
            return vocab.slot_of(first.text.strip())

        slot = heading_of(cells[0][1])
        if slot is None:
            return None
        kept = []
        for lang, blocks in cells:
            first = next((b for b in blocks if isinstance(b, Paragraph) and b.text.strip()), None)
            opens = heading_of(blocks) == slot
            kept.append((lang, [b for b in blocks if not (opens and b is first)]))
        return slot, kept

    def bilingual_item(self, cells: list[tuple[str | None, list[Block]]]) -> ImportedItem | None:
        kind = self.kind()
        item = ImportedItem(kind)
        found = False
        for lang, blocks in cells:
            assert lang is not None
            paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
            for para in paragraphs:
                label, runs = split_label(para.runs)
                unit = read_flags(runs, lang)
                item.marking = Marking.highest([item.marking, unit.marking])
                item.internal = item.internal or unit.internal
                if not unit.text or (unit.stand_in and unit.lang != lang):
                    continue
                found = True
                if kind is ItemKind.QA:
                    labelled = (label, unit.text) if label else None
                    if labelled is not None and labelled[0] == "answer":
                        item.answer[lang] = f"{item.answer.get(lang, '')}\n{labelled[1]}".strip()
                    elif labelled is not None or lang not in item.question:
                        item.question[lang] = labelled[1] if labelled else unit.text
                    else:
                        item.answer[lang] = f"{item.answer.get(lang, '')}\n{unit.text}".strip()
                else:
                    item.body[lang] = f"{item.body.get(lang, '')}\n{unit.text}".strip()
        return item if found else None

    # --- the topics paragraph of a pack section

    def topics_paragraph(self, para: Paragraph) -> list[Texts] | None:
        text = para.text
        head, sep, _ = text.partition("\t")
        if not sep:
            head, sep, _ = text.partition(":")
        if not sep or not vocab.is_topic_label(head):
            return None
        cut = len(head) + len(sep)
        lines: list[list[Run]] = [[]]
        position = 0
        for run in para.runs:
            start, end = position, position + len(run.text)
            position = end
            if end <= cut:
                continue
            piece = run.text[max(0, cut - start) :]
            for index, part in enumerate(piece.split("\n")):
                if index:
                    lines.append([])
                if part:
                    lines[-1].append(Run(part, run.lang, run.flagged))
        titles = []
        for line in lines:
            title: dict[str, str] = {}
            for run in line:
                if run.text.strip() in ("/", ""):
                    continue
                lang = base_language(run.lang) or self.lang
                title[lang] = title.get(lang, "") + run.text
            title = {k: v.strip().rstrip("/").strip() for k, v in title.items()}
            if any(title.values()):
                titles.append(title)
        return titles

    # --- the walk

    def headings_with_content(self, blocks: list[Block]) -> int | None:
        levels = []
        for index, block in enumerate(blocks):
            if not self.is_heading(block):
                continue
            assert isinstance(block, Paragraph) and block.heading is not None
            if vocab.slot_of(block.text) or vocab.is_annex(block.text):
                continue
            following = next((b for b in blocks[index + 1 :] if not self.is_blank(b)), None)
            if following is None:
                continue
            if not self.is_heading(following):
                levels.append(block.heading)
            else:
                assert isinstance(following, Paragraph)
                if vocab.slot_of(following.text):
                    levels.append(block.heading)
        return min(levels) if levels else None

    @staticmethod
    def is_blank(block: Block) -> bool:
        return isinstance(block, Paragraph) and (
            not block.text.strip() or block.contents or block.linked_only
        )

    @staticmethod
    def is_heading(block: Block) -> bool:
        return (
            isinstance(block, Paragraph)
            and block.heading is not None
            and not block.contents
            and bool(block.text.strip())
        )

    def heading(self, para: Paragraph) -> None:
        level = para.heading
        assert level is not None
        text = para.text.strip()
        if self.annex_level is not None:
            if level > self.annex_level:
                self.skipped["annex"] += 1
                return
            self.annex_level = None
        slot = vocab.slot_of(text)
        annex = vocab.is_annex(text) and (self.topic_level is None or level <= self.topic_level)
        if slot is not None and self.current and not annex:
            self.slot = slot
            self.last_item = self.last_list_item = None
            return
        if annex:
            self.current = []
            self.annex_level = level
            self.skipped["annex"] += 1
            return
        if slot is not None:
            self.topic()
            self.slot = slot
            return
        if self.topic_level is None or level == self.topic_level:
            unit = read_flags(para.runs, self.lang)
            lang = unit.lang if unit.stand_in and unit.lang else self.lang
            created = self.open_topics([{lang: unit.text}])
            self.heading_topic = created[0] if created else None
            self.section_title = text
            self.remember_section()
            if unit.marking is not None:
                self.current[0].marking = Marking.highest([self.current[0].marking, unit.marking])
            self.expect_topics = True
            return
        if level < self.topic_level:
            self.current = []
            self.skipped["grouping"] += 1
            return
        self.paragraph(Paragraph(para.runs))

    def build(self, blocks: list[Block]) -> Brief:
        self.topic_level = self.headings_with_content(blocks)
        first_heading = next((i for i, b in enumerate(blocks) if self.is_heading(b)), None)
        start = 0
        if first_heading is not None:
            for block in blocks[:first_heading]:
                self.cover(block)
            start = first_heading
        for block in blocks[start:]:
            tracker, self.tracker = self.tracker, []
            if isinstance(block, Table):
                self.expect_topics = False
                self.table(block)
                continue
            if tracker and self.source_note(block.text, tracker):
                self.skipped["annex" if self.annex_level is not None else "contents"] += 1
                continue
            if block.contents or block.linked_only:
                self.skipped["contents"] += 1
                continue
            if not block.text.strip():
                continue
            if self.is_heading(block):
                self.heading(block)
                continue
            if self.annex_level is not None:
                self.skipped["annex"] += 1
                continue
            if self.expect_topics and self.section_topics_paragraph(block):
                continue
            self.paragraph(block)
        return self.brief()

    def section_topics_paragraph(self, block: Paragraph) -> bool:
        """Open the topics listed right under a section's heading ("Topic<tab>…"); False when not such a list."""
        self.expect_topics = False
        titles = self.topics_paragraph(block)
        if titles is None:
            return False
        heading_topic = self.heading_topic
        if heading_topic is not None and not heading_topic.items and not heading_topic.actions:
            self.drop(heading_topic)
        self.open_topics(titles)
        self.remember_section()
        if len(self.current) > 1:
            self.shared += 1
        return True

    def cover(self, block: Block) -> None:
        if isinstance(block, Table):
            for row in range(len(block.rows)):
                for column in range(len(block.rows[row])):
                    self.cover_text.append(block.cell_text(row, column))
            self.skipped["cover"] += 1
        elif block.text.strip():
            self.cover_text.append(block.text)
            self.skipped["contents" if block.contents or block.linked_only else "cover"] += 1

    def brief(self) -> Brief:
        document_marking = Marking.highest([m for text in self.cover_text for m in vocab.markings_in(text)])
        flagged = Marking.highest(self.flag_markings + [t.marking for t in self.topics])
        if document_marking is not None and (flagged is None or flagged.rank < document_marking.rank):
            for topic in self.topics:
                topic.marking = Marking.highest([topic.marking, document_marking])
        languages = tuple(lang for lang in vocab.LANGUAGES if lang in self.languages) or (self.lang,)
        return Brief(
            topics=self.topics,
            unattached_actions=self.unattached,
            languages=languages,
            marking=document_marking,
            unrecognised=self.unrecognised,
            skipped=self.skipped,
            shared_sections=self.shared,
        )


def read_brief(document: Document, lang: str | None, fallback_title: str) -> Brief:
    """The topics, items and actions of ``document``; ``lang`` is the language of its single-language text
    (None: the language most of its runs are tagged with)."""
    return _Builder(document, lang, fallback_title).build(document.blocks)
