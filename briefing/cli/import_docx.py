"""``briefing import-docx FILE.docx``: bring an existing Word brief into the library.

Prints what the import creates and merges (topics with their items, then the counts) and, unless ``--dry-run``
is given, writes it in one unit of work. :func:`add_import_docx_command` puts the command on the command line.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing.cli.language import tr, user_language
from briefing.errors import N_, Message


def add_import_docx_command(
    subparsers: argparse._SubParsersAction[Any], add_db: Callable[[argparse.ArgumentParser], None]
) -> argparse.ArgumentParser:
    """Register ``import-docx`` on ``subparsers``; ``add_db`` gives the new parser its ``--db`` option."""
    help_text = tr(N_("import a Word brief (.docx): its headings become topics, its slots typed items"))
    command: argparse.ArgumentParser = subparsers.add_parser(
        "import-docx", help=help_text, description=help_text
    )
    add_db(command)
    command.add_argument("file", metavar="FILE.docx")
    command.add_argument(
        "--area", metavar="AREA", help=tr(N_("the policy area new topics go into (its key or title)"))
    )
    command.add_argument(
        "--lang",
        choices=("en", "fr"),
        default=None,
        help=tr(N_("the language the brief is written in (default: the language its text is tagged with)")),
    )
    command.add_argument(
        "--dry-run", action="store_true", help=tr(N_("show what would be imported without writing anything"))
    )
    command.set_defaults(handler=import_docx_command)
    return command


def import_docx_command(args: argparse.Namespace) -> int:
    from briefing.interchange.word_import import apply_plan, plan_import
    from briefing.interchange.word_import.report import plan_lines
    from briefing.store import Library

    lang = user_language()
    with Library.open(getattr(args, "db", None)) as library:
        plan = plan_import(library, Path(args.file), area=args.area, lang=args.lang)
        print("\n".join(plan_lines(plan, lang)))
        if args.dry_run:
            print(Message(N_("Dry run: nothing was written.")).render(lang))
            return 0
        if plan.empty:
            return 0
        report = apply_plan(library, plan)
    print(
        Message(
            N_("Imported {path}: {topics} topics written."),
            path=Path(args.file).name,
            topics=len(report.topic_keys),
        ).render(lang)
    )
    return 0


__all__ = ["add_import_docx_command", "import_docx_command"]
