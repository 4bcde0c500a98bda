"""What changed in a meeting's pack since a recorded version, agenda item by agenda item.

The recorded outline of version N is compared with the pack as the library holds it now (same copy type, in the
addendum's language): agenda items are matched by their topics and title, then by number; items by their key.
Each agenda item with a difference lists the items added, removed and changed; a changed text is compared word by
word (:func:`word_diff`) so the Word addendum can show it as tracked changes. This module imports no database
code.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefing.assemble.outline import ActionRow, Entry, Outline, Passage, Section, Text, plain
from briefing.errors import N_, BriefingError
from briefing.model.enums import Marking

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"

Segment = tuple[str, str]
"""A piece of a compared text: ("=", kept), ("-", deleted) or ("+", inserted)."""

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


def word_diff(old: str, new: str) -> list[Segment]:
    """``old`` turned into ``new`` word by word: kept, deleted and inserted pieces, in reading order."""
    before = _TOKENS.findall(old)
    after = _TOKENS.findall(new)
    segments: list[Segment] = []

    def add(kind: str, tokens: Sequence[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if segments and segments[-1][0] == kind:
            segments[-1] = (kind, segments[-1][1] + text)
        else:
            segments.append((kind, text))

    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("=", before[i1:i2])
        else:
            add("-", before[i1:i2])
            add("+", after[j1:j2])
    return _joined_changes(segments)


def _joined_changes(segments: list[Segment]) -> list[Segment]:
    """Changes separated only by spaces read as one change ("a shared" → "everyone's"), not word by word."""
    out: list[Segment] = []
    group: list[Segment] = []

    def flush() -> None:
        while group and group[-1][0] == "=":
            trailing = group.pop()
            flush()
            out.append(trailing)
            return
        if group:
            deleted = "".join(text for kind, text in group if kind != "+")
            inserted = "".join(text for kind, text in group if kind != "-")
            out.extend(segment for segment in (("-", deleted), ("+", inserted)) if segment[1])
            group.clear()

    for kind, text in segments:
        if kind == "=" and (not group or text.strip()):
            flush()
            out.append((kind, text))
        else:
            group.append((kind, text))
    flush()
    return out


@dataclass(frozen=True)
class EntryChange:
    """An item added, removed or changed in an agenda item; its texts as (label name, passage) pairs."""

    change: str
    item_key: str
    slot: Passage
    old: tuple[tuple[str, Passage], ...]
    new: tuple[tuple[str, Passage], ...]


@dataclass(frozen=True)
class SectionChange:
    """An agenda item with something added, removed or changed."""

    change: str
    heading: Passage
    """ "Agenda item 3 — Title" as the pack prints it now (as it was printed, for a removed agenda item)."""
    old_title: Passage
    new_title: Passage
    entries: tuple[EntryChange, ...]


@dataclass(frozen=True)
class Addendum:
    """Addendum ``number`` to recorded version ``base``: the changes, and the pack as it is now (for its labels,
    marking and page furniture)."""

    number: int
    base: int
    base_time: dt.datetime
    outline: Outline
    sections: tuple[SectionChange, ...]


def columns_of(base: Outline, languages: Sequence[str], number: int) -> tuple[int, ...]:
    """The columns of ``base`` holding ``languages``; a clear error when version ``number`` lacks one."""
    missing = [lang for lang in languages if lang not in base.languages]
    if missing:
        raise BriefingError(
            N_("Version {number} is not in {missing}: make the addendum in {languages}."),
            number=number,
            missing=", ".join(missing),
            languages=", ".join(base.languages),
        )
    return tuple(base.languages.index(lang) for lang in languages)


def _project(passage: Passage | None, columns: tuple[int, ...]) -> Passage:
    if passage is None:
        return ()
    return tuple(passage[index] for index in columns if index < len(passage))


def _texts(entry: Entry, columns: tuple[int, ...]) -> tuple[tuple[str, Passage], ...]:
    parts: list[tuple[str, Passage]] = []
    if entry.question is not None:
        parts.append(("question", _project(entry.question, columns)))
        parts.append(("answer", _project(entry.answer, columns)))
    elif entry.body is not None:
        parts.append(("", _project(entry.body, columns)))
    elif entry.answer is not None:
        parts.append(("answer", _project(entry.answer, columns)))
    return tuple(parts)


def _words(parts: tuple[tuple[str, Passage], ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((name, tuple(text.text for text in passage)) for name, passage in parts)


def _slot_headings(section: Section, columns: tuple[int, ...]) -> dict[str, Passage]:
    return {
        entry.item_key: _project(slot.heading, columns) for slot in section.slots for entry in slot.entries
    }


def _section_key(section: Section) -> tuple[tuple[str, ...], str]:
    return section.topic_keys, plain(section.title)


def match_sections(
    old: Sequence[Section], new: Sequence[Section]
) -> list[tuple[Section | None, Section | None]]:
    """Pairs of (old, new) agenda items: the same topics and title, else the same topics, else the same number;
    an agenda item with no partner is paired with None. In the order of the new pack, removed ones after."""
    partner: dict[int, Section] = {}
    free = list(old)
    for key in (_section_key, lambda s: s.topic_keys, lambda s: s.number):
        for section in new:
            if id(section) in partner:
                continue
            found = next(
                (o for o in free if key(o) == key(section) and (key is not _section_key or o.topic_keys)),
                None,
            )
            if found is not None:
                partner[id(section)] = found
                free.remove(found)
    pairs: list[tuple[Section | None, Section | None]] = [(partner.get(id(s)), s) for s in new]
    pairs += [(o, None) for o in old if o in free]
    return pairs


def compare(
    base: Outline, current: Outline, *, base_number: int, number: int, base_time: dt.datetime
) -> Addendum:
    """What changed from ``base`` (recorded version ``base_number``) to ``current``, in ``current``'s languages."""
    old_columns = columns_of(base, current.languages, base_number)
    new_columns = tuple(range(len(current.languages)))
    sections: list[SectionChange] = []
    for old, new in match_sections(base.sections, current.sections):
        change = _section_change(old, new, old_columns, new_columns, current)
        if change is not None:
            sections.append(change)
    marking = Marking.highest([base.marking, current.marking])
    return Addendum(number, base_number, base_time, replace(current, marking=marking), tuple(sections))


def _heading(section: Section, columns: tuple[int, ...]) -> Passage:
    return tuple(
        Text(f"{heading.text} — {title.text}", title.lang, title.untranslated)
        for heading, title in zip(
            _project(section.heading, columns), _project(section.title, columns), strict=True
        )
    )


def _action_line(action: ActionRow, columns: tuple[int, ...]) -> Passage:
    """A follow-up action on one line per language: "Report on the alliance (Commission; 31 December 2024; open)"."""
    lines = []
    for index in columns:
        text = action.text[index] if index < len(action.text) else Text("", "")
        details = [
            action.owner,
            action.deadline_text[index].text if index < len(action.deadline_text) else "",
            action.status_text[index].text if index < len(action.status_text) else "",
        ]
        shown = "; ".join(detail for detail in details if detail)
        lines.append(Text(f"{text.text} ({shown})" if shown else text.text, text.lang, text.untranslated))
    return tuple(lines)


def _action_changes(
    old: Section | None,
    new: Section | None,
    old_columns: tuple[int, ...],
    new_columns: tuple[int, ...],
    current: Outline,
) -> list[EntryChange]:
    """The follow-up actions of an agenda item added, removed or changed (text, owner, deadline or status)."""
    heading = _project(current.label("follow_up_actions"), new_columns)
    before = {a.key: _action_line(a, old_columns) for a in old.actions} if old is not None else {}
    after = {a.key: _action_line(a, new_columns) for a in new.actions} if new is not None else {}
    changes = []
    for key, line in after.items():
        if key not in before:
            changes.append(EntryChange(ADDED, f"action:{key}", heading, (), (("", line),)))
        elif [t.text for t in before[key]] != [t.text for t in line]:
            changes.append(
                EntryChange(CHANGED, f"action:{key}", heading, (("", before[key]),), (("", line),))
            )
    changes += [
        EntryChange(REMOVED, f"action:{key}", heading, (("", line),), ())
        for key, line in before.items()
        if key not in after
    ]
    return changes


def _section_change(
    old: Section | None,
    new: Section | None,
    old_columns: tuple[int, ...],
    new_columns: tuple[int, ...],
    current: Outline,
) -> SectionChange | None:
    old_entries = {e.item_key: e for e in old.entries} if old is not None else {}
    new_entries = {e.item_key: e for e in new.entries} if new is not None else {}
    old_slots = _slot_headings(old, old_columns) if old is not None else {}
    new_slots = _slot_headings(new, new_columns) if new is not None else {}
    changes: list[EntryChange] = []
    for key, entry in new_entries.items():
        texts = _texts(entry, new_columns)
        if key not in old_entries:
            changes.append(EntryChange(ADDED, key, new_slots[key], (), texts))
            continue
        before = _texts(old_entries[key], old_columns)
        if _words(before) != _words(texts) or old_entries[key].marking != entry.marking:
            changes.append(EntryChange(CHANGED, key, new_slots[key], before, texts))
    for key, entry in old_entries.items():
        if key not in new_entries:
            changes.append(EntryChange(REMOVED, key, old_slots[key], _texts(entry, old_columns), ()))
    changes += _action_changes(old, new, old_columns, new_columns, current)
    old_title = _project(old.title, old_columns) if old is not None else ()
    new_title = _project(new.title, new_columns) if new is not None else ()
    if old is None:
        kind = ADDED
    elif new is None:
        kind = REMOVED
    elif changes or [t.text for t in old_title] != [t.text for t in new_title]:
        kind = CHANGED
    else:
        return None
    shown = new if new is not None else old
    assert shown is not None
    columns = new_columns if new is not None else old_columns
    return SectionChange(kind, _heading(shown, columns), old_title, new_title, tuple(changes))


__all__ = [
    "ADDED",
    "CHANGED",
    "REMOVED",
    "Addendum",
    "EntryChange",
    "SectionChange",
    "columns_of",
    "compare",
    "match_sections",
    "word_diff",
]
