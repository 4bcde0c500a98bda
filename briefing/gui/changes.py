"""Change notices for the panels: what changed (kinds and keys) and who changed it (Anki's ``OpChanges``).

Every applied, undone or redone operation reaches the panels as one :class:`Changes` and its *initiator* (the
panel that asked for it, or ``None`` for undo, redo and the window itself). A panel implements
``on_changes(changes, initiator)``: it ignores what it does not show, updates in place what it can, and asks for
a refresh otherwise; a hidden panel only marks itself dirty and refreshes when it is shown again
(:class:`ChangeAware`). Panels read only :class:`Changes`, never the core's change classes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent

from briefing.operations import Change, Changed, ChangeKey, Created

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    _Widget = QWidget
else:
    _Widget = object


@dataclass(frozen=True)
class Changes:
    """What one operation (or its undo) changed."""

    kinds: Changed
    keys: frozenset[ChangeKey] = frozenset()
    """(kind, key) of the records touched; empty when not known."""
    created: frozenset[ChangeKey] = frozenset()
    """(kind, key) of the records the change created (or restored, when undoing a deletion)."""

    @classmethod
    def of(cls, change: Change) -> Changes:
        created = change.keys if isinstance(change, Created) else frozenset()
        return cls(change.changed, change.keys, created)

    def touches(self, kinds: Changed) -> bool:
        return bool(self.kinds & kinds)

    def known(self, kind: str) -> frozenset[str] | None:
        """The keys of records of ``kind`` touched, or ``None`` when the change does not say which."""
        if not self.keys:
            return None
        return frozenset(key for k, key in self.keys if k == kind)

    def about(self, kind: str, key: str | int | None) -> bool:
        """Whether the record ``(kind, key)`` may have changed (always, when the change does not say)."""
        if key is None:
            return False
        keys = self.known(kind)
        return keys is None or str(key) in keys


def new_key(change: Change | None, kind: str) -> str | None:
    """The key of the one record of ``kind`` an operation created (e.g. the slug of a new meeting)."""
    if change is None or not change.changed:
        return None
    keys = [key for k, key in change.keys if k == kind]
    return keys[0] if len(keys) == 1 else None


class ChangeAware(_Widget):
    """Mix in before the Qt class: a panel that refreshes from the library when it is on screen.

    A subclass implements :meth:`on_changes` (deciding what concerns it) and :meth:`refresh`; it calls
    :meth:`request_refresh`, which refreshes now when the panel is visible and when it is next shown otherwise.
    """

    _dirty = False

    def on_changes(self, changes: Changes, initiator: object | None) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    @property
    def dirty(self) -> bool:
        return self._dirty

    def request_refresh(self) -> None:
        if self.isVisible():
            self._dirty = False
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self.refresh()
