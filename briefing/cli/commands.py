"""The subcommands. Each opens the library, calls core functions and prints plain text."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cli.language import user_language
from briefing.errors import N_, BriefingError, Message

if TYPE_CHECKING:
    from briefing.store import Library


def say(msgid: str, **params: object) -> None:
    print(Message(msgid, **params).render(user_language()))


def open_library(args: argparse.Namespace) -> Library:
    from briefing.store import Library

    return Library.open(args.db)


def run_gui(args: argparse.Namespace) -> int:
    import os

    from briefing.gui.app import run

    screens = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    if sys.platform.startswith("linux") and not any(os.environ.get(name) for name in screens):
        raise BriefingError(
            N_(
                "There is no screen to show the app on (DISPLAY is not set). Start it from a desktop session, "
                "or use a command such as `briefing export` (see `briefing --help`)."
            )
        )

    return run(db=args.db)


def list_meetings(args: argparse.Namespace) -> int:
    lang = user_language()
    with open_library(args) as library, library.reading() as uow:
        from briefing.model import Meeting

        meetings = sorted(uow.meetings.list(Meeting.starts_on, Meeting.id), key=lambda m: m.starts_on is None)
        for meeting in meetings:
            when = meeting.starts_on.isoformat() if meeting.starts_on else "—"
            title = meeting.title.text(lang) or meeting.title.source_text or ""
            print(f"{meeting.slug}\t{when}\t{title}")
        if not meetings:
            say(N_("The library has no meetings yet."))
    return 0


def search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with open_library(args) as library, library.reading() as uow:
        hits = uow.search(query, limit=args.limit)
        for hit in hits:
            from briefing.store.search import SNIPPET_CLOSE, SNIPPET_OPEN

            where = hit.topic_key if hit.item_key is None else f"{hit.topic_key} › {hit.item_key}"
            snippet = " ".join(hit.snippet.replace(SNIPPET_OPEN, "[").replace(SNIPPET_CLOSE, "]").split())
            print(f"[{hit.lang}] {where}: {snippet}")
    if not hits:
        say(N_("Nothing found for “{query}”."), query=query if len(query) <= 80 else query[:80] + "…")
        return 1
    return 0


def export_library(args: argparse.Namespace) -> int:
    from briefing.interchange.library_json import write_library_json

    output = Path(args.output)
    fmt = args.format or ("xlsx" if output.suffix.lower() == ".xlsx" else "json")
    with open_library(args) as library:
        if fmt == "xlsx":
            from briefing.interchange.library_xlsx import export_library_xlsx

            export_library_xlsx(library, output, lang=user_language())
        else:
            write_library_json(library, output)
    say(N_("Library written to {path}."), path=output)
    return 0


def import_library(args: argparse.Namespace) -> int:
    from briefing.interchange.library_json import check_library_file, import_checked_file

    checked = check_library_file(Path(args.file))
    with open_library(args) as library:
        library.back_up()
        with library.unit_of_work() as uow:
            summary = import_checked_file(uow, checked)
    created = sum(summary.created.values())
    updated = sum(summary.updated.values())
    say(
        N_("Imported {path}: {created} records created, {updated} updated."),
        path=args.file,
        created=created,
        updated=updated,
    )
    return 0


def copy_library(args: argparse.Namespace) -> int:
    from briefing.interchange.library_copy import copy_library as copy

    report = copy(args.source, args.target, force=args.force)
    say(
        N_(
            "Copied the library to {target}: {areas} areas, {topics} topics, {items} items, {actions} actions, "
            "{participants} participants, {meetings} meetings; both sides export the same JSON (SHA-256 {sha256})."
        ),
        target=args.target if "://" not in args.target else args.target.split("@")[-1],
        sha256=report.sha256[:16],
        **report.counts,
    )
    return 0


def demo(args: argparse.Namespace) -> int:
    from briefing.interchange.demo.builder import create_demo_library

    with open_library(args) as library:
        create_demo_library(library, force=args.force)
    say(N_("The demo library is ready in {path}."), path=library.url.database or library.url)
    return 0


def export(args: argparse.Namespace) -> int:
    import gc

    from briefing.assemble import PackRequest
    from briefing.cli.references import meeting_reference, reading
    from briefing.export import ExportRequest, export_pack

    gc.disable()  # a short job making many small objects that never form cycles; the process ends with it
    if getattr(args, "recorded", None) is not None:
        from briefing.cli.history import export_version

        return export_version(args)
    output = Path(args.output)
    fmt = args.format or {".xlsx": "xlsx", ".pdf": "pdf"}.get(output.suffix.lower(), "docx")
    template = Path(args.template) if args.template else None
    ExportRequest(PackRequest(args.meeting, args.lang, args.copy), output, fmt, template)  # bad options first
    recipients = None
    if getattr(args, "recipients", None):
        from briefing.cli.history import read_recipients

        recipients = read_recipients(Path(args.recipients))

    def demo_created(path: os.PathLike[str] | str) -> None:
        say(N_("No library yet: the demo library was created in {path}."), path=path)

    with reading(args.db, demo_created=demo_created) as source:
        meeting = meeting_reference(source, args.meeting)
        pack = PackRequest(
            meeting,
            args.lang,
            args.copy,
            allow_missing=args.allow_missing,
            version=args.pack_version,
            addressee=args.addressee,
            contact=args.contact,
        )
        request = ExportRequest(pack, output, fmt, template)
        if recipients is not None:
            from briefing.history.copies import export_copies

            results = export_copies(source, request, recipients)
        else:
            results = [export_pack(source, request)]
    result = results[0]
    for warning in result.warnings:
        print(f"briefing: {warning.render(user_language())}", file=sys.stderr)
    if result.untranslated:
        say(
            N_("{count} texts are in the source language, marked as untranslated."), count=result.untranslated
        )
    for made in results:
        say(N_("Pack written to {path}."), path=made.path)
    return 0


__all__ = ["demo", "export", "export_library", "import_library", "list_meetings", "run_gui", "search"]
