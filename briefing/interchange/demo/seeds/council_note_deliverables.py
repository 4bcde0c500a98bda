"""The follow-up actions of the Council note ST 10270/24: where each stands in the note and who owns it.

Which sentences state an action and which body owns it is this module's reading of the note; the text and
the deadline are read from the note itself, by
:func:`~briefing.interchange.demo.seeds.council_note.council_note_deliverables`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DeliverableSpec:
    """Where a follow-up action stands in the note and who owns it; the text itself is read from the note.

    ``anchor`` picks the sentence, ``span`` (default: the whole sentence) the words that state the action,
    ``timing`` the phrase the deadline is read from.
    """

    section_key: str
    anchor: str
    owner: str | None
    timing: str | None = None
    span: str | None = None


# The note's follow-up actions, as it states them (each anchor, span and timing must be found verbatim).
COUNCIL_NOTE_DELIVERABLES = (
    DeliverableSpec(
        "ports-alliance-customs",
        "Further work is needed to implement the strengthening of operational cooperation",
        None,
        "in the second half 2024",
    ),
    DeliverableSpec(
        "ports-alliance-customs",
        "The European Ports Alliance Customs Project Group",
        "Commission",
        "until the end of 2024",
    ),
    DeliverableSpec(
        "ports-alliance-customs",
        "The maritime European Ports Alliance pillar",
        "Commission",
        "starting early 2025",
    ),
    DeliverableSpec(
        "ports-alliance-ppp",
        "Four technical meetings are foreseen",
        "European Ports Alliance PPP",
        "in autumn 2024",
    ),
    DeliverableSpec(
        "ports-alliance-ppp",
        "The next Senior Officials' meeting",
        "European Ports Alliance PPP",
        "the end of autumn 2024",
        span="The next Senior Officials' meeting, scheduled for the end of autumn 2024, "
        "will take stock of the progress made and propose the way forward",
    ),
    DeliverableSpec(
        "ports-alliance-ppp",
        "The next Senior Officials' meeting",
        "European Ports Alliance PPP",
        "in early 2025",
        span="the way forward that will be discussed and agreed at a ministerial meeting in early 2025",
    ),
    DeliverableSpec(
        "ports-alliance-ppp",
        "a joint LEWP (Police and Customs) meeting in June 2024",
        "Law Enforcement Working Party (LEWP)",
        "in June 2024",
    ),
    DeliverableSpec(
        "ports-alliance-ppp",
        "Council preparatory bodies should further follow up",
        "Council preparatory bodies",
    ),
    DeliverableSpec(
        "high-risk-criminal-networks", "Member States' authorities follow-up operationally", "Member States"
    ),
    DeliverableSpec(
        "high-risk-criminal-networks",
        "Council conclusions incorporating inter alia",
        "JHA Council",
        "in June 2024",
    ),
    DeliverableSpec("high-risk-criminal-networks", "The next mapping exercise", "Europol", "in 2026"),
    DeliverableSpec(
        "access-to-data", "with a view to prepare an exchange of views", "JHA Council", "in June 2024"
    ),
    DeliverableSpec(
        "access-to-data",
        "The HLG will continue its work on a concluding report",
        "High-Level Group (HLG)",
        "in autumn 2024",
    ),
    DeliverableSpec(
        "administrative-approach",
        "delegations agreed to conduct a mapping exercise",
        "Member States",
        span="delegations agreed to conduct a mapping exercise analysing the possibilities available "
        "under the existing legal basis for the cross-border exchange of information "
        "for administrative purposes",
    ),
    DeliverableSpec(
        "administrative-approach",
        "delegations agreed to conduct a mapping exercise",
        "Commission",
        span="invited the Commission to participate in it and - if applicable - "
        "to look into the possibility of proposing new legislation",
    ),
    DeliverableSpec(
        "administrative-approach",
        "Further activities are the drafting",
        "EMPACT",
        "at the end of 2025",
        span="the drafting, in the framework of EMPACT, of a handbook on administrative measures "
        "to tackle new synthetic drugs to be presented at the end of 2025",
    ),
    DeliverableSpec(
        "administrative-approach",
        "Further activities are the drafting",
        "Europol",
        "by the end of 2024",
        span="the drafting by Europol of a report on the criminal infiltration of legal business structures "
        "by the end of 2024",
    ),
    DeliverableSpec("youth-recruitment", "further actions were proposed", None),
    DeliverableSpec(
        "latin-america",
        "with proposals for action until June 2025",
        "Belgian and Colombian co-Presidencies of the EU-CELAC Mechanism",
        "until June 2025",
    ),
    DeliverableSpec(
        "latin-america", "Further work will be needed to continue to develop the cooperation with CLASI", None
    ),
    DeliverableSpec(
        "latin-america", "The next COSI-CLASI Ministerial meeting", "COSI", "first semester of 2025"
    ),
    DeliverableSpec(
        "judicial-network", "Council conclusions on the topic are submitted", "JHA Council", "in June 2024"
    ),
    DeliverableSpec(
        "judicial-network",
        "to fully operationalise the network next year",
        "Eurojust",
        "next year",
        span="Eurojust is expected to be provided with sufficient financial and human resources to fully "
        "operationalise the network next year",
    ),
    DeliverableSpec(
        "judicial-network",
        "Eurojust will host a first kick-off meeting",
        "Eurojust",
        "in September this year",
    ),
    DeliverableSpec("legal-framework", "The final report will feature", None, "in 2026"),
    DeliverableSpec(
        "legal-framework", "Further work is needed on assessing whether Framework Decision", None
    ),
    DeliverableSpec(
        "judicial-cooperation",
        "Council conclusions on the topic are submitted",
        "JHA Council",
        "in June 2024",
    ),
    DeliverableSpec(
        "judicial-cooperation",
        "Further work is needed to implement the Conclusions",
        "Member States, the Commission and relevant EU stakeholders (Eurojust, Europol, EJM, EPPO)",
        span="Further work is needed to implement the Conclusions, which will require the involvement "
        "of Member States, the Commission and relevant EU stakeholders (Eurojust, Europol, EJM, EPPO), "
        "in accordance with their tasks and competence.",
    ),
)
