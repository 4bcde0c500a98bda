"""Meetings, their agenda and the selection of items that goes into the pack."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, ColumnElement, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from briefing.model.base import Base, Versioned, enum_type
from briefing.model.enums import SOURCE_LANGUAGE, MeetingKind
from briefing.model.library import Item, Topic
from briefing.model.people import MeetingParticipant
from briefing.model.texts import TextBlock, short_text, source_text_of, with_short_text


class Meeting(Versioned, Base):
    """A meeting the minister is briefed for."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[MeetingKind] = mapped_column(enum_type(MeetingKind, 16), default=MeetingKind.COUNCIL)
    title_id: Mapped[int] = mapped_column(ForeignKey("text_block.id"))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("text_block.id"), default=None)
    starts_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    ends_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    prepared_by_id: Mapped[int | None] = mapped_column(ForeignKey("text_block.id"), default=None)

    title: Mapped[TextBlock] = relationship(foreign_keys=[title_id], lazy="joined", cascade="all")
    location: Mapped[TextBlock | None] = relationship(
        foreign_keys=[location_id], lazy="joined", cascade="all"
    )
    prepared_by_block: Mapped[TextBlock | None] = relationship(
        foreign_keys=[prepared_by_id], lazy="joined", cascade="all"
    )
    """Who prepared the pack (a unit, a person), in every language."""
    participant_links: Mapped[list[MeetingParticipant]] = relationship(
        order_by="MeetingParticipant.position", cascade="all, delete-orphan"
    )
    objectives: Mapped[list[MeetingObjective]] = relationship(
        order_by="MeetingObjective.position", cascade="all, delete-orphan"
    )
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )
    presets: Mapped[list[SelectionPreset]] = relationship(
        order_by="SelectionPreset.name", cascade="all, delete-orphan"
    )

    @hybrid_property
    def prepared_by(self) -> str | None:
        """Who prepared the pack, in English (the translations stay, and turn stale, when it changes)."""
        return short_text(self.prepared_by_block)

    @prepared_by.inplace.setter
    def _prepared_by_setter(self, value: str | None) -> None:
        self.prepared_by_block = with_short_text(self.prepared_by_block, value, SOURCE_LANGUAGE)

    @prepared_by.inplace.expression
    @classmethod
    def _prepared_by_expression(cls) -> ColumnElement[str | None]:
        return source_text_of(cls.prepared_by_id)


class MeetingObjective(Base):
    """One of the meeting's objectives, in the steering note."""

    __tablename__ = "meeting_objective"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text_id: Mapped[int] = mapped_column(ForeignKey("text_block.id"))

    text: Mapped[TextBlock] = relationship(lazy="joined", cascade="all")


class AgendaItem(Versioned, Base):
    """A point of the meeting's agenda: the topics it covers and which of their items go into the pack.

    When ``select_all`` is true, every item of its topics goes in, in brief order. Otherwise the
    ``selection`` rows say, in pack order, which items are included.
    """

    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title_id: Mapped[int] = mapped_column(ForeignKey("text_block.id"))
    select_all: Mapped[bool] = mapped_column(Boolean, default=True)

    meeting: Mapped[Meeting] = relationship(back_populates="agenda")
    title: Mapped[TextBlock] = relationship(lazy="joined", cascade="all")
    topic_links: Mapped[list[AgendaTopic]] = relationship(
        order_by="AgendaTopic.position", cascade="all, delete-orphan"
    )
    selection: Mapped[list[SelectionEntry]] = relationship(
        order_by="SelectionEntry.position", cascade="all, delete-orphan"
    )

    @property
    def topics(self) -> list[Topic]:
        return [link.topic for link in self.topic_links]


class AgendaTopic(Base):
    """A topic covered by an agenda item, in order."""

    __tablename__ = "agenda_topic"

    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    topic: Mapped[Topic] = relationship(lazy="joined")


class SelectionEntry(Base):
    """One item's place in an agenda item's pack selection, checked or not."""

    __tablename__ = "selection_entry"
    __table_args__ = (UniqueConstraint("agenda_item_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    included: Mapped[bool] = mapped_column(Boolean, default=True)

    item: Mapped[Item] = relationship(lazy="joined")


class SelectionPreset(Base):
    """A named snapshot of a meeting's selection, to switch between variants of a pack."""

    __tablename__ = "selection_preset"
    __table_args__ = (UniqueConstraint("meeting_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
