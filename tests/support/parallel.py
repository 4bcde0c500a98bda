"""How the suite shares its tests between pytest-xdist workers (``scripts/test.sh`` runs ``-n 2 --dist loadgroup``).

Each test module goes whole to one worker, so its module-scoped fixtures (a PostgreSQL database, a demo library,
one LibreOffice conversion) are made once. Modules that read the render tests' demo packs and their PDFs (the
session fixtures of tests/render/conftest.py) go together to one worker, so LibreOffice converts the packs once.
The groups that hold slow or LibreOffice tests are handed out first, so the longest waits overlap with the rest
of the suite instead of being left for the end.

Without xdist (a plain ``pytest`` run) none of this changes anything.
"""

from __future__ import annotations

import pytest

# Session fixtures that are expensive enough to keep every module using them on one worker.
SHARED_SESSION_FIXTURES = {
    "packs": "render-demo-packs",
    "pdf_files": "render-demo-packs",
    "pdfs": "render-demo-packs",
    "demo_library": "render-demo-packs",
}
# Tests with these marks wait longest (LibreOffice, the frozen bundle): their groups start first.
FIRST_MARKS = ("slow", "libreoffice")


def group_of(module: str, fixtures: set[str]) -> str:
    """The xdist group of a module that uses ``fixtures``."""
    shared = sorted({SHARED_SESSION_FIXTURES[name] for name in fixtures & SHARED_SESSION_FIXTURES.keys()})
    return shared[0] if shared else module


def session_fixtures(item: pytest.Item) -> set[str]:
    """The names of the session-scoped fixtures ``item`` uses (a module's own fixture of the same name is not)."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return set()
    return {name for name, defs in info.name2fixturedefs.items() if defs and defs[-1].scope == "session"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not hasattr(config, "workerinput") or config.getoption("dist", "no") != "loadgroup":
        return
    fixtures: dict[str, set[str]] = {}
    for item in items:
        fixtures.setdefault(item.nodeid.split("::")[0], set()).update(session_fixtures(item))
    groups = {module: group_of(module, used) for module, used in fixtures.items()}
    first: set[str] = set()
    for item in items:
        group = groups[item.nodeid.split("::")[0]]
        item.add_marker(pytest.mark.xdist_group(group))
        if any(item.get_closest_marker(mark) for mark in FIRST_MARKS):
            first.add(group)
    # xdist hands out the groups in the order it first sees them (with --no-loadscope-reorder)
    items.sort(key=lambda item: groups[item.nodeid.split("::")[0]] not in first)
