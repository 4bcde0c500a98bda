"""Editor latency benchmark: how long the UI thread is blocked when the library tree and topic editor read.

On a library of ``--topics`` synthetic topics (20 items each, English and French), opens the real main window
offscreen and, with a 10 ms ``QTimer`` heartbeat, measures the longest gap between beats (the longest the UI
thread was blocked) while:

- selecting a topic in the tree (the topic is read on the background task, then its editor is built);
- typing a search (read on the background task, one result list shown);
- reloading the tree after a topic is created.

Baselines from the same run: a bare event loop's longest gap, and the same reads done on the UI thread
(what the window did before: ``queries.topic_view``, ``queries.library_tree`` and the search, timed directly).

Run: python -m benchmarks.editor_latency [--topics N] [--library PATH]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks.ui_latency import Heartbeat, open_window, prepared_library, run_until


def timed(read: object) -> float:
    started = time.perf_counter()
    read()  # type: ignore[operator]
    return (time.perf_counter() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=500)
    parser.add_argument(
        "--library", type=Path, help="where to keep the built library (reused when it exists)"
    )
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()

    folder = tempfile.TemporaryDirectory()
    path = prepared_library(args.library, args.topics, Path(folder.name))
    window, library = open_window(path, Path(folder.name))
    from briefing.gui.library_search import read_search
    from briefing.operations import queries

    heart = Heartbeat()
    deadline = time.perf_counter() + 2.0
    run_until(lambda: time.perf_counter() > deadline, 5)
    figures: list[tuple[str, float, float]] = []
    baseline = heart.longest_gap() * 1000
    run_until(window.idle, args.timeout)
    panel = window.library_panel
    keys = [topic.key for area in panel._areas for topic in area.topics]

    for n, key in enumerate((keys[len(keys) // 2], keys[len(keys) // 3])):
        heart.reset()
        panel.select_topic(key)
        run_until(
            lambda key=key: (
                window.idle() and window.topic_editor.view is not None and window.topic_editor.view.key == key
            ),
            args.timeout,
        )
        gap = heart.longest_gap() * 1000
        figures.append(
            (f"select a topic ({n + 1})", gap, timed(lambda key=key: queries.topic_view(library, key)))
        )

    for word in ("securi", "security"):
        heart.reset()
        panel.search.setText(word)
        run_until(lambda: window.idle() and panel.tree.topLevelItemCount() > 0, args.timeout)
        gap = heart.longest_gap() * 1000
        figures.append((f"search {word!r}", gap, timed(lambda word=word: read_search(library, word, "en"))))

    panel.search.clear()
    run_until(window.idle, args.timeout)

    heart.reset()
    panel.reload()
    run_until(window.idle, args.timeout)
    gap = heart.longest_gap() * 1000
    figures.append(("reload the tree", gap, timed(lambda: queries.library_tree(library))))
    window.close()
    library.close()

    print(f"\nbare event loop, 2 s (baseline): longest gap {baseline:.1f} ms")
    print(f"{'step':<18} {'longest UI gap now':>20} {'the read on the UI thread (before)':>36}")
    for name, gap, read in figures:
        print(f"{name:<18} {gap:17.1f} ms {read:33.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
