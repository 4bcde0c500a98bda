"""``briefing translations export`` and ``briefing translations import``: translation workbooks.

The handlers take the parsed arguments and return the exit status; :func:`add_translation_commands` puts
them on the command line.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from briefing.cli.commands import open_library, say
from briefing.cli.language import tr, user_language
from briefing.errors import N_


def add_translation_commands(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    add_db: Callable[[argparse.ArgumentParser], None],
) -> argparse.ArgumentParser:
    """Register ``translations export`` and ``translations import`` on ``subparsers``.

    ``add_db`` is called on every new parser to give it the ``--db`` option.
    """
    help_text = tr(N_("send texts to a translator in an Excel workbook and read the translations back"))
    translations = subparsers.add_parser("translations", help=help_text, description=help_text)
    add_db(translations)
    actions = translations.add_subparsers(dest="translations_command", metavar="ACTION", required=True)

    export_help = tr(
        N_("write the texts that need a translation (missing, out of date or draft) to a workbook")
    )
    export = actions.add_parser("export", help=export_help, description=export_help)
    add_db(export)
    export.add_argument(
        "meeting",
        nargs="?",
        metavar="MEETING",
        help=tr(N_("only the texts of this meeting's pack (default: the library)")),
    )
    export.add_argument(
        "--lang", choices=("en", "fr"), default="fr", help=tr(N_("the language to translate into"))
    )
    export.add_argument(
        "-o", "--output", required=True, metavar="FILE", help=tr(N_("the workbook to write (.xlsx)"))
    )
    export.set_defaults(handler=translations_export)

    import_help = tr(
        N_("save the translations of a filled-in workbook; conflicting rows are listed, not saved")
    )
    read = actions.add_parser("import", help=import_help, description=import_help)
    add_db(read)
    read.add_argument("file", metavar="FILE", help=tr(N_("a workbook made by `translations export`")))
    read.set_defaults(handler=translations_import)
    return translations


def translations_export(args: argparse.Namespace) -> int:
    """Write the translation workbook; prints how many texts it holds."""
    from briefing.interchange.translation_workbook import export_translations

    output = Path(args.output)
    meeting = getattr(args, "meeting", None)
    with open_library(args) as library:
        count = export_translations(library, output, meeting=meeting, lang=args.lang)
    if count:
        say(
            N_("{count} texts to translate into {lang} written to {path}."),
            count=count,
            lang=args.lang,
            path=output,
        )
    else:
        say(N_("Nothing needs translating into {lang}; {path} has no rows."), lang=args.lang, path=output)
    return 0


def translations_import(args: argparse.Namespace) -> int:
    """Read a translation workbook back; prints the counts and every conflict. Exit status 1 on conflicts."""
    from briefing.interchange.translation_workbook import import_translations

    with open_library(args) as library:
        report = import_translations(library, Path(args.file))
    say(
        N_(
            "Imported {path}: {imported} translations saved, {unchanged} unchanged, {empty} left empty, "
            "{conflicts} conflicts."
        ),
        path=args.file,
        imported=len(report.imported),
        unchanged=report.unchanged,
        empty=report.empty,
        conflicts=len(report.conflicts),
    )
    lang = user_language()
    for conflict in report.conflicts:
        print(f"  {conflict.message().render(lang)}")
    if report.conflicts:
        say(N_("Conflicting rows were not saved: export a new workbook to translate them again."))
        return 1
    return 0


__all__ = ["add_translation_commands", "translations_export", "translations_import"]
