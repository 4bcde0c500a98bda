"""Text blocks read with plain queries: their source language and every stored language, without ORM objects.

Readers that go through many texts at once (the streaming library export, the translation workbooks) read them
with :func:`read_blocks` a chunk of ids at a time, and work out each language's translation state with the one
rule in :mod:`briefing.model.states`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefing.model import TextBlock, Translation
from briefing.model.enums import TextStatus, TranslationState
from briefing.model.states import translation_state

ID_CHUNK = 900
"""Ids bound in one ``IN (…)`` list, well within what SQLite and PostgreSQL accept."""


@dataclass(frozen=True, slots=True)
class StoredTranslation:
    """One language of a text as stored (the columns of a translation row)."""

    text: str
    status: TextStatus
    source_fingerprint: str | None


@dataclass(slots=True)
class StoredBlock:
    """A text block as read by a plain query: its source language and its stored languages."""

    source_lang: str
    translations: dict[str, StoredTranslation] = field(default_factory=dict)

    def text(self, lang: str) -> str | None:
        row = self.translations.get(lang)
        return row.text if row is not None else None

    def state(self, lang: str) -> TranslationState:
        return translation_state(self.source_lang, self.translations, lang)


def chunks(values: Sequence[int], size: int | None = None) -> Iterator[Sequence[int]]:
    size = size or ID_CHUNK
    for start in range(0, len(values), size):
        yield values[start : start + size]


def read_blocks(session: Session, ids: Iterable[int | None]) -> dict[int, StoredBlock]:
    """The text blocks ``ids`` with every stored language, in two plain queries per chunk of ids."""
    wanted = sorted({ident for ident in ids if ident is not None})
    blocks: dict[int, StoredBlock] = {}
    for chunk in chunks(wanted):
        for block_id, source_lang in session.execute(
            select(TextBlock.id, TextBlock.source_lang).where(TextBlock.id.in_(chunk))
        ):
            blocks[block_id] = StoredBlock(source_lang)
        for block_id, lang, text, status, source_print in session.execute(
            select(
                Translation.block_id,
                Translation.lang,
                Translation.text,
                Translation.status,
                Translation.source_fingerprint,
            ).where(Translation.block_id.in_(chunk))
        ):
            blocks[block_id].translations[lang] = StoredTranslation(text, status, source_print)
    return blocks
