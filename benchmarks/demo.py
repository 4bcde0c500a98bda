"""Demo library benchmark: how long building the demo document and importing it take (target < 2 s together).

Builds the demo document from the seed documents (parsing and aligning them included), validates it, then
imports it into a new SQLite library in a temporary folder, and prints each time, the best of a few runs,
with what was created.

Run: python -m benchmarks.demo [--repeat N]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from briefing.interchange.demo.builder import build_demo_document, create_demo_library
from briefing.interchange.library_json import ImportSummary, validate
from briefing.store import Library


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each step; the best is shown")
    args = parser.parse_args()

    builds: list[float] = []
    validations: list[float] = []
    imports: list[float] = []
    summary = ImportSummary()
    with tempfile.TemporaryDirectory() as folder:
        for run in range(max(1, args.repeat)):
            start = time.perf_counter()
            document = build_demo_document()
            builds.append(time.perf_counter() - start)

            start = time.perf_counter()
            validate(document)
            validations.append(time.perf_counter() - start)

            library = Library.open(Path(folder) / f"demo-{run}.sqlite")
            start = time.perf_counter()
            summary = create_demo_library(library)  # builds and validates again, then imports
            imports.append(time.perf_counter() - start)
            library.close()

    build, check, total = min(builds), min(validations), min(imports)
    print(f"build the demo document (seeds parsed and aligned)  {build * 1000:8.1f} ms")
    print(f"validate it                                          {check * 1000:8.1f} ms")
    print(f"create_demo_library (build + validate + import)      {total * 1000:8.1f} ms   target < 2000 ms")
    print(f"of which import into SQLite                          {(total - build - check) * 1000:8.1f} ms")
    print("created: " + ", ".join(f"{count} {kind}" for kind, count in summary.created.items()))


if __name__ == "__main__":
    main()
