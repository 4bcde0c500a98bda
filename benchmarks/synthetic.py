"""Synthetic libraries of any size, in the library JSON format, for benchmarks and load tests.

Texts are drawn word by word from the seed documents, so words occur about as often as in real briefing
material (a handful of very common words, a long tail of rare ones).
"""

from __future__ import annotations

import random
import re
from typing import Any

from briefing.interchange.demo.seeds import (
    COMMUNIQUE,
    COUNCIL_NOTE,
    NEWS_ITEM,
    PROGRAMME_EN,
    PROGRAMME_FR,
    read_seed,
)


def _vocabulary(*names: str) -> list[str]:
    """Every word of the given seed documents, with repeats, so sampling follows their real frequencies."""
    text = " ".join(read_seed(name) for name in names)
    return re.findall(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*", text)


WORDS_EN = _vocabulary(PROGRAMME_EN, COUNCIL_NOTE, NEWS_ITEM, COMMUNIQUE)
WORDS_FR = _vocabulary(PROGRAMME_FR)
KINDS = ("line_to_take", "background", "key_fact", "qa", "counterpart_position", "press_line", "objective")


def sentence(rng: random.Random, words: list[str], length: int) -> str:
    chosen = [rng.choice(words) for _ in range(length)]
    return " ".join(chosen).capitalize() + "."


def synthetic_document(items: int, *, items_per_topic: int = 20, seed: int = 7) -> dict[str, Any]:
    """A valid library document with ``items`` items in both languages, grouped in topics and areas."""
    rng = random.Random(seed)
    topics = []
    for t in range(max(1, items // items_per_topic)):
        topic_items = []
        for i in range(items_per_topic):
            kind = KINDS[(t + i) % len(KINDS)]
            key = f"t{t}-i{i}"
            n = rng.randint(12, 40)
            en, fr = sentence(rng, WORDS_EN, n), sentence(rng, WORDS_FR, n)
            if kind == "qa":
                topic_items.append(
                    {
                        "key": key,
                        "kind": kind,
                        "question": {"en": en[:60] + "?", "fr": fr[:60] + " ?"},
                        "answer": {"en": en, "fr": fr},
                    }
                )
            else:
                topic_items.append({"key": key, "kind": kind, "text": {"en": en, "fr": fr}})
        topics.append(
            {
                "key": f"topic-{t}",
                "title": {"en": sentence(rng, WORDS_EN, 4), "fr": sentence(rng, WORDS_FR, 4)},
                "owner": f"Unit {t % 9}",
                "tags": [],
                "marking": None,
                "reviewed_on": None,
                "sources": [],
                "items": topic_items,
                "actions": [],
            }
        )
    areas = [
        {"key": f"area-{a}", "title": {"en": f"Area {a}", "fr": f"Domaine {a}"}, "topics": topics[a::10]}
        for a in range(10)
    ]
    return {"format": "briefing-library", "version": 1, "areas": areas, "participants": [], "meetings": []}
