"""The eucrim news item (003): title, rubric, byline, paragraphs, the later update and publication details."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from briefing.interchange.demo.seeds.files import NEWS_ITEM, read_seed
from briefing.interchange.demo.seeds.markdown_text import clean_markdown_line, clean_markdownish_text


@dataclass(frozen=True)
class NewsItem:
    """A news item: title, rubric and byline, its paragraphs and the later update, and where it appeared.

    The author box printed in the middle of the update (author, role, "Published in", ISSN) is taken out of
    the text, so that the update sentence it interrupts reads whole again; the publisher's "About" notice
    at the end is left out.
    """

    title: str
    rubric: str | None
    author: str | None
    author_role: str | None
    paragraphs: tuple[str, ...]
    update: tuple[str, ...]
    published_in: str | None
    issn: str | None


_MD_TITLE = re.compile(r"^#\s+(.+?)\s*$")
_MD_SUBHEADING = re.compile(r"^#{2,6}\s+(.+?)\s*$")
_BOLD_LINE = re.compile(r"^\s*\*\*([^*]+)\*\*\s*$")
_ISSN = re.compile(r"^ISSN:\s*(.+?)\s*$")
_PUBLISHED_IN = "Published in"


def _first_index(lines: Sequence[str], test: Callable[[str], bool], start: int = 0) -> int | None:
    return next((index for index in range(start, len(lines)) if test(lines[index])), None)


def _not_blank(line: str) -> bool:
    return bool(line.strip())


def _subheading_is(line: str, *names: str) -> bool:
    match = _MD_SUBHEADING.match(line)
    return match is not None and match[1].rstrip(":").casefold() in {name.casefold() for name in names}


def _paragraph_runs(lines: Iterable[str]) -> list[list[str]]:
    """Runs of consecutive non-blank lines."""
    runs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            runs[-1].append(line.strip())
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


@dataclass(frozen=True)
class _AuthorBox:
    author: str | None = None
    role: str | None = None
    published_in: str | None = None
    issn: str | None = None


def _author_box(lines: Sequence[str]) -> _AuthorBox:
    """Read the author box: the name, the role ("Senior Researcher, " and the institution the next lines
    name), "Published in …" and the ISSN."""
    runs = _paragraph_runs(lines)
    author = clean_markdown_line(runs[0][0]) if runs else None
    role = (
        clean_markdown_line(", ".join([runs[1][0], " ".join(runs[1][1:])]).strip(", "))
        if len(runs) > 1
        else None
    )
    published = next((" ".join(run) for run in runs if run[0].startswith(_PUBLISHED_IN)), None)
    issn = next((match[1] for run in runs for line in run if (match := _ISSN.match(line))), None)
    if published is not None:
        published = clean_markdown_line(published.removeprefix(_PUBLISHED_IN))
    return _AuthorBox(author, role, published, issn)


def _split_author_box(lines: Sequence[str]) -> tuple[list[str], _AuthorBox]:
    """The lines without the author box (from its "AUTHOR" heading to the ISSN line), and the box."""
    start = _first_index(lines, lambda line: _subheading_is(line, "author"))
    if start is None:
        return list(lines), _AuthorBox()
    end = _first_index(lines, lambda line: bool(_ISSN.match(line)), start)
    stop = start + 1 if end is None else end + 1
    return [*lines[:start], *lines[stop:]], _author_box(lines[start + 1 : stop])


@dataclass(frozen=True)
class _NewsHead:
    title: str
    rubric: str | None
    byline: str | None
    body_start: int


def _news_head(lines: Sequence[str]) -> _NewsHead:
    """The title line, the rubric heading right after it and the bold byline, and where the text begins."""
    title_at = _first_index(lines, lambda line: bool(_MD_TITLE.match(line)))
    if title_at is None:
        raise ValueError("news item without a '# ' title line")
    title = clean_markdown_line(_MD_TITLE.sub(r"\1", lines[title_at]))
    rubric = byline = None
    index = title_at + 1
    rubric_at = _first_index(lines, _not_blank, index)
    rubric_match = _MD_SUBHEADING.match(lines[rubric_at]) if rubric_at is not None else None
    if rubric_at is not None and rubric_match and not _subheading_is(lines[rubric_at], "update"):
        rubric, index = clean_markdown_line(rubric_match[1]), rubric_at + 1
    byline_at = _first_index(lines, _not_blank, index)
    byline_match = _BOLD_LINE.match(lines[byline_at]) if byline_at is not None else None
    if byline_at is not None and byline_match:
        byline, index = clean_markdown_line(byline_match[1]), byline_at + 1
    return _NewsHead(title, rubric, byline, index)


def parse_news_item(raw: str) -> NewsItem:
    """The eucrim news item (003): title, rubric, byline, paragraphs, update and publication details."""
    lines = raw.splitlines()
    about = _first_index(lines, lambda line: _subheading_is(line, "about eucrim"))
    lines, box = _split_author_box(lines[:about])
    head = _news_head(lines)
    update_at = _first_index(lines, lambda line: _subheading_is(line, "update"), head.body_start)
    body_end = len(lines) if update_at is None else update_at
    update = () if update_at is None else tuple(clean_markdownish_text("\n".join(lines[update_at + 1 :])))
    return NewsItem(
        title=head.title,
        rubric=head.rubric,
        author=head.byline or box.author,
        author_role=box.role,
        paragraphs=tuple(clean_markdownish_text("\n".join(lines[head.body_start : body_end]))),
        update=update,
        published_in=box.published_in,
        issn=box.issn,
    )


def load_news_item() -> NewsItem:
    """The news item parsed from its seed document."""
    return parse_news_item(read_seed(NEWS_ITEM))
