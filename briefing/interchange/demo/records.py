"""Building blocks of the demo library document: text maps, items, topics and look-ups by seed wording.

Everything here produces plain JSON-ready dictionaries in the library interchange format (version 1, see
docs/library-format.md); nothing touches a database.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

Json = dict[str, Any]
"""One object of the interchange document."""

TextMap = dict[str, str]

_FOOTNOTE_MARKS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def without_footnote_marks(text: str) -> str:
    """``text`` without the superscript footnote numbers the Council note writes after words."""
    return _FOOTNOTE_MARKS.sub("", text)


def texts(en: str, fr: str | None = None) -> TextMap:
    """A text map with English and, when given, French; an absent language is *missing*."""
    return {"en": en} if fr is None else {"en": en, "fr": fr}


def item(
    key: str,
    kind: str,
    text: TextMap,
    *,
    marking: str | None = None,
    internal: bool = False,
) -> Json:
    """An item with a body (every kind but ``qa``)."""
    record: Json = {"key": key, "kind": kind, "text": text}
    if marking is not None:
        record["marking"] = marking
    if internal:
        record["internal"] = True
    return record


def qa_item(key: str, question: TextMap, answer: TextMap, *, marking: str | None = None) -> Json:
    """A defensive question and its answer."""
    record: Json = {"key": key, "kind": "qa", "question": question, "answer": answer}
    if marking is not None:
        record["marking"] = marking
    return record


def topic(
    key: str,
    title: TextMap,
    items: Sequence[Json],
    *,
    sources: Sequence[str | TextMap],
    tags: Sequence[str] = (),
    marking: str | None = None,
    reviewed_on: str | None = None,
    actions: Sequence[Json] = (),
    owner: str | TextMap | None = None,
) -> Json:
    """A topic with its items and actions; ``reviewed_on`` is an ISO date.

    The owner and each source are a plain string (English only) or a text map with their French.
    """
    return {
        "key": key,
        "title": title,
        "owner": owner,
        "tags": list(tags),
        "marking": marking,
        "reviewed_on": reviewed_on,
        "sources": list(sources),
        "items": list(items),
        "actions": list(actions),
    }


def area(key: str, title: TextMap, topics: Sequence[Json]) -> Json:
    """A policy area and its topics."""
    return {"key": key, "title": title, "topics": list(topics)}


def take_sentence(paragraphs: list[list[str]], anchor: str, *, whole_paragraph: bool = False) -> str:
    """Take the sentence with ``anchor`` out of ``paragraphs`` (each a list of sentences) and return it.

    The sentence must open or close its paragraph, so that what is left still reads whole; with
    ``whole_paragraph`` the whole paragraph holding it is taken instead (and left empty).
    """
    holding = [
        (paragraph, index)
        for paragraph in paragraphs
        for index, sentence in enumerate(paragraph)
        if anchor in sentence
    ]
    if len(holding) != 1:
        raise ValueError(f"expected one seed sentence with {anchor!r}, found {len(holding)}")
    paragraph, index = holding[0]
    if whole_paragraph:
        text = " ".join(paragraph)
        paragraph.clear()
        return text
    if index not in (0, len(paragraph) - 1):
        raise ValueError(f"{anchor!r} neither opens nor closes its paragraph")
    return paragraph.pop(index)


def english_of(record: Mapping[str, Any]) -> str:
    """The English of an item: its body, or its question and answer."""
    if record["kind"] == "qa":
        return f"{record['question']['en']} {record['answer']['en']}"
    text: str = record["text"]["en"]
    return text


def item_key(topic_record: Mapping[str, Any], anchor: str, kind: str | None = None) -> str:
    """The key of the one item of ``topic_record`` whose English contains ``anchor`` (of ``kind`` if given).

    Meetings select their items this way, by the seed wording, so the selection follows the content.
    """
    found = [
        record["key"]
        for record in topic_record["items"]
        if anchor in english_of(record) and (kind is None or record["kind"] == kind)
    ]
    if len(found) != 1:
        raise ValueError(
            f"expected one item with {anchor!r} in topic {topic_record['key']!r}, found {len(found)}"
        )
    key: str = found[0]
    return key


def slug(text: str) -> str:
    """A key made of lower-case ASCII letters, digits and hyphens ("Édouard Philippe" → "edouard-philippe")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")
