"""Search on hostile input: 1 MB paragraphs and a 200,000-word query, next to ordinary searches in the same run.

Builds a synthetic library (EN + FR) in a temporary SQLite file, then adds items whose text is a paragraph of
about 1 MB, and prints:
- the time of a search for a common word before and after the huge paragraphs were added (baseline: before);
- the time of a 200,000-word query next to a three-word one (baseline: three words);
- for one 1 MB text, the time to fold the whole of it character by character as snippets used to, next to
  building its snippet now (from a window of the text).

Run: python -m benchmarks.hostile_search [--items N] [--huge N] [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.synthetic import WORDS_EN, synthetic_document
from briefing.i18n.folding import fold
from briefing.interchange.library_json import import_document, validate
from briefing.store import Library
from briefing.store.search import snippet


def timed(action: Callable[[], object], repeat: int) -> float:
    """The median time of ``repeat`` runs of ``action``, in seconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def huge_paragraph(rng: random.Random, size: int, word: str, at_end: bool) -> str:
    words: list[str] = []
    length = 0
    while length < size:
        chosen = rng.choice(WORDS_EN)
        words.append(chosen)
        length += len(chosen) + 1
    words.insert(len(words) if at_end else 3, word)
    return " ".join(words)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--huge", type=int, default=20, help="items with a 1 MB paragraph")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as folder:
        library = Library.open(Path(folder) / "library.sqlite")
        with library.unit_of_work() as uow:
            import_document(uow, validate(synthetic_document(args.items)))

        def search(query: str) -> None:
            with library.unit_of_work() as uow:
                uow.search(query, limit=20)

        common = "security"
        before = timed(lambda: search(common), args.repeat)
        huge = [huge_paragraph(rng, 1_000_000, "zanzibar", at_end=i % 2 == 1) for i in range(args.huge)]
        document = {
            "format": "briefing-library",
            "version": 1,
            "areas": [{"key": "huge", "title": {"en": "Huge"}, "topics": [{"key": "huge-topic",
                       "title": {"en": "Huge"}, "items": [{"key": f"huge-{i}", "kind": "background",
                       "text": {"en": text}} for i, text in enumerate(huge)]}]}],
        }  # fmt: skip
        with library.unit_of_work() as uow:
            import_document(uow, validate(document))
        after = timed(lambda: search(common), args.repeat)
        rare = timed(lambda: search("zanzibar"), args.repeat)
        three = timed(lambda: search("police cooperation europol"), args.repeat)
        long_query = " ".join(rng.choice(WORDS_EN) for _ in range(200_000))
        long_time = timed(lambda: search(long_query), args.repeat)
        text = huge[1]  # the word is at its very end
        old_fold = timed(lambda: "".join(fold(ch) for ch in text), 1)
        new_snippet = timed(lambda: snippet(text, ["zanzibar"], False), args.repeat)
        library.close()

    print(f"library: {args.items} items + {args.huge} items of ~1 MB; median of {args.repeat} runs")
    print(f"search '{common}'           before huge paragraphs (baseline): {before * 1000:8.1f} ms")
    print(f"search '{common}'           after huge paragraphs:             {after * 1000:8.1f} ms")
    print(f"search 'zanzibar' (matches every 1 MB paragraph, 20 hits):   {rare * 1000:8.1f} ms")
    print(f"three-word query (baseline):                                 {three * 1000:8.1f} ms")
    print(
        f"200,000-word query ({len(long_query) / 1e6:.1f} MB):                          {long_time * 1000:8.1f} ms"
    )
    print(f"one 1 MB text: fold it all as snippets used to (baseline):   {old_fold * 1000:8.1f} ms")
    print(f"one 1 MB text: its snippet now (window of the text):         {new_snippet * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
