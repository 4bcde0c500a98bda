"""Bringing existing Word briefs into the library.

Three steps, each usable on its own::

    brief = read_docx(path, lang="fr")              # what the document holds (no library needed)
    plan = plan_import(library, path, area="Migration")   # what would be created or merged, with counts
    report = apply_plan(library, plan)              # written in one unit of work, or not at all

:mod:`.package` opens the file safely, :mod:`.document` reads its body as shown, :mod:`.structure` finds topics,
slots, items and actions in it, and :mod:`.plan` compares that with the library and writes it.
"""

from __future__ import annotations

from pathlib import Path

from briefing.errors import N_, BriefingError
from briefing.interchange.word_import.document import read_document
from briefing.interchange.word_import.package import open_docx
from briefing.interchange.word_import.plan import ImportPlan, ImportReport, apply_plan, plan_brief
from briefing.interchange.word_import.structure import Brief, read_brief
from briefing.store import Library

LANGUAGES = ("en", "fr")


def read_docx(path: Path, lang: str | None = None) -> Brief:
    """The topics, items and actions of the Word document ``path``; ``lang`` is its language (None: guessed
    from the language its text is tagged with)."""
    if lang is not None and lang not in LANGUAGES:
        raise BriefingError(N_('Unknown language "{value}"; use en or fr.'), value=lang)
    path = Path(path)
    document = read_document(open_docx(path))
    return read_brief(document, lang, path.stem)


def plan_import(
    library: Library, path: Path, *, area: str | None = None, lang: str | None = None
) -> ImportPlan:
    """What importing ``path`` would do to ``library``; nothing is written."""
    brief = read_docx(path, lang)
    with library.unit_of_work() as uow:
        plan = plan_brief(uow, brief, Path(path).name, area)
        uow.rollback()
    return plan


__all__ = ["Brief", "ImportPlan", "ImportReport", "apply_plan", "plan_import", "read_docx"]
