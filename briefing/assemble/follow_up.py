"""Which actions are follow-up actions, and the pointer under each agenda item to where they are listed.

Past events are not actions. The seed documents record, among their deliverables, things that happen at
or before the meeting itself: conclusions "submitted to the JHA Council for approval in June 2024", "a joint
LEWP meeting in June 2024". Their deadlines are month ends (a deliverable "in June 2024" is due on 30 June
2024), so the rule is: an action due on or before the last day of the month in which the meeting ends is the
meeting's own business or an event before it, not something to follow up after it, and is left out of the
pack (its content is the section's key facts). Actions without a deadline, and actions of a meeting without
dates, are kept.

Each follow-up action is listed once, in the follow-up actions annex, under the first agenda item whose topics
it belongs to; each agenda item points to the annex with a one-line count and the annex's page.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence

from briefing.assemble.outline import ActionRow, PageReference, Section

ACTIONS_ANCHOR = "actions"
"""The anchor of the follow-up actions annex."""


def month_end(day: dt.date) -> dt.date:
    """The last day of ``day``'s month."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def is_meeting_event(deadline: dt.date | None, meeting_ends: dt.date | None) -> bool:
    """True when an action due on ``deadline`` is an event of a meeting ending on ``meeting_ends``."""
    if deadline is None or meeting_ends is None:
        return False
    return deadline <= month_end(meeting_ends)


def listed_actions(sections: Sequence[Section]) -> list[tuple[str, ...]]:
    """For each section, the keys of its actions not already listed under an earlier section."""
    seen: set[str] = set()
    listed = []
    for section in sections:
        keys = tuple(a.key for a in section.actions if a.key not in seen)
        seen.update(keys)
        listed.append(keys)
    return listed


def pointer(template: str, lang: str, annex: str) -> PageReference:
    """Split a translated pointer ("… see “{annex}”, page {page}") around its page number."""
    text = template.replace("{annex}", annex)
    before, found, after = text.partition("{page}")
    if not found:
        raise ValueError(f"{template!r} must hold {{page}}")
    return PageReference(before, after, lang, ACTIONS_ANCHOR)


def unique_actions(actions: Iterable[ActionRow]) -> tuple[ActionRow, ...]:
    """``actions`` without repeats, first occurrence kept."""
    seen: dict[str, ActionRow] = {}
    for action in actions:
        seen.setdefault(action.key, action)
    return tuple(seen.values())
