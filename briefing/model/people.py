"""Participants, reusable across meetings."""

from __future__ import annotations

from sqlalchemy import ColumnElement, ForeignKey, Integer, String
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from briefing.model.base import Base, Versioned
from briefing.model.enums import SOURCE_LANGUAGE
from briefing.model.texts import TextBlock, short_text, source_text_of, with_short_text


class Participant(Versioned, Base):
    """A person the minister meets: name, function, organisation and a short bio per language."""

    __tablename__ = "participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("text_block.id"), default=None)
    function_id: Mapped[int] = mapped_column(ForeignKey("text_block.id"))
    bio_id: Mapped[int] = mapped_column(ForeignKey("text_block.id"))

    organisation_block: Mapped[TextBlock | None] = relationship(
        foreign_keys=[organisation_id], lazy="joined", cascade="all"
    )
    """The participant's organisation (or delegation), in every language."""
    function: Mapped[TextBlock] = relationship(foreign_keys=[function_id], lazy="joined", cascade="all")
    bio: Mapped[TextBlock] = relationship(foreign_keys=[bio_id], lazy="joined", cascade="all")

    @hybrid_property
    def organisation(self) -> str | None:
        """The organisation in English (the translations stay, and turn stale, when it changes)."""
        return short_text(self.organisation_block)

    @organisation.inplace.setter
    def _organisation_setter(self, value: str | None) -> None:
        self.organisation_block = with_short_text(self.organisation_block, value, SOURCE_LANGUAGE)

    @organisation.inplace.expression
    @classmethod
    def _organisation_expression(cls) -> ColumnElement[str | None]:
        return source_text_of(cls.organisation_id)


class MeetingParticipant(Base):
    """A participant's place in a meeting's list."""

    __tablename__ = "meeting_participant"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)

    participant: Mapped[Participant] = relationship(lazy="joined")
