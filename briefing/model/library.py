"""Policy areas, topics and the items that make up a topic's briefing material."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from briefing.model.base import Base, Versioned, enum_type
from briefing.model.enums import ItemKind, Marking
from briefing.model.texts import TextBlock


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
    owner: Mapped[str | None] = mapped_column(String(200), default=None)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    marking: Mapped[Marking | None] = mapped_column(enum_type(Marking), default=None)
    reviewed_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    sources: Mapped[list[str]] = mapped_column(JSON, default=list)
    source_lang: Mapped[str] = mapped_column(String(8), default="en")

    area: Mapped[Area] = relationship(back_populates="topics")
    title: Mapped[TextBlock] = relationship(foreign_keys=[title_id], lazy="joined", cascade="all")
    items: Mapped[list[Item]] = relationship(
        back_populates="topic", order_by="Item.position", cascade="all, delete-orphan"
    )


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
