"""The bilingual demo library, built from the seed documents, and how a library gets it.

:func:`build_demo_document` reads the five seed documents (see :mod:`briefing.interchange.demo.seeds`)
and returns a complete library document in the JSON interchange format (version 1): the Belgian Presidency's
Home Affairs programme in English and French side by side, the Council progress report ST 10270/24 and a
eucrim news item in English only, the Val Duchesse II communiqué with its six participants, the follow-up
actions of the note and the communiqué, and two meetings (the June 2024 JHA Council and the Val Duchesse II
bilateral). Items keep the seed wording; what the demo words itself (topic titles in French, questions of
the defensive Q&A, meeting objectives, participants' bios, internal assessments) says only what the seeds
say. How each document is turned into items is described in the module that does it:
:mod:`~briefing.interchange.demo.programme`, :mod:`~briefing.interchange.demo.council_note`,
:mod:`~briefing.interchange.demo.communique` and :mod:`~briefing.interchange.demo.meetings`.

:func:`create_demo_library` imports the document into a library in one unit of work, refusing a library
that already has content unless told to replace it; :func:`ensure_demo_library` gives an empty library the
demo on first run.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select

from briefing.errors import N_, BriefingError
from briefing.interchange.demo.communique import communique_area, participants
from briefing.interchange.demo.council_note import council_area
from briefing.interchange.demo.meetings import jha_council, val_duchesse
from briefing.interchange.demo.programme import programme_areas
from briefing.interchange.demo.records import Json
from briefing.interchange.demo.seeds import (
    AlignmentReport,
    align_programme,
    load_communique,
    load_council_note,
    load_news_item,
    load_programme,
)
from briefing.interchange.library_json import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ImportSummary,
    import_document,
    validate,
)
from briefing.model import (
    Action,
    AgendaItem,
    AgendaTopic,
    Area,
    Item,
    Meeting,
    MeetingObjective,
    MeetingParticipant,
    Participant,
    SelectionEntry,
    SelectionPreset,
    TextBlock,
    Topic,
    TopicSource,
    Translation,
)
from briefing.store import Library, UnitOfWork

# Areas in the order the library lists them.
AREA_ORDER = (
    "presidency-programme",
    "asylum-migration",
    "schengen",
    "internal-security",
    "drugs-organised-crime",
    "crisis-management",
    "franco-belgian-cooperation",
)

# Every table of library content, in an order that deletes rows before the rows they point to.
_CONTENT_TABLES: tuple[type[Any], ...] = (
    SelectionEntry,
    AgendaTopic,
    AgendaItem,
    MeetingObjective,
    MeetingParticipant,
    SelectionPreset,
    Meeting,
    Action,
    Item,
    TopicSource,
    Topic,
    Area,
    Participant,
    Translation,
    TextBlock,
)


class DemoExistsError(BriefingError):
    """The library already has content, and the demo library would be mixed into it."""


def programme_alignment() -> AlignmentReport:
    """The EN↔FR paragraph alignment of the programme, section by section."""
    return align_programme(load_programme("en").sections, load_programme("fr").sections)


def alignment_report() -> str:
    """The programme's alignment as readable text: figures per section, then each merge explained."""
    return programme_alignment().format()


def build_demo_document() -> dict[str, Any]:
    """The demo library as a library JSON document (format version 1), built from the seed documents."""
    note, news, communique = load_council_note(), load_news_item(), load_communique()
    areas: dict[str, Json] = dict(programme_areas(programme_alignment()))
    for extra in (council_area(note, news), communique_area(communique)):
        areas[extra["key"]] = extra
    ordered = [areas[key] for key in AREA_ORDER]
    topics = {record["key"]: record for record in (t for a in ordered for t in a["topics"])}
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "areas": ordered,
        "participants": participants(communique),
        "meetings": [jha_council(topics), val_duchesse(topics, communique)],
    }


def has_content(uow: UnitOfWork) -> bool:
    """Whether the library holds any areas, meetings, participants or actions."""
    session = uow.session
    return any(
        session.scalar(select(func.count()).select_from(model))
        for model in (Area, Meeting, Participant, Action)
    )


def _delete_all_content(uow: UnitOfWork) -> None:
    """Delete every area, topic, item, action, participant, meeting and text in the unit of work."""
    session = uow.session
    for model in _CONTENT_TABLES:
        session.execute(delete(model.__table__))
    session.expunge_all()


def _location(library: Library) -> str:
    path = library.path
    return str(path) if path is not None else library.url.render_as_string(hide_password=True)


def create_demo_library(library: Library, *, force: bool = False) -> ImportSummary:
    """Import the demo library into ``library`` in one unit of work and say what was created.

    A library that already has content is refused with :class:`DemoExistsError` and left unchanged, unless
    ``force`` is given: then the library is backed up (see :meth:`Library.back_up`) and everything in it is deleted
    first, in the same unit of work, so an error leaves the library as it was.
    """
    document = validate(build_demo_document())
    with library.unit_of_work() as uow:
        if has_content(uow):
            if not force:
                raise DemoExistsError(
                    N_(
                        "The library at {path} already has content; use --force to replace it with the demo "
                        "library."
                    ),
                    path=_location(library),
                )
            library.back_up()
            _delete_all_content(uow)
        return import_document(uow, document)


def ensure_demo_library(library: Library) -> bool:
    """Give an empty library the demo content; True when it did, False when the library has content."""
    with library.unit_of_work() as uow:
        if has_content(uow):
            return False
    try:
        create_demo_library(library)
    except DemoExistsError:  # someone filled the library in the meantime
        return False
    return True
