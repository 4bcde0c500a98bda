"""``briefing check``: findings grouped by agenda item, in the user's language or as JSON; exit 1 when blocking."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from briefing.cli.check import add_check_command, check_command, format_findings
from briefing.errors import Message, NotFoundError
from briefing.preflight import Finding, Severity
from briefing.store import Library


def parser() -> argparse.ArgumentParser:
    """A command line like ``briefing``'s, with only the check command."""
    top = argparse.ArgumentParser(prog="briefing")
    top.add_argument("--db", default=None)
    sub = top.add_subparsers(dest="command")

    def add_db(child: argparse.ArgumentParser) -> None:
        child.add_argument("--db", default=argparse.SUPPRESS)

    add_check_command(sub, add_db)
    return top


def run(db: Path, *args: str) -> int:
    parsed = parser().parse_args(["check", *args, "--db", str(db)])
    result: int = parsed.handler(parsed)
    return result


@pytest.fixture
def db(sample_library: Library) -> Path:
    path = sample_library.path
    assert path is not None
    return Path(path)


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")


@pytest.fixture
def french(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")


@pytest.mark.usefixtures("english")
def test_blocking_findings_exit_1_grouped_by_agenda_item(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db, "jha-test", "--lang", "fr") == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Whole pack"
    assert "  [warning] No French biography for participant Karl Muster. (participant-no-bio)" in lines
    first, second = lines.index("Agenda item 1: Drug trafficking"), lines.index("Agenda item 2: Programme")
    assert 0 < first < second
    assert (
        "  [blocking] No French translation of the item “Internal assessment of the negotiating room” "
        "of topic “Drug trafficking and organised crime”. (translation-missing)"
    ) in lines[first:second]
    assert (
        "  [blocking] No French translation of the title of agenda item 2. (translation-missing)"
        in lines[second:]
    )
    assert (
        "  [information] Topic “Presidency programme” has no review date. (never-reviewed)" in lines[second:]
    )
    assert lines[-2].startswith("Blocking: 3 · warnings: ")
    assert lines[-1] == "Fix the blocking findings before exporting this pack."


@pytest.mark.usefixtures("english")
def test_no_blocking_finding_exits_0(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "jha-test") == 0
    out = capsys.readouterr().out
    assert "[blocking]" not in out
    assert "no-objective" in out
    assert "Fix the blocking" not in out


@pytest.mark.usefixtures("english")
def test_external_copy(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "jha-test", "--lang", "fr", "--copy", "external") == 1
    out = capsys.readouterr().out
    assert "dt-bg-1" not in out  # internal background: not in the external copy


@pytest.mark.usefixtures("french")
def test_messages_in_the_users_language(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "jha-test", "--lang", "fr") == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Ensemble du dossier"
    assert "Point 1 de l’ordre du jour\u00a0: Trafic de drogue" in lines
    assert (
        "  [bloquant] Pas de traduction française pour l’élément «\u202fInternal assessment of the negotiating "
        "room\u202f» du sujet «\u202fTrafic de drogue et criminalité organisée\u202f». (translation-missing)"
    ) in lines
    assert lines[-1] == "Corrigez les problèmes bloquants avant d’exporter ce dossier."


@pytest.mark.usefixtures("french")
def test_json_is_machine_readable_and_in_english(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "jha-test", "--lang", "fr", "--json") == 1
    records = json.loads(capsys.readouterr().out)
    assert records[1] == {
        "severity": "blocking",
        "code": "translation-missing",
        "message": (
            "No French translation of the item “Internal assessment of the negotiating room” "
            "of topic “Drug trafficking and organised crime”."
        ),
        "agenda_item": 1,
        "topic": "drug-trafficking",
        "item": "dt-bg-1",
        "lang": "fr",
        "action": None,
        "participant": None,
    }
    assert {record["code"] for record in records} >= {
        "participant-no-bio",
        "translation-draft",
        "no-objective",
    }
    assert run(db, "jha-test", "--json") == 0
    assert all(record["severity"] != "blocking" for record in json.loads(capsys.readouterr().out))


@pytest.mark.usefixtures("english")
def test_review_age(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The sample topic was reviewed on 2024-05-30: long ago by now, and certainly more than 0 days ago.
    assert run(db, "jha-test", "--review-age", "0", "--json") == 0
    codes = [(r["code"], r["topic"]) for r in json.loads(capsys.readouterr().out)]
    assert ("review-overdue", "drug-trafficking") in codes
    assert run(db, "jha-test", "--review-age", "1000000", "--json") == 0
    codes = [(r["code"], r["topic"]) for r in json.loads(capsys.readouterr().out)]
    assert ("review-overdue", "drug-trafficking") not in codes


@pytest.mark.parametrize("value", ["-1", "soon"])
def test_bad_review_age_is_a_usage_error(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        parser().parse_args(["check", "jha-test", "--review-age", value])
    assert caught.value.code == 2
    assert "--review-age" in capsys.readouterr().err


def test_defaults() -> None:
    args = parser().parse_args(["check", "jha-test"])
    assert (args.meeting, args.lang, args.copy, args.json, args.review_age) == (
        "jha-test",
        "en",
        "internal",
        False,
        180,
    )
    assert args.handler is check_command


def test_unknown_meeting(db: Path) -> None:
    with pytest.raises(NotFoundError):
        run(db, "no-such-meeting")


@pytest.mark.usefixtures("english")
def test_a_pack_with_nothing_to_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.interchange.library_json import import_document, validate

    document = {
        "format": "briefing-library",
        "version": 1,
        "areas": [
            {
                "key": "a",
                "title": {"en": "Area", "fr": "Domaine"},
                "topics": [
                    {
                        "key": "t",
                        "title": {"en": "Ports", "fr": "Ports"},
                        "reviewed_on": "2999-01-01",
                        "items": [
                            {"key": "o", "kind": "objective", "text": {"en": "Agree.", "fr": "Convenir."}},
                            {"key": "l", "kind": "line_to_take", "text": {"en": "Yes.", "fr": "Oui."}},
                        ],
                    }
                ],
            }
        ],
        "meetings": [
            {
                "slug": "m",
                "title": {"en": "Meeting", "fr": "Réunion"},
                "agenda": [{"title": {"en": "Ports", "fr": "Ports"}, "topics": ["t"]}],
            }
        ],
    }
    path = tmp_path / "clean.sqlite"
    with Library.open(path) as library, library.unit_of_work() as uow:
        import_document(uow, validate(document))
    assert run(path, "m", "--lang", "bilingual") == 0
    assert capsys.readouterr().out == "Nothing to report: the pack is ready.\n"


def test_format_findings_without_agenda_titles() -> None:
    findings = [
        Finding(
            Severity.WARNING,
            "no-agenda",
            Message("The meeting has no agenda item: the pack will have no section."),
        ),
        Finding(
            Severity.INFO,
            "never-reviewed",
            Message("Topic {topic} has no review date.", topic="t"),
            agenda_number=3,
        ),
    ]
    text = format_findings(findings, {}, "en")
    assert text.splitlines() == [
        "Whole pack",
        "  [warning] The meeting has no agenda item: the pack will have no section. (no-agenda)",
        "",
        "Agenda item 3: ",
        "  [information] Topic t has no review date. (never-reviewed)",
        "",
        "Blocking: 0 · warnings: 1 · information: 1",
    ]
