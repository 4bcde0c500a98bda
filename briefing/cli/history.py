"""``briefing history`` and what ``briefing export`` does with a recorded version: what was sent, made again.

The handlers take the parsed arguments and return the exit status; :func:`add_history_commands` puts them on the
command line. The work is done by :mod:`briefing.export` and :mod:`briefing.history`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing.cli.commands import say
from briefing.cli.language import tr, user_language
from briefing.errors import N_, BriefingError, Message
from briefing.history.describe import copy_name, describe, mode_name, recipient_text

FORMAT_SUFFIXES = {"docx": ".docx", "xlsx": ".xlsx", "pdf": ".pdf"}


def add_history_commands(
    subparsers: argparse._SubParsersAction[Any], add_db: Callable[[argparse.ArgumentParser], None]
) -> None:
    """Register ``history`` on ``subparsers``; ``add_db`` gives it the ``--db`` option."""
    history_help = tr(
        N_("list what was exported for a meeting: number, time, language, copy, recipient, hash")
    )
    history = subparsers.add_parser("history", help=history_help, description=history_help)
    add_db(history)
    history.add_argument(
        "meeting", metavar="MEETING", help=tr(N_("the meeting's slug or id (see `briefing meetings`)"))
    )
    history.set_defaults(handler=history_command)

    addendum_help = tr(N_("write what changed since a recorded version, as Word tracked changes"))
    addendum = subparsers.add_parser("addendum", help=addendum_help, description=addendum_help)
    add_db(addendum)
    addendum.add_argument(
        "meeting", metavar="MEETING", help=tr(N_("the meeting's slug or id (see `briefing meetings`)"))
    )
    addendum.add_argument(
        "--since",
        type=int,
        required=True,
        metavar="N",
        help=tr(N_("the recorded version the addendum follows (see `briefing history`)")),
    )
    addendum.add_argument(
        "--lang",
        choices=("en", "fr", "bilingual"),
        default=None,
        help=tr(N_("the addendum's language (default: that version's)")),
    )
    addendum.add_argument(
        "--allow-missing",
        action="store_true",
        help=tr(N_("use the source text, marked as untranslated, where a translation is missing")),
    )
    addendum.add_argument("-o", "--output", required=True, metavar="FILE")
    addendum.set_defaults(handler=addendum_command)


MAX_RECIPIENTS_BYTES = 1 << 20


def read_recipients(path: Path) -> list[str]:
    """The names in a recipients file: one a line, blank lines left out."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_RECIPIENTS_BYTES + 1)
    except OSError as exc:
        raise BriefingError(
            N_("The list of recipients {path} cannot be read: {reason}."),
            path=path,
            reason=exc.strerror or exc,
        ) from exc
    if len(data) > MAX_RECIPIENTS_BYTES:
        raise BriefingError(N_("The list of recipients {path} is too large for a list of names."), path=path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BriefingError(N_("The list of recipients {path} is not UTF-8 text."), path=path) from exc
    return [line.strip() for line in text.splitlines() if line.strip()]


def history_command(args: argparse.Namespace) -> int:
    """Print the export history of a meeting, oldest first."""
    from briefing.cli.references import meeting_reference, reading
    from briefing.history.records import list_records

    lang = user_language()
    with reading(args.db) as source:
        meeting = meeting_reference(source, args.meeting)
        records = list_records(source, meeting)
    if not records:
        say(N_("Nothing has been exported for this meeting yet."))
        return 0
    headings = [
        tr(N_("No.")),
        tr(N_("Time (UTC)")),
        tr(N_("What")),
        tr(N_("Language")),
        tr(N_("Copy")),
        tr(N_("Cover version")),
        tr(N_("Recipient")),
        tr(N_("File")),
        "SHA-256",
    ]
    print("\t".join(headings))
    for record in records:
        print(
            "\t".join(
                [
                    str(record.number),
                    record.created_at.strftime("%Y-%m-%d %H:%M:%S"),
                    describe(record, lang),
                    mode_name(record.mode, lang),
                    copy_name(record.copy, lang),
                    str(record.pack_version),
                    recipient_text(record, lang),
                    record.file_name,
                    record.sha256,
                ]
            )
        )
    return 0


def export_version(args: argparse.Namespace) -> int:
    """``briefing export MEETING --version N -o FILE``: recorded version N made again, byte for byte."""
    from briefing.cli.references import meeting_reference, reading
    from briefing.history.versions import export_recorded, read_recorded

    output = Path(args.output)
    with reading(args.db) as source:
        meeting = meeting_reference(source, args.meeting)
        record, _outline = read_recorded(source, meeting, args.recorded)
        suffix = FORMAT_SUFFIXES.get(record.format, "")
        if output.suffix.lower() != suffix:
            raise BriefingError(
                N_("Version {number} is a {suffix} file: give the output file that extension."),
                number=args.recorded,
                suffix=suffix,
            )
        result = export_recorded(source, meeting, args.recorded, output)
    if not result.identical:
        if record.format == "pdf":
            say(
                N_(
                    "The PDF was made again from the recorded pack; PDF files differ from one conversion to the next."
                )
            )
        else:
            print(
                "briefing: "
                + Message(
                    N_(
                        "The file differs from the one recorded (made by Briefing {version}): this version of "
                        "Briefing lays packs out differently. Its content is the recorded one."
                    ),
                    version=record.app_version,
                ).render(user_language()),
                file=sys.stderr,
            )
    say(
        N_("Version {number} written to {path} (SHA-256 {sha256})."),
        number=args.recorded,
        path=output,
        sha256=result.sha256,
    )
    return 0


def addendum_command(args: argparse.Namespace) -> int:
    """``briefing addendum MEETING --since N -o add.docx``: the changes since version N, recorded."""
    from briefing.cli.references import meeting_reference, reading
    from briefing.history.versions import AddendumRequest, export_addendum

    output = Path(args.output)
    if output.suffix.lower() != ".docx":
        raise BriefingError(N_("An addendum is a Word document: give the output file the extension .docx."))
    with reading(args.db) as source:
        meeting = meeting_reference(source, args.meeting)
        result = export_addendum(
            source, AddendumRequest(meeting, args.since, output, args.lang, allow_missing=args.allow_missing)
        )
    say(
        N_("Addendum to version {version} written to {path} (recorded as version {number})."),
        version=args.since,
        path=output,
        number=result.number,
    )
    return 0


__all__ = ["add_history_commands", "addendum_command", "export_version", "history_command", "read_recipients"]
