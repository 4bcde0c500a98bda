"""Every label printed in a pack, in English or French, from one gettext catalogue.

The English text of a label is its message id. Each label is a module constant marked with :func:`N_` (plain),
:func:`NC_` (with a context, for names of closed vocabularies whose French depends on what they name) or
:func:`NN_` (with a plural), so that :func:`briefing.i18n.catalogue.extract_messages` finds it. The French
translations live in ``locale/fr/LC_MESSAGES/briefing.po`` beside this module, compiled to ``briefing.mo``;
see :mod:`briefing.i18n.catalogue` for keeping the two in step.

Renderers ask a :class:`Labels` for text and never write a label themselves::

    labels = Labels.for_language("fr")
    labels.get(AGENDA_ITEM_NUMBER, number=3)  # "Point 3 de l’ordre du jour"
    labels.slot_heading("line_to_take")       # "Éléments de langage"
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

from briefing.i18n import pack_language

DOMAIN = "briefing"
"""The gettext domain of pack labels."""

LOCALE_DIR = Path(__file__).with_name("locale")
"""Where the compiled catalogues are found: ``LOCALE_DIR/<lang>/LC_MESSAGES/briefing.mo``."""


class ContextMessage(NamedTuple):
    """A message id that needs a context to be translated right (gettext's ``msgctxt``)."""

    context: str
    msgid: str


class PluralMessage(NamedTuple):
    """A message with a singular and a plural English form."""

    singular: str
    plural: str


class PageParts(NamedTuple):
    """The text around the page number and page count, so a renderer can put PAGE and NUMPAGES fields there."""

    before: str
    between: str
    after: str


Label = str | ContextMessage
"""A label: a plain message id, or one with a context."""


def N_(message: str) -> str:  # noqa: N802 - the usual gettext marker name
    """Mark ``message`` for extraction and return it unchanged."""
    return message


def NC_(context: str, message: str) -> ContextMessage:  # noqa: N802 - the usual gettext marker name
    """Mark ``message`` for extraction with its ``context``."""
    return ContextMessage(context, message)


def NN_(singular: str, plural: str) -> PluralMessage:  # noqa: N802 - the usual gettext marker name
    """Mark a message with a plural form for extraction."""
    return PluralMessage(singular, plural)


# The pack and its parts.
BRIEFING_PACK = N_("Briefing pack")
CONTENTS = N_("Contents")
OBJECTIVES = N_("Objectives")
AGENDA = N_("Agenda")
# Translators: heading of the section for one agenda item; {number} is its number on the agenda.
AGENDA_ITEM_NUMBER = N_("Agenda item {number}")
PARTICIPANTS = N_("Participants")
FOLLOW_UP_ACTIONS = N_("Follow-up actions")
LOGISTICS = N_("Logistics")
# Translators: row of the logistics annex: the days of the meeting.
DATES = N_("Dates")
# Translators: row of the logistics annex: council, bilateral… (see the meeting kinds).
MEETING_FORMAT = N_("Format")
# Translators: row of the logistics annex: the people on the list of participants.
DELEGATION = N_("Delegation")
# Translators: {count} people on the meeting's list of participants.
PARTICIPANT_COUNT = NN_("{count} participant", "{count} participants")
SOURCES = N_("Sources")

# Slot headings inside an agenda item's section.
OBJECTIVE = N_("Objective")
LINES_TO_TAKE = N_("Lines to take")
COUNTERPART_POSITION = N_("Counterpart's position")
BACKGROUND = N_("Background")
KEY_FACTS = N_("Key facts")
IF_ASKED = N_("If asked")
PRESS_LINE = N_("Press line")
ACTIONS = N_("Actions")
QUESTION = N_("Question")
ANSWER = N_("Answer")

# Cover, headers and footers.
# Translators: page footer; {page} and {pages} become Word's PAGE and NUMPAGES fields.
PAGE_OF = N_("Page {page} of {pages}")
PREPARED_BY = N_("Prepared by")
DATE = N_("Date")
LOCATION = N_("Location")
MARKING = N_("Marking")
NO_MARKING = N_("No marking")
VERSION = N_("Version")
# Translators: cover line naming who the pack is for.
ADDRESSEE = N_("For")
# Translators: the addressee printed on the cover when the export names none.
DEFAULT_ADDRESSEE = N_("The Minister's private office")
# Translators: cover line with the name, telephone or e-mail of the person to ask about the pack.
CONTACT = N_("Contact")
# Translators: the pack's version on the cover: its number and the day it was made.
VERSION_OF = N_("{number} of {date}")
INTERNAL_COPY = N_("Internal copy")
EXTERNAL_COPY = N_("External copy")
# Translators: flag on internal background that is stripped from copies leaving the ministry.
NOT_FOR_COUNTERPART = N_("Not for use with the counterpart")
# Translators: shown where a French pack has to fall back on the English text.
UNTRANSLATED = N_("Untranslated — English text")
UNTRANSLATED_FR = N_("Untranslated — French text")
# Translators: shown where a translation exists but is out of date, so the English text is used.
STALE = N_("Translation out of date — English text")
STALE_FR = N_("Translation out of date — French text")
# Translators: in the interpreter's two-column copy, the cell of a translation that does not exist yet.
TRANSLATION_MISSING = N_("translation missing")

# Column headings of the annex tables.
ACTION = N_("Action")
OWNER = N_("Owner")
DEADLINE = N_("Deadline")
STATUS = N_("Status")
SOURCE = N_("Source")
NAME = N_("Name")
FUNCTION = N_("Function")
ORGANISATION = N_("Organisation")
BIOGRAPHY = N_("Biography")
LAST_MET = N_("Last met")
# Translators: printed in the status column of a follow-up action whose deadline has passed.
OVERDUE = N_("Overdue")
# Translators: legend under the heading of the follow-up actions annex.
TRACKER_LEGEND = N_(
    "Listed by agenda item, earliest deadline first. Overdue: the deadline has passed and the action is not done."
)
# Translators: under a table whose rows all come from one source document; {source} is its reference.
SOURCE_NOTE = N_("Source: {source}")
# Translators: under an agenda item; {annex} is the title of the annex and {page} becomes its page number.
FOLLOW_UP_POINTER = NN_(
    "{count} follow-up action: see “{annex}”, page {page}",
    "{count} follow-up actions: see “{annex}”, page {page}",
)
# Translators: {count} is a number of follow-up actions not yet done or cancelled.
OPEN_ACTIONS_COUNT = NN_("{count} open action", "{count} open actions")

# Spreadsheets: sheet names (at most 31 characters, none of []:*?/\) and column headings.
POINTS_MATRIX = N_("Points matrix")
ACTIONS_TRACKER = N_("Actions tracker")
TRANSLATION_STATUS = N_("Translation status")
AGENDA_ITEM = N_("Agenda item")
TOPIC = N_("Topic")
SLOT = N_("Slot")
TEXT = N_("Text")
ENGLISH = N_("English")
FRENCH = N_("French")
LAST_REVIEWED = N_("Last reviewed")
LAST_REVIEWED_ON = N_("Last reviewed on")
# Translators: sheet of the translation workbook (at most 31 characters).
TRANSLATIONS = N_("Translations")
# Translators: column of the translation workbook saying where a text is used (topic / item / kind).
CONTEXT = N_("Context")
# Translators: column of the translation workbook holding the number that identifies a text.
TEXT_ID = N_("ID")
TITLE = N_("Title")
POLICY_AREA = N_("Policy area")
ITEM = N_("Item")
KIND = N_("Kind")
# Translators: column of the library workbook: which part of an item a text is (text, question, answer).
PART = N_("Part")
# Translators: column of the library workbook, "yes" for content not for use with the counterpart.
INTERNAL = N_("Internal")
YES = N_("Yes")
TAGS = N_("Tags")
# Translators: sheet names of the library workbook (at most 31 characters).
TEXTS = N_("Texts")
TOPICS = N_("Topics")

ACTION_STATUSES: dict[str, ContextMessage] = {
    "open": NC_("action status", "Open"),
    "in_progress": NC_("action status", "In progress"),
    "done": NC_("action status", "Done"),
    "cancelled": NC_("action status", "Cancelled"),
}
"""Display names of action statuses, by the status's stored value."""

TRANSLATION_STATES: dict[str, ContextMessage] = {
    "missing": NC_("translation status", "Missing"),
    "draft": NC_("translation status", "Draft"),
    "translated": NC_("translation status", "Translated"),
    "reviewed": NC_("translation status", "Reviewed"),
    "stale": NC_("translation status", "Stale"),
    "source": NC_("translation status", "Source text"),
}
"""Display names of the states of one language of a text, by the state's value."""

MEETING_KINDS: dict[str, ContextMessage] = {
    "council": NC_("meeting kind", "Council"),
    "bilateral": NC_("meeting kind", "Bilateral"),
    "multilateral": NC_("meeting kind", "Multilateral"),
    "other": NC_("meeting kind", "Other"),
}
"""Display names of meeting kinds, by the kind's stored value."""

ITEM_KINDS: dict[str, ContextMessage] = {
    "objective": NC_("item kind", "Objective"),
    "line_to_take": NC_("item kind", "Line to take"),
    "counterpart_position": NC_("item kind", "Counterpart's position"),
    "background": NC_("item kind", "Background"),
    "key_fact": NC_("item kind", "Key fact"),
    "qa": NC_("item kind", "Question and answer"),
    "press_line": NC_("item kind", "Press line"),
}
"""Singular display names of item kinds (one item of the kind), by the kind's stored value."""

SLOT_HEADINGS: dict[str, str] = {
    "objective": OBJECTIVE,
    "line_to_take": LINES_TO_TAKE,
    "counterpart_position": COUNTERPART_POSITION,
    "background": BACKGROUND,
    "key_fact": KEY_FACTS,
    "qa": IF_ASKED,
    "press_line": PRESS_LINE,
    "actions": ACTIONS,
}
"""Headings of the slots of a section, in reading order: one per item kind, then the actions slot."""


@dataclass(frozen=True)
class Labels:
    """The pack labels of one language."""

    language: str
    translations: gettext.NullTranslations = field(repr=False, compare=False)

    @classmethod
    def for_language(cls, lang: str) -> Labels:
        """Labels for pack language ``lang`` ("en" or "fr"; "fr_BE" and the like are read as "fr")."""
        code = pack_language(lang)
        return cls(code, _translations(code))

    def gettext(self, msgid: str) -> str:
        """The translation of ``msgid``, or ``msgid`` itself in English."""
        return self.translations.gettext(msgid)

    def pgettext(self, context: str, msgid: str) -> str:
        """The translation of ``msgid`` in ``context``."""
        return self.translations.pgettext(context, msgid)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The translation of the form of a message that goes with the number ``n``."""
        return self.translations.ngettext(singular, plural, n)

    def get(self, message: Label, **fmt: object) -> str:
        """The translated label, with ``{name}`` placeholders filled from ``fmt``."""
        if isinstance(message, ContextMessage):
            text = self.pgettext(message.context, message.msgid)
        else:
            text = self.gettext(message)
        return text.format(**fmt) if fmt else text

    def count(self, message: PluralMessage, count: int, **fmt: object) -> str:
        """The translated form of ``message`` for ``count``, with ``{count}`` and other placeholders filled."""
        return self.ngettext(message.singular, message.plural, count).format(count=count, **fmt)

    def page_parts(self) -> PageParts:
        """The text before, between and after the page number and page count of "Page {page} of {pages}"."""
        text = self.gettext(PAGE_OF)
        before, page, rest = text.partition("{page}")
        between, pages, after = rest.partition("{pages}")
        if not page or not pages:
            raise ValueError(f"{text!r} must hold {{page}} then {{pages}}")
        return PageParts(before, between, after)

    def action_status(self, value: str) -> str:
        """Display name of the action status stored as ``value`` (for example "in_progress")."""
        return self.get(ACTION_STATUSES[value])

    def translation_state(self, value: str) -> str:
        """Display name of the translation state ``value`` (for example "stale")."""
        return self.get(TRANSLATION_STATES[value])

    def meeting_kind(self, value: str) -> str:
        """Display name of the meeting kind stored as ``value``."""
        return self.get(MEETING_KINDS[value])

    def item_kind(self, value: str) -> str:
        """Singular display name of the item kind stored as ``value``."""
        return self.get(ITEM_KINDS[value])

    def slot_heading(self, slot: str) -> str:
        """Heading of a section's slot: an item kind's value, or "actions"."""
        return self.get(SLOT_HEADINGS[slot])

    def agenda_item(self, number: int | str) -> str:
        """Heading of the section for agenda item ``number``."""
        return self.get(AGENDA_ITEM_NUMBER, number=number)


@cache
def _translations(lang: str) -> gettext.NullTranslations:
    """Load the compiled catalogue of ``lang`` once; English is the message ids themselves."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang])
