"""Word import benchmark: reading a large pack back, against python-docx reading the same file's text.

Renders the synthetic meeting of :mod:`benchmarks.docx_export` (``--topics`` agenda items of one topic each, 20
items per topic) as a Word pack, then times, best of ``--repeat``:

- the importer reading it (:func:`briefing.interchange.word_import.read_docx`: safe unzip, XML, structure);
- the baseline: python-docx opening the same file and reading every paragraph and table cell's text, which
  finds no structure at all;
- planning and applying the import into an empty SQLite library (once: a second run would merge).

Run: python -m benchmarks.docx_import [--topics N] [--mode en|fr|bilingual] [--repeat N]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.docx_export import synthetic_outline


def best(repeat: int, work: Callable[[], object]) -> tuple[float, object]:
    times = []
    result: object = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def python_docx_text(path: Path) -> int:
    import docx

    document = docx.Document(str(path))
    letters = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            letters += sum(len(cell.text) for cell in row.cells)
    return letters


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--topics", type=int, default=200)
    parser.add_argument("--mode", choices=("en", "fr", "bilingual"), default="en")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from briefing.interchange.word_import import apply_plan, plan_import, read_docx
    from briefing.render.docx import render_docx
    from briefing.store import Library

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pack.docx"
        render_docx(synthetic_outline(args.topics, mode=args.mode), path)
        size = path.stat().st_size
        baseline, _ = best(args.repeat, lambda: python_docx_text(path))
        reading, brief = best(args.repeat, lambda: read_docx(path))
        library = Library.open(Path(folder) / "library.sqlite")
        start = time.perf_counter()
        plan = plan_import(library, path)
        planned = time.perf_counter() - start
        start = time.perf_counter()
        apply_plan(library, plan)
        applied = time.perf_counter() - start
        with library.unit_of_work() as uow:
            topics, items = uow.topics.count(), uow.items.count()
        library.close()

    print(f"pack: {args.topics} topics, mode {args.mode}, {size / 1e6:.1f} MB")
    print(f"python-docx, text only (baseline):  {baseline:6.2f} s")
    print(f"importer, read and structure:       {reading:6.2f} s   ratio {reading / baseline:.2f}")
    print(f"plan (read again + compare):        {planned:6.2f} s")
    print(f"apply (one unit of work):           {applied:6.2f} s   {topics} topics, {items} items written")
    assert brief is not None


if __name__ == "__main__":
    main()
