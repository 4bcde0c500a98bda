"""What preflight reports: findings with a severity, a stable code and a message in English or French."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from briefing.errors import N_, Message


class Severity(StrEnum):
    """How much a finding matters. A blocking finding means the pack cannot be exported as it is."""

    BLOCKING = "blocking"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for blocking, 1 for a warning, 2 for information: the order findings are listed in."""
        return list(Severity).index(self)

    @property
    def label(self) -> Message:
        """The severity's name, to show in the user's language."""
        return Message(_SEVERITY_LABELS[self])


_SEVERITY_LABELS = {
    Severity.BLOCKING: N_("blocking"),
    Severity.WARNING: N_("warning"),
    Severity.INFO: N_("information"),
}


# Finding codes: stable identifiers for scripts and tests; the message says the same in words.
TRANSLATION_MISSING = "translation-missing"
"""A text of the pack has no translation in one of the pack's languages (blocking)."""
TRANSLATION_STALE = "translation-stale"
"""A translation was made from an older version of its source text (blocking)."""
TRANSLATION_DRAFT = "translation-draft"
"""A translation of the pack is still marked as a draft (warning)."""
NO_AGENDA = "no-agenda"
"""The meeting has no agenda item, so the pack has no section (warning)."""
NOTHING_SELECTED = "nothing-selected"
"""An agenda item puts no item in the pack (warning)."""
NO_OBJECTIVE = "no-objective"
"""An agenda item with content has no objective (warning)."""
NO_LINES_TO_TAKE = "no-lines-to-take"
"""An agenda item with content has no lines to take (warning)."""
ACTION_OVERDUE = "action-overdue"
"""A follow-up action of a topic of the pack is past its deadline and still open (warning)."""
REVIEW_OVERDUE = "review-overdue"
"""A topic of the pack was last reviewed longer ago than the review age (warning)."""
NEVER_REVIEWED = "never-reviewed"
"""A topic of the pack has no review date (information)."""
MARKING_TOO_LOW = "marking-too-low"
"""The pack's marking is lower than the highest marking of its content (blocking; the assembler prevents it)."""
INTERNAL_IN_EXTERNAL = "internal-in-external"
"""An external copy contains an item for internal use (blocking; the assembler prevents it)."""
PARTICIPANT_NO_BIO = "participant-no-bio"
"""A participant has no biography in one of the pack's languages (warning)."""
PARTICIPANT_BIO_STALE = "participant-bio-stale"
"""A participant's biography in one of the pack's languages is out of date (warning)."""
GLOSSARY_TERM = "glossary-term"
"""An English text uses a glossary term and its French does not use the agreed French (warning)."""

CODES: tuple[str, ...] = (
    TRANSLATION_MISSING,
    TRANSLATION_STALE,
    TRANSLATION_DRAFT,
    NO_AGENDA,
    NOTHING_SELECTED,
    NO_OBJECTIVE,
    NO_LINES_TO_TAKE,
    ACTION_OVERDUE,
    REVIEW_OVERDUE,
    NEVER_REVIEWED,
    MARKING_TOO_LOW,
    INTERNAL_IN_EXTERNAL,
    PARTICIPANT_NO_BIO,
    PARTICIPANT_BIO_STALE,
    GLOSSARY_TERM,
)
"""Every finding code preflight may report."""


@dataclass(frozen=True, eq=False)
class Finding:
    """One thing preflight found about a pack, and where.

    ``agenda_number`` is the agenda item's number in the pack (1 for the first), or None for what concerns
    the whole pack (cover, objectives, participants, markings). The keys name the topic, item, action or
    participant concerned, when there is one; ``lang`` the pack language concerned.
    """

    severity: Severity
    code: str
    message: Message
    agenda_number: int | None = None
    topic_key: str | None = None
    item_key: str | None = None
    lang: str | None = None
    action_key: str | None = None
    participant_key: str | None = None

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.BLOCKING

    def text(self, lang: str = "en") -> str:
        """The message in ``lang``."""
        return self.message.render(lang)

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """A plain, JSON-ready record of the finding, its message in ``lang``."""
        return {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.text(lang),
            "agenda_item": self.agenda_number,
            "topic": self.topic_key,
            "item": self.item_key,
            "lang": self.lang,
            "action": self.action_key,
            "participant": self.participant_key,
        }

    def __repr__(self) -> str:
        where = ", ".join(
            f"{name}={value!r}"
            for name, value in (
                ("agenda", self.agenda_number),
                ("topic", self.topic_key),
                ("item", self.item_key),
                ("lang", self.lang),
                ("action", self.action_key),
                ("participant", self.participant_key),
            )
            if value is not None
        )
        return f"Finding({self.severity.value} {self.code}{': ' + where if where else ''})"


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Findings in the order of the pack: the whole pack first, then agenda item by agenda item; within each,
    blocking findings first, then warnings, then information, otherwise in the order they were found."""
    return sorted(
        findings,
        key=lambda f: (f.agenda_number is not None, f.agenda_number or 0, f.severity.rank),
    )
