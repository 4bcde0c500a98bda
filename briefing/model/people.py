"""Participants, reusable across meetings."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from briefing.model.base import Base, Versioned
from briefing.model.texts import TextBlock


class Participant(Versioned, Base):
    """A person the minister meets: name, function, organisation and a short bio per language."""

    __tablename__ = "participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    organisation: Mapped[str | None] = mapped_column(String(300), default=None)
    function_id: Mapped[int] = mapped_column(ForeignKey("text_block.id"))
    bio_id: Mapped[int] = mapped_column(ForeignKey("text_block.id"))

    function: Mapped[TextBlock] = relationship(foreign_keys=[function_id], lazy="joined", cascade="all")
    bio: Mapped[TextBlock] = relationship(foreign_keys=[bio_id], lazy="joined", cascade="all")


class MeetingParticipant(Base):
    """A participant's place in a meeting's list."""

    __tablename__ = "meeting_participant"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)

    participant: Mapped[Participant] = relationship(lazy="joined")
