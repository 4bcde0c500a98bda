"""The checks made on the outline the assembler built rather than on the selection: the pack's marking and the
internal items of an external copy. Both are impossible by construction; they are verified all the same."""

from __future__ import annotations

from collections.abc import Iterable

from briefing.assemble.outline import Outline
from briefing.errors import N_, Message
from briefing.model.enums import CopyType, Marking
from briefing.preflight import findings as codes
from briefing.preflight.findings import Finding, Severity


def check_marking(outline: Outline, included: Iterable[Marking | None] = ()) -> list[Finding]:
    """A blocking finding when ``outline``'s marking is lower than the highest marking of its content.

    The content's markings are those of the outline's entries and ``included`` (the markings of the items
    and topics the selection puts in the pack, as read from the library). The assembler computes the pack's
    marking from the same things, so this never fires unless that computation breaks.
    """
    entries = outline.entries
    highest = Marking.highest([*included, *(entry.marking for entry in entries)])
    if highest is None or (outline.marking is not None and outline.marking.rank >= highest.rank):
        return []
    pack_rank = outline.marking.rank if outline.marking is not None else 0
    above = next((e for e in entries if e.marking is not None and e.marking.rank > pack_rank), None)
    return [
        Finding(
            Severity.BLOCKING,
            codes.MARKING_TOO_LOW,
            Message(
                N_("The pack is marked {marking} but contains content marked {highest}."),
                marking=outline.marking.value if outline.marking is not None else Message(N_("no marking")),
                highest=highest.value,
            ),
            topic_key=above.topic_key if above is not None else None,
            item_key=above.item_key if above is not None else None,
        )
    ]


def check_external_copy(outline: Outline) -> list[Finding]:
    """A blocking finding for every internal item in an external ``outline``.

    The assembler strips internal items from external copies, so this never fires unless that breaks.
    """
    if outline.copy is not CopyType.EXTERNAL:
        return []
    return [
        Finding(
            Severity.BLOCKING,
            codes.INTERNAL_IN_EXTERNAL,
            Message(
                N_("Item {item} is for internal use only but is in the external copy."), item=entry.item_key
            ),
            agenda_number=section.number,
            topic_key=entry.topic_key or None,
            item_key=entry.item_key,
        )
        for section in outline.sections
        for entry in section.entries
        if entry.internal
    ]
