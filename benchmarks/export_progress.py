"""Export progress benchmark: how often a long export reports its progress and can notice a cancel.

Builds a library holding the export benchmark's meeting (``--topics`` agenda items of one topic each, 20 items
a topic in English and French), then for a bilingual Word pack, a bilingual Excel pack and the library's
translation workbook: the time of the export without progress (the baseline), the time with progress and
cancel checks, how many progress values a bar would show, when the first non-zero one came, and the longest
time between two cancel checks (the longest a cancel can wait: the target is under 0.5 s), and the last stage
after the last check (hashing and recording the file in place: too late to cancel).

Run: python -m benchmarks.export_progress [--topics N]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.docx_export import MEETING, build_library
from briefing.assemble import PackRequest
from briefing.export import ExportRequest, export_pack
from briefing.interchange.translation_workbook import export_translations
from briefing.store import Library

Job = Callable[[Callable[[float], None] | None, Callable[[], bool] | None], object]


def measure(name: str, job: Job) -> None:
    start = time.perf_counter()
    job(None, None)
    baseline = time.perf_counter() - start

    checks: list[float] = []
    values: list[tuple[float, int]] = []

    def progress(fraction: float) -> None:
        percent = int(fraction * 100)
        if not values or values[-1][1] != percent:
            values.append((time.perf_counter() - start, percent))

    def cancelled() -> bool:
        checks.append(time.perf_counter())
        return False

    start = time.perf_counter()
    job(progress, cancelled)
    end = time.perf_counter()
    total = end - start
    gaps = [later - earlier for earlier, later in zip([start, *checks], checks, strict=False)]
    first = next((moment for moment, percent in values if percent > 0), total)
    print(
        f"{name:<28} {baseline:6.2f} s  {total:6.2f} s  {len({p for _t, p in values}):4d}  "
        f"{first:6.2f} s  {max(gaps):6.3f} s  {end - checks[-1]:6.3f} s  {len(checks):6d}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--topics", type=int, default=500)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        start = time.perf_counter()
        build_library(work / "library.sqlite", args.topics, 0)
        print(
            f"library: a meeting of {args.topics} agenda items, built in {time.perf_counter() - start:.1f} s"
        )
        with Library.open(work / "library.sqlite") as library:
            print(
                f"{'export':<28} {'baseline':>8}  {'progress':>8}  {'values':>4}  {'first >0':>8}  "
                f"{'longest gap':>8}  {'last stage':>8}  {'checks':>6}"
            )
            for fmt in ("docx", "xlsx"):
                request = ExportRequest(
                    PackRequest(MEETING, "bilingual", "internal", True), work / f"pack.{fmt}", fmt
                )

                def pack(
                    progress: Callable[[float], None] | None,
                    cancelled: Callable[[], bool] | None,
                    request: ExportRequest = request,
                ) -> object:
                    return export_pack(library, request, progress=progress, cancelled=cancelled)

                measure(f"bilingual pack ({fmt})", pack)

            def workbook(
                progress: Callable[[float], None] | None, cancelled: Callable[[], bool] | None
            ) -> object:
                return export_translations(
                    library, work / "todo.xlsx", lang="fr", progress=progress, cancelled=cancelled
                )

            measure("library translation workbook", workbook)


if __name__ == "__main__":
    main()
