"""The eucrim news item: title, rubric, byline, paragraphs and update, without the author box or notices."""

from __future__ import annotations

import pytest

from briefing.interchange.demo.seeds import NewsItem, load_news_item


@pytest.fixture(scope="module")
def news() -> NewsItem:
    return load_news_item()


def test_news_item(news: NewsItem) -> None:
    assert (
        news.title == "Belgian Council Presidency: Better Fight against Organised Crime and Drug Trafficking"
    )
    assert (news.rubric, news.author) == ("News", "Thomas Wahl")
    assert (
        news.author_role == "Senior Researcher, Max Planck Institute for the Study of Crime, Security and Law"
    )
    assert news.issn == "1862-6947"
    assert news.paragraphs[0].startswith(
        "At the Justice and Home Affairs (JHA) Council Meeting on 4/5 March 2024"
    )
    assert "(→ eucrim 4/2023, 317)" in news.paragraphs[0]
    assert news.paragraphs[3] == (
        "Providing strategic means – such as offensive and defensive national drug strategies – "
        "to fight drug trafficking;"
    )
    assert (
        "Strengthening efforts in mapping high-risk criminal networks is seen as a fundamental step"
        in news.update[0]
    )
    text = " ".join((*news.paragraphs, *news.update))
    for leftover in ("ISSN", "Senior Researcher", "About eucrim", "Co-funded", "](", "**"):
        assert leftover not in text
