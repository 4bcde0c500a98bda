"""How the suite shares its tests between pytest-xdist workers (``scripts/test.sh`` runs
``-n 2 --dist loadscope --no-loadscope-reorder``).

Each test module goes whole to one worker (``loadscope``), so its module-scoped fixtures (a PostgreSQL database,
a demo library, one LibreOffice conversion) are made once. xdist hands out the modules in the order the workers
collected them: here the modules holding slow or LibreOffice tests come first, so the longest waits overlap with
the rest of the suite instead of being left for the end.

(``--dist loadgroup`` would let modules that share an expensive session fixture go to one worker, but xdist 3.8
marks the groups in a way pytest 9 no longer reads, so every test would go its own way.)

Without xdist (a plain ``pytest`` run) the order of the tests does not change.
"""

from __future__ import annotations

import pytest

# Tests with these marks wait longest (LibreOffice, the frozen bundle): their modules start first.
FIRST_MARKS = ("slow", "libreoffice")


def module_of(item: pytest.Item) -> str:
    return item.nodeid.split("::")[0]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not hasattr(config, "workerinput"):  # only in xdist's workers, whose collection the scheduler follows
        return
    first = {module_of(item) for item in items if any(item.get_closest_marker(mark) for mark in FIRST_MARKS)}
    items.sort(key=lambda item: module_of(item) not in first)  # stable: each module keeps its own order
