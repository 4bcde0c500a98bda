"""Translatable texts: one block per text, one translation row per language.

A block records its source language. A translation in another language stores the fingerprint of the source
text it was made from, so it becomes *stale* by itself when the source changes. A language without a row is
*missing*. Adding a language needs no schema change.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, ForeignKey, ScalarSelect, String, Text, UniqueConstraint, select
from sqlalchemy.orm import InstrumentedAttribute, Mapped, attribute_keyed_dict, mapped_column, relationship

from briefing.model.base import Base, Versioned, enum_type
from briefing.model.enums import SOURCE_LANGUAGE, TextStatus, TranslationState
from briefing.model.states import STALE_FINGERPRINT, fingerprint, translation_state

__all__ = [
    "STALE_FINGERPRINT",
    "TextBlock",
    "Translation",
    "fingerprint",
    "short_text",
    "source_text_of",
    "with_short_text",
]


class TextBlock(Base):
    """One translatable text, whatever it belongs to (an item body, a topic title, a bio, …)."""

    __tablename__ = "text_block"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_lang: Mapped[str] = mapped_column(String(8), default=SOURCE_LANGUAGE)
    translations: Mapped[dict[str, Translation]] = relationship(
        back_populates="block",
        collection_class=attribute_keyed_dict("lang"),
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    def text(self, lang: str) -> str | None:
        """The text in ``lang``, or None when that language is missing."""
        row = self.translations.get(lang)
        return row.text if row is not None else None

    @property
    def source_text(self) -> str | None:
        return self.text(self.source_lang)

    def set_text(self, lang: str, text: str, status: TextStatus | None = None) -> Translation:
        """Write ``text`` in ``lang``.

        Writing the source language keeps the other languages as they are: they turn stale on their own
        because their fingerprint no longer matches. Writing another language records the current source
        fingerprint, i.e. the translation is up to date with the source it was made from.
        """
        row = self.translations.get(lang)
        if row is None:
            row = Translation(lang=lang, text=text, status=status or TextStatus.TRANSLATED)
            self.translations[lang] = row
        else:
            row.text = text
            if status is not None:
                row.status = status
        if lang != self.source_lang:
            source = self.source_text
            row.source_fingerprint = fingerprint(source) if source is not None else None
        return row

    def remove_text(self, lang: str) -> None:
        """Make ``lang`` missing."""
        self.translations.pop(lang, None)

    def state(self, lang: str) -> TranslationState:
        """What a person should be told about ``lang`` of this text (see :func:`translation_state`)."""
        return translation_state(self.source_lang, self.translations, lang)

    def mark_stale(self, lang: str) -> None:
        """Record that the ``lang`` translation no longer follows the source (e.g. when restoring a backup)."""
        row = self.translations.get(lang)
        if row is not None and lang != self.source_lang:
            row.source_fingerprint = STALE_FINGERPRINT

    def mark_reviewed(self, lang: str) -> None:
        """Confirm ``lang`` against the current source: it is reviewed and no longer stale."""
        row = self.translations[lang]
        row.status = TextStatus.REVIEWED
        if lang != self.source_lang:
            source = self.source_text
            row.source_fingerprint = fingerprint(source) if source is not None else None
            row.reviewed_source = source


class Translation(Versioned, Base):
    """The text of one block in one language."""

    __tablename__ = "translation"
    __table_args__ = (UniqueConstraint("block_id", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    block_id: Mapped[int] = mapped_column(ForeignKey("text_block.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[TextStatus] = mapped_column(enum_type(TextStatus, 16), default=TextStatus.TRANSLATED)
    source_fingerprint: Mapped[str | None] = mapped_column(String(32), default=None)
    reviewed_source: Mapped[str | None] = mapped_column(Text, default=None)
    """The source text this translation was last marked reviewed against (to show what changed since)."""

    block: Mapped[TextBlock] = relationship(back_populates="translations")


# --- Short fields ---------------------------------------------------------------------------------------------
#
# An owner, an organisation, a source's title, who prepared a pack: short texts a reader sees, so translatable
# and checked like any other text. Each is a block of its own (or none); the record keeps a plain attribute
# giving and setting the source-language text, so code that only deals with one language reads as before.


def short_text(block: TextBlock | None) -> str | None:
    """The source-language text of a short field, or None when the field is empty."""
    if block is None:
        return None
    return block.source_text


def with_short_text(block: TextBlock | None, value: str | None, source_lang: str) -> TextBlock | None:
    """The block of a short field after writing ``value`` as its source-language text.

    An empty value empties the field (None). Writing a new source text keeps the other languages: they turn
    stale by themselves, as for any text.
    """
    if value is None or not value.strip():
        return None
    if block is None:
        block = TextBlock(source_lang=source_lang)
        block.set_text(source_lang, value, TextStatus.DRAFT)
    elif block.source_text != value:
        block.set_text(block.source_lang, value)
    return block


def source_text_of(
    block_id: ColumnElement[int | None] | InstrumentedAttribute[int | None],
) -> ScalarSelect[str | None]:
    """SQL for the source-language text of the block ``block_id`` points to (NULL for none)."""
    blocks = TextBlock.__table__
    rows = Translation.__table__
    return (
        select(rows.c.text)
        .join(blocks, blocks.c.id == rows.c.block_id)
        .where(blocks.c.id == block_id, rows.c.lang == blocks.c.source_lang)
        .scalar_subquery()
    )
