"""Search and bulk-load benchmark.

Builds a synthetic library of 100 000 items (EN + FR) in a temporary SQLite file, then prints:
- the time to bulk-insert 10 000 items and to import a 10 000-item library JSON file (target < 2 s each);
- p50/p95 times of search-as-you-type queries through the FTS5 index (target p95 < 30 ms for every query,
  one-letter prefixes included), overall and per query, side by side with a baseline that scans the same
  texts with LIKE, run in the same process on the same file. Each query runs ``--repeat`` times (30 by
  default, so its p95 is not simply its slowest run); the LIKE scan, which takes a hundred times longer,
  runs ``--baseline-repeat`` times. Besides wall-clock times, the per-query table gives the p95 of the
  process's CPU time, which a busy machine inflates less.

Run: python -m benchmarks.search [--items N] [--repeat N] [--baseline-repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from benchmarks.synthetic import WORDS_EN, WORDS_FR, synthetic_document
from briefing.interchange.library_json import import_document, read_document, validate
from briefing.model import Translation
from briefing.store import Library

QUERIES = [
    "d", "s", "a", "p", "de", "secu", "securite", "sécurité des", "police coop", "trafic de dro", "Europol", "schengen visa",
    "money laund", "blanchiment", "réseau crimin", "ports customs", "radicalisation prevention", "eurojust",
    "judiciaire", "victims", "asile migration retour", "cyber", "cyber evidence", "solidarit", "zzz",
]  # fmt: skip


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def like_baseline(library: Library, query: str) -> None:
    words = query.split()
    with library.unit_of_work() as uow:
        statement = select(Translation.id)
        for word in words:
            statement = statement.where(Translation.text.ilike(f"%{word}%"))
        uow.session.execute(statement.limit(50)).all()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30, help="times each query is run through the index")
    parser.add_argument("--baseline-repeat", type=int, default=5, help="times each query is run with LIKE")
    args = parser.parse_args()
    assert WORDS_EN and WORDS_FR

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        ten_k = synthetic_document(10_000, seed=1)
        small = Library.open(work / "bulk.sqlite")
        document = validate(ten_k)

        def bulk_insert() -> None:
            with small.unit_of_work() as uow:  # timed with its commit
                import_document(uow, document)

        insert_seconds = timed(bulk_insert)
        small.close()

        json_path = work / "ten-k.json"
        json_path.write_text(json.dumps(ten_k), encoding="utf-8")
        other = Library.open(work / "json.sqlite")

        def import_json() -> None:
            parsed = read_document(json_path)
            with other.unit_of_work() as uow:
                import_document(uow, parsed)

        json_seconds = timed(import_json)
        other.close()

        big = Library.open(work / "big.sqlite")
        build_seconds = 0.0
        for part in range(max(1, args.items // 10_000)):
            chunk = validate(_renamed(synthetic_document(10_000, seed=100 + part), f"p{part}"))
            with big.unit_of_work() as uow:
                build_seconds += timed(lambda chunk=chunk, uow=uow: import_document(uow, chunk))  # type: ignore[misc]
        with big.unit_of_work() as uow:
            items = uow.items.count()

        per_query = {query: _Samples() for query in QUERIES}
        baseline = {query: _Samples() for query in QUERIES}
        for _ in range(3):  # warm up: the first searches compile patterns and read the index into the cache
            for query in QUERIES:
                with big.reading() as uow:
                    uow.search(query)
        for round_number in range(max(args.repeat, args.baseline_repeat)):
            for query in QUERIES:
                if round_number < args.repeat:
                    with big.reading() as uow:
                        per_query[query].time(lambda q=query, u=uow: u.search(q))  # type: ignore[misc]
                if round_number < args.baseline_repeat:
                    baseline[query].time(lambda q=query: like_baseline(big, q))  # type: ignore[misc]
        big.close()

    print(f"library: {items} items, built in {build_seconds:.1f} s")
    print(f"bulk insert of 10 000 items     {insert_seconds:7.2f} s   target < 2 s")
    print(f"import of a 10 000-item JSON    {json_seconds:7.2f} s   target < 2 s")
    _report_searches(per_query, baseline)


def _report_searches(per_query: dict[str, _Samples], baseline: dict[str, _Samples]) -> None:
    """Print the search times: overall, then query by query next to the LIKE scan."""
    fts = [ms for samples in per_query.values() for ms in samples.wall]
    like = [ms for samples in baseline.values() for ms in samples.wall]
    print(f"{'search':<28}{'FTS5 index':>14}{'LIKE scan (baseline)':>24}")
    print(f"{'p50':<28}{statistics.median(fts):>11.2f} ms{statistics.median(like):>21.2f} ms")
    print(f"{'p95 (target < 30 ms)':<28}{percentile(fts, 0.95):>11.2f} ms{percentile(like, 0.95):>21.2f} ms")
    runs, baseline_runs = len(per_query[QUERIES[0]].wall), len(baseline[QUERIES[0]].wall)
    print(f"per query: FTS5 index ({runs} runs each) against the LIKE scan ({baseline_runs} runs each)")
    print(f"  {'query':<28}{'p50':>9}{'p95':>9}{'cpu p95':>9}{'LIKE p50':>10}{'LIKE p95':>10}")
    for query in QUERIES:
        samples, scan = per_query[query], baseline[query]
        late = "  over target" if percentile(samples.wall, 0.95) >= 30 else ""
        print(
            f"  {query!r:<28}{statistics.median(samples.wall):9.2f}{percentile(samples.wall, 0.95):9.2f}"
            f"{percentile(samples.cpu, 0.95):9.2f}{statistics.median(scan.wall):10.1f}"
            f"{percentile(scan.wall, 0.95):10.1f}{late}"
        )
    print("  (milliseconds)")


class _Samples:
    """Wall-clock and CPU times of repeated runs, in milliseconds."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def time(self, action: Callable[[], object]) -> None:
        cpu = time.process_time()
        self.wall.append(timed(action) * 1000)
        self.cpu.append((time.process_time() - cpu) * 1000)


def _renamed(document: dict[str, object], prefix: str) -> dict[str, object]:
    """Give every key a prefix so several synthetic documents can live in one library."""
    text = json.dumps(document)
    for stem in ('"key": "area-', '"key": "topic-', '"key": "t'):
        text = text.replace(stem, stem.replace('": "', f'": "{prefix}-'))
    result: dict[str, object] = json.loads(text)
    return result


if __name__ == "__main__":
    main()
