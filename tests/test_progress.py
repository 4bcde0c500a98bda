"""The progress of long work, without any user interface: shares of the whole, counters and cancel."""

from __future__ import annotations

import pytest

from briefing.progress import BUSY, ExportCancelledError, counter, part, stepped, stepper


def test_a_stage_reports_its_share_of_the_whole() -> None:
    seen: list[float] = []
    whole = stepper(seen.append)
    reading, writing = part(whole, 0.0, 0.25), part(whole, 0.25, 1.0)
    for fraction in (0.0, 0.5, 1.0):
        reading(fraction)
    for fraction in (0.0, 0.5, 1.0, 3.0):
        writing(fraction)
    assert seen == [0.0, 0.125, 0.25, 0.25, 0.625, 1.0, 1.0]  # never past the stage's end


def test_busy_goes_through_every_stage_as_it_is() -> None:
    seen: list[float] = []
    part(part(stepper(seen.append), 0.5, 1.0), 0.2, 0.4)(BUSY)
    assert seen == [BUSY]


def test_a_cancel_raises_at_the_next_step_and_nothing_is_reported_after_it() -> None:
    seen: list[float] = []
    cancel = False
    step = part(stepper(seen.append, lambda: cancel), 0.0, 0.5)
    step(0.5)
    cancel = True
    with pytest.raises(ExportCancelledError) as raised:
        step(1.0)
    assert seen == [0.25]
    assert raised.value.message("fr") == "Export annulé\u202f; rien n’a été enregistré."


def test_a_counter_reports_every_so_many_things_and_the_last() -> None:
    seen: list[float] = []
    done = counter(stepper(seen.append), 10, every=4)
    for count in range(1, 11):
        done(count)
    assert seen == [0.4, 0.8, 1.0]


def test_stepped_reports_before_each_thing_and_at_the_end() -> None:
    seen: list[float] = []
    assert list(stepped("abcd", stepper(seen.append))) == ["a", "b", "c", "d"]
    assert seen == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert list(stepped("ab", None)) == ["a", "b"]


def test_no_step_given_means_nothing_is_reported() -> None:
    part(None, 0.0, 1.0)(0.5)
    counter(None, 3)(1)
