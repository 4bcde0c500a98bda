"""The rules that decide what a pack holds and in which order, each once, as small pure functions.

They work on anything with the attributes they read, so the pack selection's plain records and the mapped
model (for the operations that change a selection) follow the same rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from briefing.model.enums import ItemKind


class _Placed(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def position(self) -> int: ...


class _ItemLike(_Placed, Protocol):
    @property
    def kind(self) -> ItemKind: ...

    @property
    def topic_id(self) -> int: ...


class _ActionLike(_Placed, Protocol):
    @property
    def topic_id(self) -> int | None: ...

    @property
    def deadline(self) -> dt.date | None: ...


ItemT = TypeVar("ItemT", bound=_ItemLike)
ActionT = TypeVar("ActionT", bound=_ActionLike)


def in_brief_order(items: Iterable[ItemT], topic_ids: Sequence[int]) -> list[ItemT]:
    """Items of an agenda item's topics slot by slot (:attr:`ItemKind.brief_order`), then topic by topic."""
    index = {topic_id: n for n, topic_id in enumerate(topic_ids)}
    return sorted(
        items, key=lambda i: (i.kind.brief_order, index.get(i.topic_id, len(index)), i.position, i.id)
    )


def effective_selection(
    candidates: Sequence[ItemT], select_all: bool, entries: Iterable[tuple[int, bool]]
) -> list[tuple[ItemT, bool]]:
    """Every candidate item with whether it goes in: the stored selection's order first, then the rest unchecked.

    ``candidates`` are the items of the agenda item's topics in brief order; ``entries`` the stored selection
    (item id, included) in pack order. With ``select_all``, every candidate goes in, in brief order.
    """
    if select_all:
        return [(item, True) for item in candidates]
    by_id = {item.id: item for item in candidates}
    listed = [(by_id[item_id], included) for item_id, included in entries if item_id in by_id]
    seen = {item.id for item, _ in listed}
    return listed + [(item, False) for item in candidates if item.id not in seen]


def in_action_order(actions: Iterable[ActionT], topic_ids: Sequence[int]) -> list[ActionT]:
    """Follow-up actions as every part of the pack lists them: by deadline (none last), then topic, position."""
    index = {topic_id: n for n, topic_id in enumerate(topic_ids)}
    return sorted(
        actions,
        key=lambda a: (
            a.deadline is None,
            a.deadline or dt.date.max,
            index.get(a.topic_id or 0, len(index)),
            a.position,
            a.id,
        ),
    )


__all__ = ["effective_selection", "in_action_order", "in_brief_order"]
