"""An import plan in words, in the user's language: one line per topic with its counts, one per item, a summary.

The command line prints :func:`plan_lines`; the app shows the same topics and items in a tree and
:func:`summary` under it.
"""

from __future__ import annotations

from briefing.errors import N_, Message
from briefing.i18n.labels import Labels
from briefing.interchange.word_import.plan import (
    FILL,
    NEW,
    SAME,
    UPDATE,
    ImportPlan,
    PlannedItem,
    PlannedTopic,
)
from briefing.interchange.word_import.structure import Texts

STATUS_MESSAGES = {
    NEW: N_("new"),
    FILL: N_("adds a language"),
    UPDATE: N_("replaces the text"),
    SAME: N_("unchanged"),
}
"""What happens to an item, by its plan status."""

LANGUAGE_NAMES = {"en": N_("English"), "fr": N_("French")}

PREVIEW_LENGTH = 80


def pick(texts: Texts, lang: str) -> str:
    """The text in ``lang``, or in any language it has."""
    return texts.get(lang) or next((t for t in texts.values() if t), "")


def shorten(text: str, length: int = PREVIEW_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def item_preview(item: PlannedItem, lang: str) -> str:
    texts = item.item.question if item.item.question else item.item.body
    return shorten(pick(texts, lang))


def topic_line(topic: PlannedTopic, lang: str) -> Message:
    title = pick(topic.topic.title, lang)
    counts = {status: sum(1 for i in topic.items if i.status == status) for status in STATUS_MESSAGES}
    actions = sum(1 for a in topic.actions if a.status == NEW)
    if topic.merged:
        return Message(
            N_(
                "{title} — merged into “{key}”: {new} new items, {fill} with a language added, {update} replaced, "
                "{same} unchanged; {actions} new actions"
            ),
            title=title,
            key=topic.existing_key,
            new=counts[NEW],
            fill=counts[FILL],
            update=counts[UPDATE],
            same=counts[SAME],
            actions=actions,
        )
    return Message(
        N_("{title} — new topic: {items} items, {actions} actions"),
        title=title,
        items=len(topic.items),
        actions=actions,
    )


def item_line(item: PlannedItem, lang: str) -> str:
    kind = Labels.for_language(lang).item_kind(item.item.kind.value)
    status = Message(STATUS_MESSAGES[item.status]).render(lang)
    return f"{kind} ({status}): {item_preview(item, lang)}"


def summary(plan: ImportPlan) -> Message:
    counts = plan.counts()
    return Message(
        N_(
            "{topics_new} new topics, {topics_merged} merged; {items_new} new items, {items_fill} with a language "
            "added, {items_update} replaced, {items_same} unchanged; {actions_new} new actions. {unrecognised} "
            "paragraphs of unrecognised content come in as background; {skipped} cover, contents and annex "
            "parts are left out."
        ),
        **{
            key: counts[key]
            for key in (
                "topics_new",
                "topics_merged",
                "items_new",
                "items_fill",
                "items_update",
                "items_same",
                "actions_new",
                "unrecognised",
                "skipped",
            )
        },
    )


def heading(plan: ImportPlan, lang: str) -> str:
    """What is imported, in which language(s), into which area."""
    languages = " + ".join(Message(LANGUAGE_NAMES.get(code, code)).render(lang) for code in plan.languages)
    area = Message(
        N_("the area “{area}”") if plan.area_exists else N_("a new area “{area}”"),
        area=pick(plan.area_title, lang) or plan.area_key,
    )
    return Message(
        N_("Importing {source} ({languages}) into {area}:"),
        source=plan.source,
        languages=languages,
        area=area,
    ).render(lang)


def notes(plan: ImportPlan) -> list[Message]:
    """What the user should know besides the counts: nothing found, items whose topic is a guess."""
    found: list[Message] = []
    if not plan.topics and not plan.actions:
        found.append(Message(N_("{source} holds no text to import."), source=plan.source))
    elif plan.empty:
        found.append(Message(N_("Nothing to import: the library already holds all of it.")))
    if plan.brief.shared_sections:
        found.append(
            Message(
                N_(
                    "{count} sections list several topics without saying which topic each item belongs to; "
                    "their items go to the first topic listed."
                ),
                count=plan.brief.shared_sections,
            )
        )
    return found


def plan_lines(plan: ImportPlan, lang: str) -> list[str]:
    """The plan as a tree of text lines in ``lang``: the heading, topics with their items, the summary."""
    lines = [heading(plan, lang)]
    for topic in plan.topics:
        lines.append("  " + topic_line(topic, lang).render(lang))
        lines += ["      " + item_line(item, lang) for item in topic.items]
        for action in topic.actions:
            if action.status == NEW:
                when = action.action.deadline.isoformat() if action.action.deadline else "—"
                lines.append(
                    "      "
                    + Message(
                        N_("Action, by {deadline}: {text}"),
                        deadline=when,
                        text=shorten(pick(action.action.text, lang)),
                    ).render(lang)
                )
    unattached = [a for a in plan.actions if a.status == NEW]
    if unattached:
        lines.append(
            "  " + Message(N_("Actions tied to no topic: {count}"), count=len(unattached)).render(lang)
        )
    lines.append(summary(plan).render(lang))
    lines += [note.render(lang) for note in notes(plan)]
    return lines
