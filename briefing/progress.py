"""Progress and cancellation of long work (an export, a workbook), without any user interface.

Work that may take a while is given a :data:`Step`: it calls it with the fraction of its own work done, from 0
to 1, between steps. The step reports the progress to whoever asked for it and raises
:class:`ExportCancelledError` when the user cancelled, so the work stops there and its ``finally`` and ``with``
blocks remove what it had half written. :func:`part` gives a piece of work its own step over a share of the
whole, so each stage counts from 0 to 1 and the whole still moves steadily from start to end.

:data:`BUSY` says that the next stage's length cannot be known (LibreOffice converting a pack): a progress bar
shows it as busy until the next fraction comes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from briefing.errors import N_, BriefingError

Progress = Callable[[float], None]
"""Called with the fraction of the work done, from 0 to 1 (or :data:`BUSY`)."""
Cancelled = Callable[[], bool]
"""Asked between steps: whether the user cancelled."""
Step = Callable[[float], None]
"""Called by the work with the fraction of its work done; raises :class:`ExportCancelledError` when cancelled."""

BUSY = -1.0
"""The fraction reported before a stage whose length cannot be known."""


class ExportCancelledError(BriefingError):
    """The user cancelled the export; nothing was written."""

    def __init__(self, msgid: str = N_("Export cancelled; nothing was written."), **params: object) -> None:
        super().__init__(msgid, **params)


def stepper(progress: Progress | None = None, cancelled: Cancelled | None = None) -> Step:
    """The step of a whole piece of work: checks ``cancelled`` then reports to ``progress``."""

    def step(fraction: float) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelledError()
        if progress is not None:
            progress(fraction)

    return step


def _nothing(_fraction: float) -> None:
    pass


def part(step: Step | None, start: float, end: float) -> Step:
    """The step of a stage that takes the share ``start`` to ``end`` of ``step``'s work (nothing when None)."""
    if step is None:
        return _nothing
    whole = step
    span = end - start

    def within(fraction: float) -> None:
        if fraction < 0:
            whole(BUSY)
        else:
            whole(start + span * min(1.0, fraction))

    return within


def counter(step: Step | None, total: int, *, every: int = 1) -> Callable[[int], None]:
    """A function to call with how many of ``total`` things are done; reports every ``every`` things."""
    if step is None:
        return _nothing
    whole = step
    size = max(total, 1)
    stride = max(every, 1)

    def done(count: int) -> None:
        if count % stride == 0 or count >= total:
            whole(min(1.0, count / size))

    return done


T = TypeVar("T")


def stepped(things: Sequence[T], step: Step | None) -> Iterator[T]:
    """``things`` one by one, the share done reported to ``step`` before each and once all are done."""
    for done, thing in enumerate(things):
        if step is not None:
            step(done / len(things))
        yield thing
    if step is not None:
        step(1.0)


__all__ = [
    "BUSY",
    "Cancelled",
    "ExportCancelledError",
    "Progress",
    "Step",
    "counter",
    "part",
    "stepped",
    "stepper",
]
