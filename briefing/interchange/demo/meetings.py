"""The demo library's two meetings: the June 2024 JHA Council and the Val Duchesse II bilateral of 2018.

Agenda items list the topics they cover and, in ``items``, the items selected for the pack in pack order
(objective, lines to take, background, key facts, Q&A, press lines). Items are picked by a few words of
their seed wording (see :func:`records.item_key`), so a selection always names content that exists.

Meeting objectives are the demo's own neutral wording of what the seed documents put before each meeting:
in English and French where they rest on the bilingual programme, in English only where they rest on the
English-only Council note or communiqué, so the missing French shows in the pack's steering note.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from briefing.interchange.demo.communique import MEETING_NAME, participant_key
from briefing.interchange.demo.records import Json, TextMap, item_key, texts
from briefing.interchange.demo.seeds import Communique

JHA_COUNCIL_SLUG = "jha-council-2024-06"
BILATERAL_SLUG = "val-duchesse-ii"

Pick = tuple[str, str] | tuple[str, str, str]
"""An item to select: topic key and words of its English, optionally its kind."""


def _agenda(
    title: TextMap, topics: Sequence[str], topic_records: Mapping[str, Json], picks: Sequence[Pick] | None
) -> Json:
    """An agenda item; ``picks`` None selects every item of its topics, in brief order."""
    record: dict[str, Any] = {"title": title, "topics": list(topics)}
    if picks is not None:
        selected = []
        for pick in picks:
            topic_key, anchor = pick[0], pick[1]
            if topic_key not in topics:
                raise ValueError(f"{topic_key!r} is not a topic of agenda item {title['en']!r}")
            kind = pick[2] if len(pick) == 3 else None
            selected.append(item_key(topic_records[topic_key], anchor, kind))
        record["items"] = selected
    return record


def jha_council(topics: Mapping[str, Json]) -> Json:
    """The Justice and Home Affairs Council of 13 and 14 June 2024 (Luxembourg)."""
    organised_crime = _agenda(
        texts(
            "Fight against organised crime and drug trafficking",
            "Lutte contre la criminalité organisée et le trafic de drogue",
        ),
        [
            "drugs-progress-report",
            "programme-organised-crime",
            "ports-alliance-ppp",
            "high-risk-criminal-networks",
            "access-to-data",
            "judicial-network",
            "jha-council-june-2024",
        ],
        topics,
        [
            ("drugs-progress-report", "The Council is invited to take note", "objective"),
            (
                "programme-organised-crime",
                "draw particular attention to illegal drug trafficking",
                "objective",
            ),
            ("programme-organised-crime", "launch the European Ports Alliance"),
            ("programme-organised-crime", "clearer picture of the foremost criminal networks"),
            ("programme-organised-crime", "first COSI-CLASI meeting"),
            ("drugs-progress-report", "Organised crime including illicit drug trafficking represents"),
            ("drugs-progress-report", "Internal assessment"),
            ("jha-council-june-2024", "Council Meeting on 4/5 March 2024"),
            ("drugs-progress-report", "50% of the EU's most threatening criminal networks", "key_fact"),
            ("high-risk-criminal-networks", "endorsed by COSI on 29 May 2024", "key_fact"),
            ("access-to-data", "fourth plenary meeting on 21 May 2024", "key_fact"),
            ("judicial-network", "Council conclusions on the topic are submitted", "key_fact"),
            ("ports-alliance-ppp", "Antwerp Port House", "qa"),
            ("programme-organised-crime", "conclusions on access to data", "qa"),
        ],
    )
    schengen = _agenda(
        texts("Schengen area", "Espace Schengen"),
        ["programme-schengen", "programme-information-exchange"],
        topics,
        [
            ("programme-schengen", "limited number of priorities", "objective"),
            ("programme-schengen", "establishment of a Schengen Council"),
            ("programme-schengen", "Senior officials Schengen meeting"),
            ("programme-schengen", "Schengen Borders Code"),
            ("programme-information-exchange", "implementation of EES"),
            ("programme-schengen", "overarching structure"),
            ("programme-schengen", "Romania and Bulgaria", "qa"),
        ],
    )
    migration = _agenda(
        texts("Asylum and migration", "Asile et migration"),
        ["programme-asylum-migration"],
        topics,
        [
            ("programme-asylum-migration", "primary objective", "objective"),
            ("programme-asylum-migration", "structural reform of the Common European Asylum System"),
            ("programme-asylum-migration", "common EU return system"),
            ("programme-asylum-migration", "effective visa policy"),
            ("programme-asylum-migration", "operationalisation and implementation"),
            ("programme-asylum-migration", "displaced from Ukraine", "qa"),
        ],
    )
    terrorism = _agenda(
        texts("Terrorism", "Terrorisme"),
        ["programme-terrorism"],
        topics,
        [
            ("programme-terrorism", "violent extremism online is one of our priorities", "objective"),
            ("programme-terrorism", "terrorist content online"),
            ("programme-terrorism", "Protecting Europeans from terrorism"),
            ("programme-terrorism", "monitor closely the developments in the Middle East"),
            ("programme-terrorism", "released, radicalised prisoners"),
            ("programme-terrorism", "European Database of Terrorist Offenders", "qa"),
        ],
    )
    return {
        "slug": JHA_COUNCIL_SLUG,
        "kind": "council",
        "title": texts("Justice and Home Affairs Council", "Conseil Justice et affaires intérieures"),
        "location": texts("Luxembourg", "Luxembourg"),
        "starts_on": "2024-06-13",
        "ends_on": "2024-06-14",
        "prepared_by": texts("Home Affairs unit", "Unité Affaires intérieures"),
        "participants": [],
        "objectives": [
            texts(
                "Take note of the Presidency's progress report on fighting drug trafficking and organised crime "
                "(ST 10270/24) and of the proposed way forward."
            ),
            texts(
                "Support the Council conclusions on the mapping of high-risk criminal networks, on a European "
                "Judicial Organised Crime Network and on judicial cooperation with third countries."
            ),
            texts(
                "Support the validation of the main conclusions of the High-Level Group on access to data for "
                "effective law enforcement.",
                "Soutenir la validation des principales conclusions du groupe de haut niveau sur l’accès aux "
                "données pour une application effective de la loi.",
            ),
            texts(
                "Keep the focus on the priorities of the 2023 State of Schengen report: political governance, "
                "external borders, returns and the fight against organised crime.",
                "Maintenir l’accent sur les priorités du rapport 2023 sur l’état de Schengen : gouvernance "
                "politique, frontières extérieures, retours et lutte contre la criminalité organisée.",
            ),
            texts(
                "Move the Pact on Migration and Asylum on to its operationalisation and implementation.",
                "Faire passer le Pacte sur la migration et l’asile à son opérationnalisation et à sa mise en "
                "œuvre.",
            ),
            texts(
                "Keep terrorism and violent extremism online, and their links with disinformation, high on the "
                "agenda.",
                "Maintenir le terrorisme et l’extrémisme violent en ligne, et leurs liens avec la "
                "désinformation, en bonne place à l’ordre du jour.",
            ),
        ],
        "agenda": [organised_crime, schengen, migration, terrorism],
    }


def val_duchesse(topics: Mapping[str, Json], communique: Communique) -> Json:
    """The Franco-Belgian intergovernmental meeting Val Duchesse II (Paris, 11 June 2018)."""
    counter_terrorism = _agenda(
        texts("Counter-terrorism", "Lutte contre le terrorisme"),
        ["val-duchesse-cooperation", "val-duchesse-counter-terrorism"],
        topics,
        [
            ("val-duchesse-counter-terrorism", "reinforcing the information exchange"),
            ("val-duchesse-counter-terrorism", "biometric identification criteria"),
            ("val-duchesse-counter-terrorism", "joint inquiry teams"),
            ("val-duchesse-counter-terrorism", "financing of terrorism"),
            ("val-duchesse-counter-terrorism", "crisis management centres"),
            ("val-duchesse-counter-terrorism", "liaison magistrate", "counterpart_position"),
            ("val-duchesse-counter-terrorism", "No Money For Terror", "counterpart_position"),
            ("val-duchesse-cooperation", "On the invitation of France"),
            ("val-duchesse-cooperation", "concrete measures to implement this co-operation"),
            ("val-duchesse-counter-terrorism", "Internal assessment"),
            ("val-duchesse-cooperation", "The first meeting of the joint working group", "key_fact"),
            ("val-duchesse-cooperation", "Today, our two countries", "press_line"),
        ],
    )
    radicalisation = _agenda(
        texts("Countering violent radicalisation", "Lutte contre la radicalisation violente"),
        ["val-duchesse-violent-radicalisation"],
        topics,
        None,
    )
    european_level = _agenda(
        texts("At European level", "Au niveau européen"),
        ["val-duchesse-european-level"],
        topics,
        [
            ("val-duchesse-european-level", "To support determinedly", "line_to_take"),
            (
                "val-duchesse-european-level",
                "entry into force on 25 May this year of the European PNR",
                "line_to_take",
            ),
            ("val-duchesse-european-level", "Access to digital evidence is a major issue", "line_to_take"),
            ("val-duchesse-european-level", "precursors to explosive substances", "line_to_take"),
            ("val-duchesse-european-level", "Internal assessment"),
            ("val-duchesse-european-level", "railway PNR", "qa"),
            ("val-duchesse-european-level", "rapid agreement", "qa"),
        ],
    )
    return {
        "slug": BILATERAL_SLUG,
        "kind": "bilateral",
        "title": texts(
            f"Franco-Belgian intergovernmental meeting {MEETING_NAME}",
            f"Réunion intergouvernementale franco-belge {MEETING_NAME}",
        ),
        "location": texts(communique.place, communique.place),
        "starts_on": communique.date.isoformat(),
        "ends_on": communique.date.isoformat(),
        "prepared_by": texts("Cabinet of the Minister of the Interior", "Cabinet du ministre de l’Intérieur"),
        "participants": [participant_key(p) for p in communique.participants],
        "objectives": [
            texts(
                "Confirm the joint resolve to reinforce information exchange and operational co-operation "
                "between French and Belgian services against terrorism.",
                "Confirmer la volonté commune de renforcer l’échange d’informations et la coopération "
                "opérationnelle entre les services français et belges dans la lutte contre le terrorisme.",
            ),
            texts(
                "Agree how to prepare for the release of prisoners convicted of terrorist offences and of "
                "violent radicalised detainees.",
                "S’accorder sur la préparation de la libération des détenus condamnés pour des infractions "
                "terroristes et des détenus radicalisés violents.",
            ),
            texts(
                "Align positions for the European negotiations on digital evidence and explosives precursors, "
                "and on a railway PNR."
            ),
        ],
        "agenda": [counter_terrorism, radicalisation, european_level],
    }
