"""The Val Duchesse II communiqué: header, themes, participants and commitments."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.interchange.demo.seeds import Communique, load_communique


@pytest.fixture(scope="module")
def communique() -> Communique:
    return load_communique()


def test_communique_header_and_themes(communique: Communique) -> None:
    assert communique.date == dt.date(2018, 6, 11)
    assert communique.place == "Paris"
    assert communique.title == "Franco-Belgian intergovernmental meeting Val Duchesse II : joint communiqué"
    assert [theme.key for theme in communique.themes] == [
        "counter-terrorism",
        "violent-radicalisation",
        "european-level",
    ]
    assert [len(theme.paragraphs) for theme in communique.themes] == [6, 7, 8]
    assert communique.introduction[-1].endswith("France and Belgium have resolved:")


def test_communique_lists_six_participants(communique: Communique) -> None:
    people = [(p.name, p.function, p.country) for p in communique.participants]
    assert people == [
        ("Édouard Philippe", "Prime Minister", "French Republic"),
        ("Charles Michel", "Prime Minister", "Kingdom of Belgium"),
        ("Gérard Collomb", "Interior Minister", "French Republic"),
        ("Jan Jambon", "Interior Minister", "Kingdom of Belgium"),
        ("Nicole Belloubet", "Justice Minister", "French Republic"),
        ("Koen Geens", "Justice Minister", "Kingdom of Belgium"),
    ]
    assert [p.country_in_text for p in communique.participants] == [True, True, False, False, False, False]


def test_communique_commitments(communique: Communique) -> None:
    texts = [commitment.text for commitment in communique.commitments]
    assert len(texts) == 23
    assert texts[0].startswith("To follow through on reinforcing the information exchange")
    hold = next(c for c in communique.commitments if c.text.startswith("To hold, by the end of 2018"))
    assert (hold.theme_key, hold.kind, hold.deadline) == (
        "violent-radicalisation",
        "resolution",
        dt.date(2018, 12, 31),
    )
    quadrilateral = next(c for c in communique.commitments if c.text.startswith("Also, to stress"))
    assert quadrilateral.deadline == dt.date(2018, 12, 31)
    undertakings = [c.text for c in communique.commitments if c.kind == "undertaking"]
    assert any(text.startswith("We undertake to foster sharing") for text in undertakings)
    assert any("we call for intergovernmental development of a railway PNR" in text for text in undertakings)
    for not_a_commitment in (
        "To make cross-border access",
        "To respond to these challenges",
        "We decided in 2016",
    ):
        assert not any(text.startswith(not_a_commitment) for text in texts)
