"""Argument parsing and the error boundary of the ``briefing`` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from briefing.cli import commands
from briefing.cli.backup import add_backup_commands
from briefing.cli.check import add_check_command
from briefing.cli.history import add_history_commands
from briefing.cli.import_docx import add_import_docx_command
from briefing.cli.language import install_cli_language, tr, user_language
from briefing.cli.translations import add_translation_commands
from briefing.errors import N_, BriefingError
from briefing.store.search_limits import MAX_SEARCH_LIMIT

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


def _search_limit(text: str) -> int:
    try:
        value = int(text) if len(text) <= 12 else 0
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_SEARCH_LIMIT:
        raise argparse.ArgumentTypeError(
            tr(N_("expected a whole number from 1 to {most}, not “{value}”")).format(
                most=MAX_SEARCH_LIMIT, value=text
            )
        )
    return value


class _VersionAction(argparse.Action):
    """``--version``: the report reads package metadata, so it is made only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        from briefing.versions import version_report

        print(version_report())  # on standard output, as argparse's own version action does
        parser.exit()


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
    search.add_argument(
        "--limit",
        type=_search_limit,
        default=20,
        metavar="N",
        help=tr(N_("show at most N matches (1 to {most})")).format(most=MAX_SEARCH_LIMIT),
    )

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

    copy_library = command(
        "copy-library",
        commands.copy_library,
        tr(N_("copy the whole library to another database (SQLite or PostgreSQL), verified")),
    )
    copy_library.add_argument(
        "--from", dest="source", required=True, metavar="SRC", help=tr(N_("a library file or a database URL"))
    )
    copy_library.add_argument(
        "--to", dest="target", required=True, metavar="DST", help=tr(N_("a library file or a database URL"))
    )
    copy_library.add_argument("--force", action="store_true", help=tr(N_("replace what the target holds")))

    demo = command("demo", commands.demo, tr(N_("create the demo library from the seed documents")))
    demo.add_argument("--force", action="store_true", help=tr(N_("replace what the library holds")))

    export = command(
        "export", commands.export, tr(N_("export a meeting's briefing pack (Word, Excel or PDF)"))
    )
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
        "--format", choices=("docx", "xlsx", "pdf"), default=None, help=tr(N_("default: from the file name"))
    )
    export.add_argument(
        "--template", metavar="FILE", help=tr(N_("a Word document whose styles and page set-up to use"))
    )
    export.add_argument(
        "--allow-missing",
        action="store_true",
        help=tr(N_("use the source text, marked as untranslated, where a translation is missing")),
    )
    export.add_argument(
        "--pack-version",
        type=int,
        default=1,
        metavar="N",
        help=tr(N_("the pack's version number, printed on the cover (default: 1)")),
    )
    export.add_argument(
        "--addressee", default="", metavar="TEXT", help=tr(N_("whom the pack is for, printed on the cover"))
    )
    export.add_argument(
        "--contact",
        default="",
        metavar="TEXT",
        help=tr(N_("whom to ask about the pack, printed on the cover")),
    )
    export.add_argument(
        "--version",
        dest="recorded",
        type=int,
        default=None,
        metavar="N",
        help=tr(N_("make recorded version N again, byte for byte (see `briefing history`)")),
    )
    export.add_argument(
        "--recipients",
        metavar="FILE",
        help=tr(N_("a file with one recipient a line: one numbered copy each, named after the output")),
    )
    export.add_argument("-o", "--output", required=True, metavar="FILE")

    add_check_command(sub, lambda child: _add_db(child, top=False))
    add_translation_commands(sub, lambda child: _add_db(child, top=False))
    add_backup_commands(sub, lambda child: _add_db(child, top=False))
    add_import_docx_command(sub, lambda child: _add_db(child, top=False))
    add_history_commands(sub, lambda child: _add_db(child, top=False))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; user mistakes give one line on stderr and exit status 1 or 2."""
    _tolerant_streams()
    install_cli_language()
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", commands.run_gui)
    lang = user_language()
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        error = _as_user_error(exc)
        if error is None:
            raise
        print(f"briefing: {error.message(lang)}", file=sys.stderr)
        return 1


def _as_user_error(exc: Exception) -> BriefingError | None:
    """The one-line error to show for ``exc``, or None for a bug (which keeps its traceback)."""
    if isinstance(exc, BriefingError):
        return exc
    from briefing.store.failures import library_failure

    failure = library_failure(exc)
    if failure is not None:
        return failure
    if isinstance(exc, MemoryError):
        return BriefingError(N_("There is not enough memory to finish; nothing was saved."))
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        if exc.filename is None:
            return BriefingError(N_("The system refused: {reason}."), reason=reason)
        return BriefingError(N_("{path} cannot be used: {reason}."), path=exc.filename, reason=reason)
    return None


def _tolerant_streams() -> None:
    """A terminal that cannot show a character gets an escape for it instead of a crash (e.g. ASCII output)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.errors or "strict") == "strict":
            reconfigure(errors="backslashreplace")
