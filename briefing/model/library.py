"""Policy areas, topics and the items that make up a topic's briefing material."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, ColumnElement, Date, ForeignKey, Integer, String
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from briefing.model.base import Base, Versioned, enum_type
from briefing.model.enums import ItemKind, Marking
from briefing.model.texts import TextBlock, short_text, source_text_of, with_short_text


class Area(Versioned, Base):
    """A policy area (e.g. internal security) grouping topics."""

    __tablename__ = "area"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title_id: Mapped[int] = mapped_column(ForeignKey("text_block.id"))

    title: Mapped[TextBlock] = relationship(foreign_keys=[title_id], lazy="joined", cascade="all")
    topics: Mapped[list[Topic]] = relationship(
        back_populates="area", order_by="Topic.position", cascade="all, delete-orphan"
    )


class Topic(Versioned, Base):
    """A subject the minister may need to speak to, with its items."""

    __tablename__ = "topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("area.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title_id: Mapped[int] = mapped_column(ForeignKey("text_block.id"), index=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("text_block.id"), default=None)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    marking: Mapped[Marking | None] = mapped_column(enum_type(Marking), default=None)
    reviewed_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    source_lang: Mapped[str] = mapped_column(String(8), default="en")

    area: Mapped[Area] = relationship(back_populates="topics")
    title: Mapped[TextBlock] = relationship(foreign_keys=[title_id], lazy="joined", cascade="all")
    owner_block: Mapped[TextBlock | None] = relationship(
        foreign_keys=[owner_id], lazy="joined", cascade="all"
    )
    """Who owns the topic (a unit, a person), in every language."""
    source_links: Mapped[list[TopicSource]] = relationship(
        order_by="TopicSource.position", cascade="all, delete-orphan", lazy="selectin"
    )
    """The documents the topic draws on, in order, each title in every language."""
    items: Mapped[list[Item]] = relationship(
        back_populates="topic", order_by="Item.position", cascade="all, delete-orphan"
    )

    @hybrid_property
    def owner(self) -> str | None:
        """The owner in the topic's source language (setting it keeps the translations, which turn stale)."""
        return short_text(self.owner_block)

    @owner.inplace.setter
    def _owner_setter(self, value: str | None) -> None:
        self.owner_block = with_short_text(self.owner_block, value, self.source_lang or "en")

    @owner.inplace.expression
    @classmethod
    def _owner_expression(cls) -> ColumnElement[str | None]:
        return source_text_of(cls.owner_id)

    @property
    def sources(self) -> list[str]:
        """The titles of the topic's sources in its source language."""
        return [short_text(link.title) or "" for link in self.source_links]

    @sources.setter
    def sources(self, titles: list[str]) -> None:
        """Make the topic's sources ``titles``, in order; a title already there keeps its translations."""
        kept = {short_text(link.title): link for link in self.source_links}
        links = []
        for position, title in enumerate(t for t in titles if t.strip()):
            link = kept.pop(title, None)
            if link is None:
                block = with_short_text(None, title, self.source_lang or "en")
                assert block is not None
                link = TopicSource(title=block)
            link.position = position
            links.append(link)
        self.source_links = links


class TopicSource(Base):
    """A document a topic draws on, by its title (e.g. "ST 10270/24", "Joint communiqué, 11 June 2018")."""

    __tablename__ = "topic_source"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title_id: Mapped[int] = mapped_column(ForeignKey("text_block.id"))

    title: Mapped[TextBlock] = relationship(lazy="joined", cascade="all")


class Item(Versioned, Base):
    """One piece of briefing material: a line to take, a fact, a defensive Q&A, …

    Every kind has a ``body``, except Q&A, which has a ``question`` and an ``answer``.
    """

    __tablename__ = "item"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ItemKind] = mapped_column(enum_type(ItemKind, 32))
    position: Mapped[int] = mapped_column(Integer, default=0)
    marking: Mapped[Marking | None] = mapped_column(enum_type(Marking), default=None)
    internal: Mapped[bool] = mapped_column(Boolean, default=False)
    body_id: Mapped[int | None] = mapped_column(ForeignKey("text_block.id"), default=None, index=True)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("text_block.id"), default=None, index=True)
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("text_block.id"), default=None, index=True)

    topic: Mapped[Topic] = relationship(back_populates="items")
    body: Mapped[TextBlock | None] = relationship(foreign_keys=[body_id], lazy="joined", cascade="all")
    question: Mapped[TextBlock | None] = relationship(
        foreign_keys=[question_id], lazy="joined", cascade="all"
    )
    answer: Mapped[TextBlock | None] = relationship(foreign_keys=[answer_id], lazy="joined", cascade="all")

    def blocks(self) -> list[TextBlock]:
        """The texts of this item, in reading order."""
        return [b for b in (self.body, self.question, self.answer) if b is not None]

    @property
    def effective_marking(self) -> Marking | None:
        """The item's own marking, or its topic's."""
        return Marking.highest([self.marking, self.topic.marking])
