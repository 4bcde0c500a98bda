"""Argument parsing and the error boundary of the ``briefing`` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from briefing.cli import commands
from briefing.cli.check import add_check_command
from briefing.cli.language import install_cli_language, tr, user_language
from briefing.cli.translations import add_translation_commands
from briefing.errors import N_, BriefingError, Message

Handler = Callable[[argparse.Namespace], int]


def _add_db(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help=tr(
            N_("library file or SQLAlchemy URL (default: $BRIEFING_DB, then the library in your data folder)")
        ),
    )


class _VersionAction(argparse.Action):
    """``--version``: the report reads package metadata, so it is made only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        from briefing.versions import version_report

        parser.exit(message=version_report() + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing", description=tr(N_("Build ministerial briefing packs from a bilingual library."))
    )
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, help=tr(N_("show program's version number and exit"))
    )
    _add_db(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        child = sub.add_parser(name, help=help_text, description=help_text)
        _add_db(child, top=False)
        child.set_defaults(handler=handler)
        return child

    command("gui", commands.run_gui, tr(N_("start the desktop app (the default)")))
    command("meetings", commands.list_meetings, tr(N_("list the meetings in the library")))

    search = command(
        "search", commands.search, tr(N_("search topic titles and item texts in every language"))
    )
    search.add_argument("query", nargs="+", help=tr(N_("words to look for (accents and case do not matter)")))
    search.add_argument("--limit", type=int, default=20)

    export_library = command(
        "export-library", commands.export_library, tr(N_("write the whole library to a file"))
    )
    export_library.add_argument("-o", "--output", required=True, metavar="FILE")
    export_library.add_argument(
        "--format",
        choices=("json", "xlsx"),
        default=None,
        help=tr(N_("default: from the file name (.xlsx or .json)")),
    )

    import_library = command(
        "import-library",
        commands.import_library,
        tr(N_("import a library JSON file (updates content with the same key)")),
    )
    import_library.add_argument("file", metavar="FILE")

    demo = command("demo", commands.demo, tr(N_("create the demo library from the seed documents")))
    demo.add_argument("--force", action="store_true", help=tr(N_("replace what the library holds")))

    export = command("export", commands.export, tr(N_("export a meeting's briefing pack (Word or Excel)")))
    export.add_argument(
        "meeting", metavar="MEETING", help=tr(N_("the meeting's slug or id (see `briefing meetings`)"))
    )
    export.add_argument(
        "--lang", choices=("en", "fr", "bilingual"), default="en", help=tr(N_("the pack's language"))
    )
    export.add_argument(
        "--copy", choices=("internal", "external"), default="internal", help=tr(N_("the copy type"))
    )
    export.add_argument(
        "--format", choices=("docx", "xlsx"), default=None, help=tr(N_("default: from the file name"))
    )
    export.add_argument(
        "--template", metavar="FILE", help=tr(N_("a Word document whose styles and page set-up to use"))
    )
    export.add_argument(
        "--allow-missing",
        action="store_true",
        help=tr(N_("use the source text, marked as untranslated, where a translation is missing")),
    )
    export.add_argument("-o", "--output", required=True, metavar="FILE")

    add_check_command(sub, lambda child: _add_db(child, top=False))
    add_translation_commands(sub, lambda child: _add_db(child, top=False))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; user mistakes give one line on stderr and exit status 1 or 2."""
    install_cli_language()
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", commands.run_gui)
    lang = user_language()
    try:
        return handler(args)
    except BriefingError as exc:
        print(f"briefing: {exc.message(lang)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from sqlalchemy.exc import DatabaseError

        if not isinstance(exc, DatabaseError):
            raise
        # a library damaged after it was opened (bad sectors, a copy cut short)
        reason = exc.orig if exc.orig is not None else exc
        message = Message(
            N_("The library cannot be read: {reason}. Restore it from a backup copy."), reason=reason
        )
        print(f"briefing: {message.render(lang)}", file=sys.stderr)
        return 1
