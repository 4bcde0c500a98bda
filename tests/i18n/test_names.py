"""Names kept on one line in titles, and the short form of a title for the running head."""

from __future__ import annotations

from briefing.i18n.names import keep_names_together, names, short_title

NB = "\u00a0"


def test_words_of_a_name_are_joined_with_no_break_spaces() -> None:
    assert keep_names_together("Franco-Belgian intergovernmental meeting Val Duchesse II") == (
        f"Franco-Belgian intergovernmental meeting Val{NB}Duchesse{NB}II"
    )
    assert (
        keep_names_together("Réunion avec Édouard Philippe à Paris")
        == f"Réunion avec Édouard{NB}Philippe à Paris"
    )
    assert keep_names_together("a title without names") == "a title without names"


def test_a_long_run_of_capitals_is_left_breakable() -> None:
    shouting = "THE VERY LONG TITLE WRITTEN ALL IN CAPITAL LETTERS BY SOMEONE"
    assert keep_names_together(shouting) == shouting


def test_joining_is_idempotent() -> None:
    once = keep_names_together("the meeting Val Duchesse II")
    assert keep_names_together(once) == once
    assert names(once) == ["Val Duchesse II"]


def test_short_title() -> None:
    title = "Franco-Belgian intergovernmental meeting Val Duchesse II"
    assert short_title(title, 80) == title
    assert short_title(title, 40) == "Val Duchesse II"
    assert (
        short_title("Conseil Justice et affaires intérieures de juin", 30) == "Conseil Justice et affaires…"
    )
