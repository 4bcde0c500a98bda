"""What the history adds to packs: the numbered copy's line and the addendum's words, in English and French."""

from __future__ import annotations

from briefing.i18n.labels import N_

COPY_LINE = N_("Copy {number} of {count} — {recipient}")
ADDENDUM_TITLE = N_("Addendum {number} to version {version}")
ADDENDUM_INTRO = N_("What changed since version {version} of {date}, agenda item by agenda item.")
ADDED = N_("Added")
REMOVED = N_("Removed")
CHANGED = N_("Changed")
NEW_AGENDA_ITEM = N_("New agenda item")
REMOVED_AGENDA_ITEM = N_("Agenda item removed")
NO_CHANGES = N_("Nothing changed since that version.")
ACTIONS_CHANGED = N_("Follow-up actions")
