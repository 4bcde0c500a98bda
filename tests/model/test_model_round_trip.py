"""Every field of the model survives a real SQLite file being closed and opened again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefing.model import (
    Action,
    ActionStatus,
    AgendaItem,
    AgendaTopic,
    Area,
    Item,
    ItemKind,
    Marking,
    Meeting,
    MeetingKind,
    MeetingObjective,
    MeetingParticipant,
    Participant,
    SelectionEntry,
    SelectionPreset,
    TextBlock,
    TextStatus,
    Topic,
)
from briefing.store import Library


def block(en: str, fr: str | None = None) -> TextBlock:
    b = TextBlock()
    b.set_text("en", en)
    if fr is not None:
        b.set_text("fr", fr, TextStatus.REVIEWED)
    return b


def test_every_field_round_trips(library_path: Path) -> None:
    library = Library.open(library_path)
    with library.unit_of_work() as uow:
        area = Area(key="area", title=block("Area", "Domaine"), position=3)
        topic = Topic(
            key="topic",
            title=block("Topic"),
            area=area,
            owner="Unit A",
            tags=["a", "b"],
            marking=Marking.LIMITE,
            reviewed_on=dt.date(2024, 5, 30),
            sources=["ST 10270/24"],
            position=2,
        )
        item = Item(
            key="item",
            kind=ItemKind.QA,
            topic=topic,
            position=5,
            marking=Marking.SECRET_UE,
            internal=True,
            question=block("Q?", "Q ?"),
            answer=block("A."),
        )
        uow.areas.add(area)
        action = Action(
            key="act",
            text=block("Do it"),
            owner="Europol",
            deadline=dt.date(2025, 1, 31),
            status=ActionStatus.IN_PROGRESS,
            source="ST 1/24",
            topic=topic,
            position=1,
        )
        uow.actions.add(action)
        person = Participant(
            key="p",
            name="Ann Example",
            organisation="Org",
            function=block("Minister", "Ministre"),
            bio=block("Bio"),
        )
        uow.participants.add(person)
        meeting = Meeting(
            slug="m",
            kind=MeetingKind.BILATERAL,
            title=block("Meeting", "Réunion"),
            location=block("Paris"),
            starts_on=dt.date(2018, 6, 11),
            ends_on=dt.date(2018, 6, 11),
            prepared_by="Cabinet",
        )
        meeting.participant_links = [MeetingParticipant(participant=person, position=0)]
        meeting.objectives = [MeetingObjective(position=0, text=block("Win"))]
        agenda = AgendaItem(position=0, title=block("Point"), select_all=False)
        agenda.topic_links = [AgendaTopic(topic=topic, position=0)]
        agenda.selection = [SelectionEntry(item=item, position=0, included=False)]
        meeting.agenda = [agenda]
        meeting.presets = [SelectionPreset(name="Short", data={"agenda": [["item"]]})]
        uow.meetings.add(meeting)
    library.close()

    reopened = Library.open(library_path)
    with reopened.unit_of_work() as uow:
        topic = uow.topics.require("topic")
        assert (topic.area.key, topic.position, topic.owner, topic.tags) == ("area", 2, "Unit A", ["a", "b"])
        assert topic.marking is Marking.LIMITE and topic.reviewed_on == dt.date(2024, 5, 30)
        assert topic.sources == ["ST 10270/24"] and topic.title.text("en") == "Topic"
        assert topic.area.title.text("fr") == "Domaine" and topic.area.position == 3
        item = uow.items.require("item")
        assert item.kind is ItemKind.QA and item.position == 5 and item.internal is True
        assert item.marking is Marking.SECRET_UE and item.effective_marking is Marking.SECRET_UE
        assert item.question is not None and item.question.text("fr") == "Q ?"
        assert item.question.translations["fr"].status is TextStatus.REVIEWED
        assert item.answer is not None and item.answer.text("en") == "A." and item.body is None
        action = uow.actions.require("act")
        assert (action.owner, action.deadline, action.status, action.source) == (
            "Europol",
            dt.date(2025, 1, 31),
            ActionStatus.IN_PROGRESS,
            "ST 1/24",
        )
        assert action.topic is not None and action.topic.key == "topic" and action.text.text("en") == "Do it"
        person = uow.participants.require("p")
        assert (person.name, person.organisation, person.function.text("fr")) == (
            "Ann Example",
            "Org",
            "Ministre",
        )
        meeting = uow.meetings.require("m")
        assert meeting.kind is MeetingKind.BILATERAL and meeting.prepared_by == "Cabinet"
        assert (meeting.starts_on, meeting.ends_on) == (dt.date(2018, 6, 11), dt.date(2018, 6, 11))
        assert meeting.location is not None and meeting.location.text("en") == "Paris"
        assert [link.participant.key for link in meeting.participant_links] == ["p"]
        assert meeting.objectives[0].text.text("en") == "Win"
        agenda = meeting.agenda[0]
        assert agenda.select_all is False and [t.key for t in agenda.topics] == ["topic"]
        assert agenda.selection[0].item.key == "item" and agenda.selection[0].included is False
        assert meeting.presets[0].data == {"agenda": [["item"]]}
        for record in (topic, item, action, person, meeting):
            assert record.version == 1
            assert record.created_at.tzinfo is dt.UTC
            assert abs((dt.datetime.now(dt.UTC) - record.updated_at).total_seconds()) < 60
    reopened.close()
