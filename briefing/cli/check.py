"""``briefing check MEETING``: preflight a pack on the command line.

Prints the findings grouped by agenda item in the user's language (or, with ``--json``, a list of records
with the message in English) and exits with status 1 when any finding is blocking, 0 otherwise.
:func:`add_check_command` puts the command on the command line.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from briefing.cli.language import tr, user_language
from briefing.defaults import DEFAULT_REVIEW_AGE_DAYS
from briefing.errors import N_, Message

if TYPE_CHECKING:
    from briefing.preflight import Finding


def _days(value: str) -> int:
    try:
        days = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr(N_("not a whole number of days: {value}")).format(value=value)
        ) from None
    if days < 0:
        raise argparse.ArgumentTypeError(
            tr(N_("a number of days cannot be negative: {value}")).format(value=value)
        )
    return days


def add_check_command(
    subparsers: argparse._SubParsersAction[Any], add_db: Callable[[argparse.ArgumentParser], None]
) -> argparse.ArgumentParser:
    """Register ``check`` on ``subparsers``; ``add_db`` is called on the new parser to give it ``--db``."""
    help_text = tr(
        N_("check a meeting's pack before exporting it: translations, empty sections, markings, …")
    )
    check: argparse.ArgumentParser = subparsers.add_parser("check", help=help_text, description=help_text)
    add_db(check)
    check.add_argument(
        "meeting", metavar="MEETING", help=tr(N_("the meeting's slug or id (see `briefing meetings`)"))
    )
    check.add_argument(
        "--lang", choices=("en", "fr", "bilingual"), default="en", help=tr(N_("the pack's language"))
    )
    check.add_argument(
        "--copy", choices=("internal", "external"), default="internal", help=tr(N_("the copy type"))
    )
    check.add_argument(
        "--json", action="store_true", help=tr(N_("print the findings as JSON (messages in English)"))
    )
    check.add_argument(
        "--review-age",
        dest="review_age",
        type=_days,
        default=DEFAULT_REVIEW_AGE_DAYS,
        metavar="DAYS",
        help=tr(N_("report topics last reviewed more than DAYS days ago (default: {days})")).format(
            days=DEFAULT_REVIEW_AGE_DAYS
        ),
    )
    check.set_defaults(handler=check_command)
    return check


def check_command(args: argparse.Namespace) -> int:
    """Run preflight for ``args.meeting`` and print what it finds; 1 when anything is blocking."""
    import gc

    from briefing.assemble import PackRequest
    from briefing.cli.references import meeting_reference, reading
    from briefing.preflight import run_preflight
    from briefing.selection import load_pack_selection

    gc.disable()  # a short job making many small objects that never form cycles; the process ends with it
    lang = user_language()
    PackRequest(args.meeting, args.lang, args.copy)  # bad options first
    review_age = getattr(args, "review_age", None)
    with reading(getattr(args, "db", None)) as source:
        meeting = meeting_reference(source, args.meeting)
        selection = load_pack_selection(source, meeting)
    findings = run_preflight(
        selection,
        PackRequest(meeting, args.lang, args.copy),
        review_age_days=DEFAULT_REVIEW_AGE_DAYS if review_age is None else review_age,
    )
    titles = {
        agenda_item.number: agenda_item.title.text(lang) or agenda_item.title.source_text or ""
        for agenda_item in selection.agenda
    }
    if getattr(args, "json", False):
        print(json.dumps([finding.as_dict("en") for finding in findings], ensure_ascii=False, indent=2))
    else:
        print(format_findings(findings, titles, lang))
    return 1 if any(finding.blocking for finding in findings) else 0


def format_findings(findings: list[Finding], titles: dict[int, str], lang: str) -> str:
    """The findings as plain text in ``lang``: one block per agenda item (the whole pack first), a summary."""
    if not findings:
        return Message(N_("Nothing to report: the pack is ready.")).render(lang)
    lines: list[str] = []
    current: object = object()
    for finding in findings:
        if finding.agenda_number != current:
            current = finding.agenda_number
            if lines:
                lines.append("")
            lines.append(_heading(finding.agenda_number, titles, lang))
        lines.append(f"  [{finding.severity.label.render(lang)}] {finding.text(lang)} ({finding.code})")
    from briefing.preflight import Severity

    counts = {severity: sum(f.severity is severity for f in findings) for severity in Severity}
    lines.append("")
    lines.append(
        Message(
            N_("Blocking: {blocking} · warnings: {warning} · information: {info}"),
            blocking=counts[Severity.BLOCKING],
            warning=counts[Severity.WARNING],
            info=counts[Severity.INFO],
        ).render(lang)
    )
    if counts[Severity.BLOCKING]:
        lines.append(Message(N_("Fix the blocking findings before exporting this pack.")).render(lang))
    return "\n".join(lines)


def _heading(number: int | None, titles: dict[int, str], lang: str) -> str:
    if number is None:
        return Message(N_("Whole pack")).render(lang)
    return Message(N_("Agenda item {number}: {title}"), number=number, title=titles.get(number, "")).render(
        lang
    )


__all__ = ["add_check_command", "check_command", "format_findings"]
