"""Markdown-like seeds read into paragraphs: list items on their own, page-break splits joined."""

from __future__ import annotations

from briefing.interchange.demo.seeds import Programme, clean_markdownish_text


def all_paragraphs(programme: Programme) -> list[str]:
    return [paragraph for section in programme.sections for paragraph in section.paragraphs]


def test_english_paragraphs_cut_by_a_page_break_are_joined(english: Programme) -> None:
    text = "\n".join(all_paragraphs(english))
    assert "notably by striving to adopt a general approach on the proposal" in text
    assert "We will pay a particular attention to the spread of disinformation online" in text
    assert "due to disasters such as the Covid-19 pandemic" in text
    assert "reflect prospectively and strategically on the future of the Schengen area" in text


def test_english_bullets_are_their_own_paragraphs() -> None:
    raw = "Intro line:\n\n- i. **First:** one,\n- ii. *Second* two;\n\nAfter."
    assert clean_markdownish_text(raw) == ["Intro line:", "i. First: one,", "ii. Second two;", "After."]
