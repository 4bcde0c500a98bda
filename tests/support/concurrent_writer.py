"""A writer process for the snapshot tests, and the exports that run while it writes.

``python concurrent_writer.py DB FIRST_ID SECOND_ID SECONDS`` sets both translations to ``round N`` in one
transaction, N = 1, 2, … until SECONDS have passed, then prints the number of rounds.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from briefing.interchange.library_json import export_document, write_library_json
from briefing.model import Topic
from briefing.store import Library

WRITER = Path(__file__)


def watched_topics(library: Library) -> tuple[list[str], list[int]]:
    """The keys of the first and last topic, and the ids of their English titles, both set to ``round 0``."""
    with library.unit_of_work() as uow:
        topics = uow.session.scalars(select(Topic).order_by(Topic.id)).all()
        first, last = topics[0], topics[-1]
        ids = [first.title.translations["en"].id, last.title.translations["en"].id]
        for ident in ids:
            uow.session.execute(text("UPDATE translation SET text = 'round 0' WHERE id = :id"), {"id": ident})
        return [first.key, last.key], ids


def titles(document: dict[str, Any], keys: list[str]) -> list[str]:
    found = {topic["key"]: topic["title"]["en"] for area in document["areas"] for topic in area["topics"]}
    return [found[key] for key in keys]


def start_writer(db: str, ids: list[int], seconds: float) -> subprocess.Popen[str]:
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), db, str(ids[0]), str(ids[1]), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    return writer


def exports_while_writing(library: Library, db: str, tmp_path: Path, seconds: float = 6) -> list[list[str]]:
    """Export the library again and again while the writer runs; the two titles of every export."""
    keys, ids = watched_topics(library)
    writer = start_writer(db, ids, seconds)
    seen: list[list[str]] = []
    target = tmp_path / "library.json"
    while writer.poll() is None:
        if len(seen) % 2:
            write_library_json(library, target)
            document = json.loads(target.read_text(encoding="utf-8"))
        else:
            document = reading_export(library)
        seen.append(titles(document, keys))
    stdout, _ = writer.communicate()
    assert writer.returncode == 0 and int(stdout) > 10  # the writer really ran, many rounds
    return seen


def reading_export(library: Library) -> dict[str, Any]:
    with library.reading() as uow:
        return export_document(uow)


def main(db: str, first: int, second: int, seconds: float) -> None:
    library = Library.open(db)
    rounds = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        rounds += 1
        with library.unit_of_work() as uow:
            for ident in (first, second):
                uow.session.execute(
                    text("UPDATE translation SET text = :text WHERE id = :id"),
                    {"text": f"round {rounds}", "id": ident},
                )
    library.close()
    print(rounds)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))
