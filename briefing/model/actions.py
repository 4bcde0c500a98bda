"""Follow-up actions: dated deliverables with an owner, optionally linked to a topic."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, Date, ForeignKey, Integer, String
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from briefing.model.base import Base, Versioned, enum_type
from briefing.model.enums import SOURCE_LANGUAGE, ActionStatus
from briefing.model.library import Topic
from briefing.model.texts import TextBlock, short_text, source_text_of, with_short_text


class Action(Versioned, Base):
    """Something someone has to deliver, by a date when one is known."""

    __tablename__ = "action"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("topic.id", ondelete="SET NULL"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text_id: Mapped[int] = mapped_column(ForeignKey("text_block.id"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("text_block.id"), default=None)
    deadline: Mapped[dt.date | None] = mapped_column(Date, default=None)
    status: Mapped[ActionStatus] = mapped_column(enum_type(ActionStatus, 16), default=ActionStatus.OPEN)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("text_block.id"), default=None)

    text: Mapped[TextBlock] = relationship(foreign_keys=[text_id], lazy="joined", cascade="all")
    owner_block: Mapped[TextBlock | None] = relationship(
        foreign_keys=[owner_id], lazy="joined", cascade="all"
    )
    """Who delivers the action, in every language."""
    source_block: Mapped[TextBlock | None] = relationship(
        foreign_keys=[source_id], lazy="joined", cascade="all"
    )
    """The document the action comes from, in every language."""
    topic: Mapped[Topic | None] = relationship()

    @property
    def _source_lang(self) -> str:
        return self.text.source_lang if self.text is not None else SOURCE_LANGUAGE

    @hybrid_property
    def owner(self) -> str | None:
        """The owner in the action's source language."""
        return short_text(self.owner_block)

    @owner.inplace.setter
    def _owner_setter(self, value: str | None) -> None:
        self.owner_block = with_short_text(self.owner_block, value, self._source_lang)

    @owner.inplace.expression
    @classmethod
    def _owner_expression(cls) -> ColumnElement[str | None]:
        return source_text_of(cls.owner_id)

    @hybrid_property
    def source(self) -> str | None:
        """The title of the action's source document in the action's source language."""
        return short_text(self.source_block)

    @source.inplace.setter
    def _source_setter(self, value: str | None) -> None:
        self.source_block = with_short_text(self.source_block, value, self._source_lang)

    @source.inplace.expression
    @classmethod
    def _source_expression(cls) -> ColumnElement[str | None]:
        return source_text_of(cls.source_id)

    def is_overdue(self, today: dt.date) -> bool:
        """Open with a deadline before ``today``."""
        return self.deadline is not None and self.deadline < today and not self.status.is_closed
