"""Whole-library export and import: peak memory and time of the whole process, at two library sizes.

For each size, builds a synthetic library (EN + FR) in a temporary SQLite file, then runs, each in a process of its
own, and prints the peak resident memory and the elapsed time of:
- baseline: ``briefing meetings`` on the same library (start-up, opening the library, one query: the floor every
  command pays), and one sqlite3 query reading every text of the library into a file (the least an export can do);
- ``briefing export-library -o library.json`` and ``briefing import-library library.json`` into an empty library;
- ``briefing export-library -o library.xlsx``.

Streaming means the peak stays flat from one size to the next (target < 200 MB) while the time grows linearly.

Run: python -m benchmarks.library_json [--sizes 10000,100000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.search import _renamed
from benchmarks.synthetic import synthetic_document
from briefing.interchange.library_json import import_document, validate
from briefing.store import Library

FLOOR = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for (text,) in connection.execute("SELECT text FROM translation ORDER BY block_id, lang"):
        out.write(text)
        out.write("\\n")
"""


LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
_, status, usage = os.wait4(process.pid, 0)
if os.waitstatus_to_exitcode(status) != 0:
    sys.exit(process.stderr.read().decode())
print(usage.ru_maxrss / 1024, time.perf_counter() - start)
"""
"""Runs a command and prints its peak memory and time. A process forked from this big benchmark process would
start with its peak already as high as the benchmark's; one forked from this small launcher starts low."""


def measured(command: list[str]) -> tuple[float, float]:
    """Peak resident memory (MB) and elapsed seconds of ``command``, run in a process of its own."""
    result = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *command], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr}")
    megabytes, seconds = result.stdout.split()
    return float(megabytes), float(seconds)


def build(path: Path, items: int) -> None:
    library = Library.open(path)
    for part in range(max(1, items // 10_000)):
        document = _renamed(synthetic_document(min(items, 10_000), seed=100 + part), f"p{part}")
        with library.unit_of_work() as uow:
            import_document(uow, validate(document))
    library.back_up()  # the automatic backup on opening, made now: the measured commands do not pay for it
    library.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,100000", help="library sizes in items, comma-separated")
    args = parser.parse_args()
    briefing = [sys.executable, "-m", "briefing"]
    results: list[tuple[int, dict[str, tuple[float, float]]]] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for size in (int(s) for s in args.sizes.split(",")):
            source = work / f"library-{size}.sqlite"
            build(source, size)
            json_file = work / f"library-{size}.json"
            figures = {
                "baseline: briefing meetings": measured([*briefing, "--db", str(source), "meetings"]),
                "baseline: every text, one sqlite3 query": measured(
                    [sys.executable, "-c", FLOOR, str(source), str(work / "floor.txt")]
                ),
                "export-library (JSON)": measured(
                    [*briefing, "--db", str(source), "export-library", "-o", str(json_file)]
                ),
                "import-library (JSON, empty library)": measured(
                    [
                        *briefing,
                        "--db",
                        str(work / f"imported-{size}.sqlite"),
                        "import-library",
                        str(json_file),
                    ]
                ),
                "export-library (xlsx)": measured(
                    [*briefing, "--db", str(source), "export-library", "-o", str(work / "library.xlsx")]
                ),
            }
            with json_file.open(encoding="utf-8") as handle:
                items = sum(len(t["items"]) for a in json.load(handle)["areas"] for t in a["topics"])
            assert items == size, (items, size)
            results.append((size, figures))
            for leftover in work.glob("imported-*"):
                leftover.unlink()
    sizes = [size for size, _ in results]
    print(f"{'whole process':<42}" + "".join(f"{f'{size:,} items':>24}" for size in sizes))
    for name in results[0][1]:
        cells = "".join(f"{figures[name][0]:>10.0f} MB {figures[name][1]:>7.1f} s " for _, figures in results)
        print(f"{name:<42}{cells}")
    print("target: peak < 200 MB at every size, time growing with the library (linear)")


if __name__ == "__main__":
    main()
