"""Follow-up actions: dated deliverables with an owner, optionally linked to a topic."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from briefing.model.base import Base, Versioned, enum_type
from briefing.model.enums import ActionStatus
from briefing.model.library import Topic
from briefing.model.texts import TextBlock


class Action(Versioned, Base):
    """Something someone has to deliver, by a date when one is known."""

    __tablename__ = "action"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("topic.id", ondelete="SET NULL"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text_id: Mapped[int] = mapped_column(ForeignKey("text_block.id"))
    owner: Mapped[str | None] = mapped_column(String(200), default=None)
    deadline: Mapped[dt.date | None] = mapped_column(Date, default=None)
    status: Mapped[ActionStatus] = mapped_column(enum_type(ActionStatus, 16), default=ActionStatus.OPEN)
    source: Mapped[str | None] = mapped_column(String(200), default=None)

    text: Mapped[TextBlock] = relationship(foreign_keys=[text_id], lazy="joined", cascade="all")
    topic: Mapped[Topic | None] = relationship()

    def is_overdue(self, today: dt.date) -> bool:
        """Open with a deadline before ``today``."""
        return self.deadline is not None and self.deadline < today and not self.status.is_closed
