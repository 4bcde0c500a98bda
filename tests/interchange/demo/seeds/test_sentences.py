"""Paragraphs split into sentences, not at abbreviations or a leading enumerator."""

from __future__ import annotations

from briefing.interchange.demo.seeds import split_sentences


def test_split_sentences_keeps_abbreviations_and_footnote_marks() -> None:
    text = "The EU-U.S. Dialogue met i.a. in May.¹³ It agreed on No. 5 with A.I. experts. Done."
    assert split_sentences(text) == [
        "The EU-U.S. Dialogue met i.a. in May.¹³",
        "It agreed on No. 5 with A.I. experts.",
        "Done.",
    ]
    assert split_sentences("1. The first item. Then more.") == ["1. The first item.", "Then more."]
