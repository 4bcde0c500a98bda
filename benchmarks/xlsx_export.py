"""Library workbook benchmark.

Builds a synthetic library of 100 000 items (EN + FR) in a temporary SQLite file, then writes it as one Excel
workbook with :func:`briefing.render.xlsx.export_library_xlsx` and prints the time taken, the peak of
Python memory allocated while writing (tracemalloc, measured on a second run because tracing slows the
program down) and the size of the file.

Run: python -m benchmarks.xlsx_export [--items N]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from pathlib import Path

from benchmarks.search import _renamed
from benchmarks.synthetic import synthetic_document
from briefing.interchange.library_json import import_document, validate
from briefing.interchange.library_xlsx import export_library_xlsx
from briefing.store import Library

CHUNK = 10_000


def build_library(path: Path, items: int) -> Library:
    """A library of ``items`` synthetic items, imported ``CHUNK`` items at a time under distinct keys."""
    library = Library.open(path)
    for part in range(max(1, items // CHUNK)):
        document = validate(_renamed(synthetic_document(min(items, CHUNK), seed=100 + part), f"p{part}"))
        with library.unit_of_work() as uow:
            import_document(uow, document)
    return library


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=100_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        start = time.perf_counter()
        library = build_library(work / "library.sqlite", args.items)
        build_seconds = time.perf_counter() - start
        with library.unit_of_work() as uow:
            items = uow.items.count()

        output = work / "library.xlsx"
        start = time.perf_counter()
        texts = export_library_xlsx(library, output)
        export_seconds = time.perf_counter() - start
        size = output.stat().st_size

        tracemalloc.start()
        export_library_xlsx(library, work / "traced.xlsx")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        library.close()

    print(f"library: {items} items, built in {build_seconds:.1f} s")
    print(f"library workbook: {texts} text rows, {size / 1_000_000:.1f} MB")
    print(f"export time                    {export_seconds:7.2f} s  ({texts / export_seconds:,.0f} rows/s)")
    print(f"peak Python memory (export)    {peak / 1_000_000:7.1f} MB")


if __name__ == "__main__":
    main()
