"""What recording an export costs: the outline snapshot and the record, next to rendering the pack itself.

Builds the outline of a synthetic meeting (``--topics`` agenda items of one topic each, 20 items per topic; 500
topics is a pack of about 1 100 pages in one language), then times, best of ``--repeat``: rendering the Word pack
alone (the baseline, measured in the same run), encoding and decoding the outline snapshot, and a whole recorded
export (render, SHA-256, snapshot, record committed in a SQLite library). Prints the snapshot's size next to the
pack's, and the recording overhead as a share of the render.

Run: python -m benchmarks.export_history [--topics N] [--mode en|fr|bilingual] [--repeat N]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.docx_export import synthetic_outline


def best(repeat: int, job: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=500)
    parser.add_argument("--mode", choices=("en", "fr", "bilingual"), default="en")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from briefing.export import write_recorded
    from briefing.history.codec import decode_outline, encode_outline
    from briefing.history.records import PACK, NewRecord
    from briefing.operations.meetings import create_meeting
    from briefing.render.docx import render_docx
    from briefing.store import Library

    outline = synthetic_outline(args.topics, mode=args.mode)
    now = dt.datetime(2024, 6, 1, 9, 0, tzinfo=dt.UTC)
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        library = Library.open(folder / "library.sqlite")
        slug = create_meeting(library, {"en": "Benchmark meeting"}).key
        outline = dataclasses.replace(outline, meeting_slug=slug)
        pack = folder / "pack.docx"

        render_docx(outline, pack, now=now)  # warm-up: imports and caches are not the render's cost
        render = best(args.repeat, lambda: render_docx(outline, pack, now=now))
        encode = best(args.repeat, lambda: encode_outline(outline))
        snapshot = encode_outline(outline)
        decode = best(args.repeat, lambda: decode_outline(snapshot))
        assert decode_outline(snapshot) == outline

        def recorded() -> None:
            write_recorded(
                library,
                outline,
                folder / "recorded.docx",
                "docx",
                template=None,
                now=now,
                step=lambda _fraction: None,
                record=lambda digest, size, data: NewRecord(
                    PACK, "docx", args.mode, "internal", 1, "recorded.docx", digest, size, now, "bench", data
                ),
            )

        whole = best(args.repeat, recorded)
        library.close()
        print(f"pack: {args.topics} topics, {len(outline.entries)} items, mode {args.mode}")
        print(f"render Word pack (baseline)     {render:7.3f} s   {pack.stat().st_size / 1e6:6.2f} MB")
        print(f"encode outline snapshot         {encode:7.3f} s   {len(snapshot) / 1e6:6.2f} MB")
        print(f"decode outline snapshot         {decode:7.3f} s")
        print(f"recorded export (all included)  {whole:7.3f} s")
        print(
            f"recording overhead              {whole - render:7.3f} s   {(whole - render) / render:6.1%} of the render"
        )


if __name__ == "__main__":
    main()
