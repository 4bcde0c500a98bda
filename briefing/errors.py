"""Errors a person can act on, with messages in the user's language.

Every error the core raises for a user mistake or a bad file is a :class:`BriefingError`. Its message is an
English msgid with named placeholders; :meth:`BriefingError.message` renders it in a language through the
project's message catalogue, so the CLI and the GUI show the same sentence in English or French.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def N_(msgid: str) -> str:  # noqa: N802 - the conventional name of the extraction marker
    """Mark ``msgid`` for extraction into the message catalogue without translating it here."""
    return msgid


class Message:
    """A sentence to be shown in the user's language: a msgid and its named values.

    Values that are themselves messages are rendered in the same language, and days (:class:`datetime.date`)
    are written as that language writes them ("30 May 2024", "30 mai 2024").
    """

    def __init__(self, msgid: str, **params: Any) -> None:
        self.msgid = msgid
        self.params = params

    def render(self, lang: str = "en") -> str:
        from briefing.i18n.messages import translate

        values = {k: _rendered(v, lang) for k, v in self.params.items()}
        return translate(self.msgid, lang).format(**values)

    def __str__(self) -> str:
        return self.render("en")


def _rendered(value: Any, lang: str) -> Any:
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        from briefing.i18n.dates import format_day

        return format_day(value, lang)
    return value


class BriefingError(Exception):
    """A problem the user can understand and fix; never shown with a traceback."""

    def __init__(self, msgid: str, **params: Any) -> None:
        self.msgid = msgid
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """The message in ``lang`` (English when the catalogue has no translation)."""
        return Message(self.msgid, **self.params).render(lang)


class LibraryError(BriefingError):
    """The library file cannot be opened or used as it is."""


class InterchangeError(BriefingError):
    """A library or workbook file is not what it should be; nothing was written."""


class NotFoundError(BriefingError):
    """A meeting, topic or item named by the user does not exist."""


class ConflictError(BriefingError):
    """Someone else changed what is being saved."""


class EditConflictError(ConflictError):
    """Someone else saved another version of a text since it was loaded here: both versions, to merge.

    ``theirs`` is what the library holds now (``""`` when they removed it), ``mine`` what was about to be saved.
    A short field (an action's owner, a participant's name…) names itself in ``field``; its ``block_id`` is 0
    while the field has no text.
    """

    def __init__(self, block_id: int, lang: str, theirs: str, mine: str, field: str = "") -> None:
        super().__init__(N_("Someone else changed this text while you were editing it."))
        self.block_id = block_id
        self.lang = lang
        self.theirs = theirs
        self.mine = mine
        self.field = field
