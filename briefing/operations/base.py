"""What every operation shares: where it runs, what it reports, and row snapshots for exact undo.

An operation takes a :class:`~briefing.store.Library` (it then runs in its own unit of work and commits) or a
:class:`~briefing.store.UnitOfWork` the caller has opened (the caller commits). It returns a :class:`Change`
saying what it did; ``change.revert(target)`` applies the inverse operation and returns *its* change, whose
``revert`` applies the original again. Undo and redo are therefore just ``revert`` called in turn.

Deleting something records its rows (with their ids) in a :class:`Rows` snapshot; restoring inserts those rows
back, so the ids other changes refer to stay valid whatever is undone and redone.
"""

from __future__ import annotations

import abc
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Flag, auto
from typing import Any

from sqlalchemy import ColumnElement, Table, and_, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from briefing.model import TextBlock, TextStatus
from briefing.model.base import Base
from briefing.store import Library, UnitOfWork

Target = Library | UnitOfWork
"""Where an operation runs: a library (own transaction) or an open unit of work (the caller's)."""


class Changed(Flag):
    """What a change touched, so a view knows whether to refresh (Anki's ``OpChanges``)."""

    NOTHING = 0
    TEXT = auto()
    TOPICS = auto()
    ITEMS = auto()
    ACTIONS = auto()
    PARTICIPANTS = auto()
    MEETINGS = auto()
    AGENDA = auto()
    SELECTION = auto()
    PRESETS = auto()


ChangeKey = tuple[str, str]
"""A record a change touched: (kind, key), e.g. ("topic", "drug-trafficking"), ("agenda_item", "12"),
("text", "345") for a text block by id, ("meeting", "jha-council-2024-06")."""


class Change(abc.ABC):
    """The result of an operation: what changed, and how to undo it."""

    changed: Changed

    @property
    def keys(self) -> frozenset[ChangeKey]:
        """The records this change touched; empty when not known (then any record of :attr:`changed`'s kinds
        may have changed)."""
        return frozenset()

    @abc.abstractmethod
    def revert(self, target: Target) -> Change:
        """Apply the inverse operation; returns its change (whose ``revert`` redoes this one)."""


@contextmanager
def unit_of_work(target: Target) -> Iterator[UnitOfWork]:
    """The caller's unit of work, or a new one on the library that commits when the block ends."""
    if isinstance(target, UnitOfWork):
        yield target
        target.flush()
    else:
        with target.unit_of_work() as uow:
            yield uow


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def new_text_block(texts: Mapping[str, str], source_lang: str = "en") -> TextBlock:
    """A text block holding ``texts``; the source language is written first, so translations match it."""
    block = TextBlock(source_lang=source_lang)
    block.set_text(source_lang, texts.get(source_lang, ""), TextStatus.DRAFT)
    for lang, text in texts.items():
        if lang != source_lang and text.strip():
            block.set_text(lang, text, TextStatus.TRANSLATED)
    return block


def slugify(text: str, fallback: str) -> str:
    """A key made of the lower-case ASCII words of ``text`` (at most 60 characters)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    return slug or fallback


def unique_key(base: str, taken: Callable[[str], bool]) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever is free first."""
    candidate, n = base, 1
    while taken(candidate):
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def renumber(records: Sequence[Any]) -> None:
    """Give ``records`` the positions 0, 1, 2… in their current order."""
    for i, record in enumerate(records):
        if record.position != i:
            record.position = i


def move_to(records: Sequence[Any], record: Any, position: int) -> tuple[int, int]:
    """Move ``record`` to index ``position`` (clamped) among ``records`` in position order, then renumber them.

    Returns the old and the new index.
    """
    ordered = sorted(records, key=lambda r: (r.position, r.id))
    old = ordered.index(record)
    ordered.remove(record)
    new = max(0, min(position, len(ordered)))
    ordered.insert(new, record)
    renumber(ordered)
    return old, new


# --- Row snapshots ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rows:
    """Rows of several tables, in an order they can be inserted back in.

    ``links`` are columns of rows that stay (e.g. an action's topic) that deleting set to NULL: (table, id,
    column, value before).
    """

    tables: tuple[tuple[str, tuple[Mapping[str, Any], ...]], ...]
    links: tuple[tuple[str, int, str, Any], ...] = ()

    def rows(self, name: str) -> tuple[Mapping[str, Any], ...]:
        for table_name, rows in self.tables:
            if table_name == name:
                return rows
        return ()


def _text_block_columns(tab: Table) -> list[str]:
    return [
        column.key
        for column in tab.columns
        if any(fk.column.table.name == "text_block" for fk in column.foreign_keys)
    ]


def capture(
    session: Session,
    parts: Sequence[tuple[str, ColumnElement[bool] | None]],
    links: Sequence[tuple[str, ColumnElement[bool], str]] = (),
) -> Rows:
    """Snapshot the rows each ``(table, condition)`` selects, preceded by the texts those rows own.

    ``links`` name rows outside the snapshot whose column points into it: ``(table, condition, column)``.
    """
    captured: list[tuple[str, tuple[Mapping[str, Any], ...]]] = []
    block_ids: list[int] = []
    session.flush()
    for name, condition in parts:
        tab = table(name)
        if condition is None:
            captured.append((name, ()))
            continue
        rows = tuple(dict(row) for row in session.execute(select(tab).where(condition)).mappings())
        captured.append((name, rows))
        for column in _text_block_columns(tab):
            block_ids += [row[column] for row in rows if row[column] is not None]
    blocks = table("text_block")
    translations = table("translation")
    block_rows = tuple(
        dict(r) for r in session.execute(select(blocks).where(blocks.c.id.in_(block_ids))).mappings()
    )
    translation_rows = tuple(
        dict(r)
        for r in session.execute(
            select(translations).where(translations.c.block_id.in_(block_ids))
        ).mappings()
    )
    kept_links: list[tuple[str, int, str, Any]] = []
    for name, condition, column in links:
        tab = table(name)
        for ident, value in session.execute(select(tab.c.id, tab.c[column]).where(condition)):
            kept_links.append((name, ident, column, value))
    return Rows((("text_block", block_rows), ("translation", translation_rows), *captured), tuple(kept_links))


def _primary_key_condition(tab: Table) -> ColumnElement[bool]:
    return and_(*(column == bindparam(f"pk_{column.key}") for column in tab.primary_key.columns))


def delete_rows(session: Session, rows: Rows) -> None:
    """Delete the snapshot's rows (last table first) and clear the links into them."""
    session.flush()
    for name, ident, column, _value in rows.links:
        tab = table(name)
        session.execute(update(tab).where(tab.c.id == ident).values({column: None}))
    for name, table_rows in reversed(rows.tables):
        if not table_rows:
            continue
        tab = table(name)
        keys = [{f"pk_{c.key}": row[c.key] for c in tab.primary_key.columns} for row in table_rows]
        session.execute(delete(tab).where(_primary_key_condition(tab)), keys)
    session.expire_all()


def insert_rows(session: Session, rows: Rows) -> None:
    """Insert the snapshot's rows back, with their ids, and restore the links into them."""
    session.flush()
    for name, table_rows in rows.tables:
        if table_rows:
            session.execute(insert(table(name)), [dict(row) for row in table_rows])
    for name, ident, column, value in rows.links:
        tab = table(name)
        session.execute(update(tab).where(tab.c.id == ident).values({column: value}))
    session.expire_all()


# --- Creating and deleting whole records --------------------------------------------------------------------

Deleter = Callable[[Target, str], "Deleted"]


@dataclass(frozen=True)
class Created(Change):
    """A record was created (or restored); reverting deletes it again."""

    kind: str
    """"topic", "item", "meeting", "agenda_item", "action", "participant"."""
    key: str
    """The record's key (slug for a meeting, id as text for an agenda item)."""
    ident: int
    changed: Changed
    deleter: Deleter

    def revert(self, target: Target) -> Deleted:
        return self.deleter(target, self.key)

    @property
    def keys(self) -> frozenset[ChangeKey]:
        return frozenset({(self.kind, self.key)})


@dataclass(frozen=True)
class Deleted(Change):
    """A record was deleted; ``rows`` hold everything needed to restore it exactly."""

    kind: str
    key: str
    ident: int
    changed: Changed
    rows: Rows
    deleter: Deleter

    def revert(self, target: Target) -> Created:
        with unit_of_work(target) as uow:
            insert_rows(uow.session, self.rows)
        return Created(self.kind, self.key, self.ident, self.changed, self.deleter)

    @property
    def keys(self) -> frozenset[ChangeKey]:
        return frozenset({(self.kind, self.key)})


def restore(target: Target, deleted: Deleted) -> Created:
    """Put back what ``deleted`` removed, with the same ids and keys."""
    return deleted.revert(target)


# --- Several changes as one ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Batch(Change):
    """Several changes made as one step (e.g. a title written in English and French); undone together."""

    changes: tuple[Change, ...]
    changed: Changed

    def revert(self, target: Target) -> Batch:
        with unit_of_work(target) as uow:
            undone = tuple(change.revert(uow) for change in reversed(self.changes))
        return Batch(undone, self.changed)

    @property
    def keys(self) -> frozenset[ChangeKey]:
        """Every part's keys; empty (not known) as soon as one part's keys are not known."""
        parts = [change.keys for change in self.changes]
        if not parts or any(not keys for keys in parts):
            return frozenset()
        return frozenset().union(*parts)
