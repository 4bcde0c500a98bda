"""Documents as people make them in Word, read into topics, typed items and actions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from briefing.interchange.word_import import read_docx
from briefing.interchange.word_import.structure import Brief, ImportedTopic
from briefing.model import ActionStatus, ItemKind, Marking
from tests.interchange.word_import.wordml import p, r, style, table, write_docx


def topic(brief: Brief, title: str) -> ImportedTopic:
    found = [t for t in brief.topics if title in t.title.values()]
    assert found, [t.title for t in brief.topics]
    return found[0]


def bodies(found: ImportedTopic, kind: ItemKind, lang: str = "en") -> list[str]:
    return [item.body.get(lang, "") for item in found.items if item.kind is kind]


def test_word_styles_bullets_numbered_lists_and_loose_slot_headings(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Briefing for the Minister", style="Title")
    document.add_heading("Migration pact", level=1)
    document.add_heading("1. Lines to take:", level=2)
    document.add_paragraph("We support the pact.", style="List Bullet")
    document.add_paragraph("Solidarity must be mandatory.", style="List Bullet")
    document.add_heading("B) BACKGROUND", level=2)
    document.add_paragraph("The pact was agreed in 2023.")
    document.add_paragraph("Implementation starts in 2026.")
    document.add_heading("Key facts", level=2)
    document.add_paragraph("27 Member States", style="List Number")
    document.add_paragraph("10 legal acts", style="List Number")
    document.add_heading("If asked", level=2)
    document.add_paragraph("Will Belgium apply the pact on time?")
    document.add_paragraph("Yes, the plan is ready.")
    document.add_paragraph("Q: And the costs?")
    document.add_paragraph("A: They are in the budget.")
    document.add_heading("Counterpart’s position", level=2)
    document.add_paragraph("They want more flexibility.")
    document.add_heading("Ports", level=1)
    document.add_paragraph("An untitled paragraph.")
    document.add_heading("Press lines", level=2)
    document.add_paragraph("Ports are safer.")
    path = tmp_path / "brief.docx"
    document.save(str(path))

    brief = read_docx(path, "en")

    assert [t.title for t in brief.topics] == [{"en": "Migration pact"}, {"en": "Ports"}]
    pact = topic(brief, "Migration pact")
    assert bodies(pact, ItemKind.LINE_TO_TAKE) == ["We support the pact.", "Solidarity must be mandatory."]
    assert bodies(pact, ItemKind.BACKGROUND) == [
        "The pact was agreed in 2023.",
        "Implementation starts in 2026.",
    ]
    assert bodies(pact, ItemKind.KEY_FACT) == ["27 Member States", "10 legal acts"]
    assert bodies(pact, ItemKind.COUNTERPART_POSITION) == ["They want more flexibility."]
    qa = [(i.question, i.answer) for i in pact.items if i.kind is ItemKind.QA]
    assert qa == [
        ({"en": "Will Belgium apply the pact on time?"}, {"en": "Yes, the plan is ready."}),
        ({"en": "And the costs?"}, {"en": "They are in the budget."}),
    ]
    ports = topic(brief, "Ports")
    assert bodies(ports, ItemKind.BACKGROUND) == ["An untitled paragraph."]
    assert bodies(ports, ItemKind.PRESS_LINE) == ["Ports are safer."]
    assert brief.unrecognised == 1
    assert brief.skipped["cover"] == 1


FRENCH_STYLES = (
    style("Normal", "Normal")
    + style("Titre1", "Titre 1", based_on="Normal")
    + style("berschrift2", "Überschrift 2", based_on="Normal")
    + style("Rubrique", "Rubrique maison", outline=1, based_on="Normal")
)


def test_localised_heading_style_names_and_style_outline_levels(tmp_path: Path) -> None:
    body = (
        p("Sécurité des ports", style="Titre1")
        + p("Éléments de langage", style="berschrift2")
        + p("Nous soutenons l’alliance des ports.")
        + p("Contexte :", style="Rubrique")
        + p("L’alliance a été lancée en 2024.")
        + p("Faits et chiffres", style="berschrift2")
        + p("Anvers est le deuxième port d’Europe.")
        + p("Ports secs", style="berschrift1")  # a style id without its style in styles.xml
        + p("Contexte")
        + p("Liège est un port sec.")
    )
    path = write_docx(tmp_path / "fr.docx", body, styles=FRENCH_STYLES)

    brief = read_docx(path, "fr")

    ports = topic(brief, "Sécurité des ports")
    assert bodies(ports, ItemKind.LINE_TO_TAKE, "fr") == ["Nous soutenons l’alliance des ports."]
    assert bodies(ports, ItemKind.BACKGROUND, "fr") == ["L’alliance a été lancée en 2024."]
    assert bodies(ports, ItemKind.KEY_FACT, "fr") == ["Anvers est le deuxième port d’Europe."]
    # "Contexte" typed as a plain paragraph still names the slot
    assert bodies(topic(brief, "Ports secs"), ItemKind.BACKGROUND, "fr") == ["Liège est un port sec."]
    assert brief.languages == ("fr",)
    assert brief.unrecognised == 0


def test_outline_levels_on_paragraphs_without_heading_styles(tmp_path: Path) -> None:
    body = (
        p("Justice", outline=0)
        + p("Cybercrime", outline=1)
        + p("Objective", outline=2)
        + p("Agree the conclusions.")
        + p("Si la question est posée", outline=2)
        + p("When? In June.")
        + p("Border checks", outline=1)
        + p("Lines to take", outline=2)
        + p("Checks stay temporary.")
    )
    path = write_docx(tmp_path / "outline.docx", body)

    brief = read_docx(path, "en")

    assert [t.title["en"] for t in brief.topics] == ["Cybercrime", "Border checks"]
    cyber = topic(brief, "Cybercrime")
    assert bodies(cyber, ItemKind.OBJECTIVE) == ["Agree the conclusions."]
    assert [i.question for i in cyber.items if i.kind is ItemKind.QA] == [{"en": "When? In June."}]
    assert bodies(topic(brief, "Border checks"), ItemKind.LINE_TO_TAKE) == ["Checks stay temporary."]
    assert brief.skipped["grouping"] == 1


NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%2)"/></w:lvl>'
    "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
)


def test_nested_lists_from_numbering_part_stay_with_their_parent(tmp_path: Path) -> None:
    body = (
        p("Terrorism", style="Heading1")
        + p("Lines to take", style="Heading2")
        + p("Three priorities:", num=(1, 0))
        + p("prevention", num=(1, 1))
        + p("prosecution", num=(1, 1))
        + p("Victims come first.", num=(1, 0))
        + p("Key facts", style="Heading2")
        + p("Two attacks in 2023", num=(2, 0))
        + p("one foiled", num=(2, 1))
    )
    styles = style("Heading1", "heading 1") + style("Heading2", "heading 2")
    path = write_docx(tmp_path / "lists.docx", body, styles=styles, numbering=NUMBERING)

    brief = read_docx(path, "en")

    terrorism = topic(brief, "Terrorism")
    assert bodies(terrorism, ItemKind.LINE_TO_TAKE) == [
        "Three priorities:\n(i) prevention\n(ii) prosecution",
        "Victims come first.",
    ]
    assert bodies(terrorism, ItemKind.KEY_FACT) == ["Two attacks in 2023\n– one foiled"]


def test_tracked_changes_fields_and_text_boxes_read_as_shown(tmp_path: Path) -> None:
    tracked = (
        r("The Council ")
        + '<w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve">adopted </w:t></w:r></w:ins>'
        + '<w:del w:id="2" w:author="A"><w:r><w:delText xml:space="preserve">rejected </w:delText></w:r></w:del>'
        + '<w:moveFrom w:id="3" w:author="A"><w:r><w:t>moved away</w:t></w:r></w:moveFrom>'
        + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden text </w:t></w:r>"
        + r("the text.")
    )
    field = (
        r("Deadline: ")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "d MMMM yyyy" </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>13 June 2024</w:t></w:r>'
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t xml:space="preserve"> (3 pages)</w:t></w:r></w:fldSimple>'
    )
    box = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>'
        + p("Boxed fact: 12 ports.")
        + "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
        + "<v:textbox><w:txbxContent>"
        + p("Boxed fact: 12 ports.")
        + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    body = (
        p("Ports", style="Heading1")
        + p("Key facts", style="Heading2")
        + p(runs=tracked)
        + p(runs=field)
        + p(runs=r("Anchor paragraph.") + box)
    )
    styles = style("Heading1", "heading 1") + style("Heading2", "heading 2")
    path = write_docx(tmp_path / "shown.docx", body, styles=styles)

    brief = read_docx(path, "en")

    assert bodies(topic(brief, "Ports"), ItemKind.KEY_FACT) == [
        "The Council adopted the text.",
        "Deadline: 13 June 2024 (3 pages)",
        "Anchor paragraph.",
        "Boxed fact: 12 ports.",
    ]


def test_tables_actions_with_dates_facts_and_two_languages(tmp_path: Path) -> None:
    body = (
        p("Schengen", style="Heading1")
        + p("Faits et chiffres", style="Heading2")
        + table([["Membres", "29"], ["Frontières", "50 000 km"]])
        + p("Lines to take", style="Heading2")
        + table([["English", "Français"], ["Schengen works.", "Schengen fonctionne."]])
        + p("Actions", style="Heading2")
        + table(
            [
                ["Action", "Responsable", "Échéance", "Statut"],
                ["Report to COSI", "Presidency", "1er juillet 2024", "En cours"],
                ["Draft conclusions", "Council", "2024-09-30", ""],
                ["Brief the press", "", "12/10/2024", "Done"],
                ["Consult partners", "Commission", "to be decided", "Open"],
            ]
        )
    )
    styles = style("Heading1", "heading 1") + style("Heading2", "heading 2")
    path = write_docx(tmp_path / "tables.docx", body, styles=styles)

    brief = read_docx(path, "fr")

    schengen = topic(brief, "Schengen")
    assert bodies(schengen, ItemKind.KEY_FACT, "fr") == ["Membres — 29", "Frontières — 50 000 km"]
    assert [i.body for i in schengen.items if i.kind is ItemKind.LINE_TO_TAKE] == [
        {"en": "Schengen works.", "fr": "Schengen fonctionne."}
    ]
    actions = [(a.text, a.owner, a.deadline, a.status) for a in schengen.actions]
    assert actions == [
        ({"fr": "Report to COSI"}, "Presidency", dt.date(2024, 7, 1), ActionStatus.IN_PROGRESS),
        ({"fr": "Draft conclusions"}, "Council", dt.date(2024, 9, 30), ActionStatus.OPEN),
        ({"fr": "Brief the press"}, None, dt.date(2024, 10, 12), ActionStatus.DONE),
        ({"fr": "Consult partners"}, "Commission", None, ActionStatus.OPEN),
    ]
    assert brief.languages == ("en", "fr")


def test_markings_from_headers_and_flags_and_furniture_left_out(tmp_path: Path) -> None:
    toc = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \\o "1-2" \\h</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:hyperlink w:anchor="_t1"><w:r><w:t>Data retention</w:t></w:r></w:hyperlink></w:p>'
        '<w:p><w:hyperlink w:anchor="_t2"><w:r><w:t>Encryption</w:t></w:r></w:hyperlink>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    body = (
        p("Note for the Minister")
        + p("RESTREINT UE/EU RESTRICTED")
        + toc
        + p("Data retention", style="Heading1")
        + p("Lines to take", style="Heading2")
        + p(
            runs=r("[LIMITE] ", style="Flag")
            + r("[Not for use with the counterpart] ")
            + r("Keep it internal.")
        )
        + p("Encryption", style="Heading1")
        + p("Background", style="Heading2")
        + p("[SECRET UE/EU SECRET] Lawful access is debated.")
        + p("Contents", style="Heading1")
        + p("Data retention")
    )
    styles = (
        style("Heading1", "heading 1")
        + style("Heading2", "heading 2")
        + style("Flag", "Flag", kind="character")
    )
    header = p("CONFIDENTIEL UE/EU CONFIDENTIAL")
    path = write_docx(tmp_path / "marked.docx", body, styles=styles, header=header)

    brief = read_docx(path, "en")

    assert [t.title["en"] for t in brief.topics] == ["Data retention", "Encryption"]
    retention, encryption = brief.topics
    item = retention.items[0]
    assert (item.body, item.marking, item.internal) == ({"en": "Keep it internal."}, Marking.LIMITE, True)
    assert encryption.items[0].marking is Marking.SECRET_UE
    # the item flags reach above the header's marking, so it says nothing more about the topics
    assert brief.marking is Marking.CONFIDENTIEL_UE
    assert brief.skipped["contents"] == 2
    assert brief.skipped["annex"] == 2


def test_header_marking_becomes_the_marking_of_every_topic(tmp_path: Path) -> None:
    body = p("Ports", style="Heading1") + p("Antwerp is busy.") + p("Drugs", style="Heading1") + p("Cocaine.")
    path = write_docx(
        tmp_path / "h.docx",
        body,
        styles=style("Heading1", "heading 1"),
        header=p("RESTREINT UE/EU RESTRICTED"),
    )

    brief = read_docx(path, "en")

    assert [t.marking for t in brief.topics] == [Marking.RESTREINT_UE, Marking.RESTREINT_UE]
    assert brief.unrecognised == 2


def test_a_document_without_headings_is_one_topic_named_after_the_file(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("First point.")
    document.add_paragraph("Second point.")
    path = tmp_path / "Note on ports.docx"
    document.save(str(path))

    brief = read_docx(path, "en")

    assert [t.title for t in brief.topics] == [{"en": "Note on ports"}]
    assert bodies(brief.topics[0], ItemKind.BACKGROUND) == ["First point.", "Second point."]
    assert brief.unrecognised == 2


@pytest.mark.parametrize("lang", ["de", "EN"])
def test_an_unknown_language_is_refused(tmp_path: Path, lang: str) -> None:
    from briefing.errors import BriefingError

    path = write_docx(tmp_path / "x.docx", p("Text"))
    with pytest.raises(BriefingError, match="use en or fr"):
        read_docx(path, lang)


def test_a_tracker_in_an_annex_gives_actions_to_the_topics_it_names(tmp_path: Path) -> None:
    body = (
        p("Ports", style="Heading1")
        + p("Lines to take", style="Heading2")
        + p("Ports matter.")
        + p("Drugs", style="Heading1")
        + p("Key facts", style="Heading2")
        + p("Cocaine seizures doubled.")
        + p("Follow-up actions / Actions de suivi", style="Heading1")
        + table(
            [
                ["Action", "Topic / Sujet", "Owner / Responsable", "Deadline / Échéance", "Status / Statut"],
                ["Visit Antwerp", "Ports", "Cabinet", "30 June 2024 (Overdue)", "In progress\nEn cours"],
                ["Report on seizures", "Drugs / Drogues", "Customs\nDouanes", "", "Open"],
                ["Brief the press", "", "Spokesperson", "1 July 2024", "Open"],
            ]
        )
    )
    styles = style("Heading1", "heading 1") + style("Heading2", "heading 2")
    path = write_docx(tmp_path / "tracker.docx", body, styles=styles)

    brief = read_docx(path, "en")

    ports, drugs = brief.topics
    assert [(a.text, a.owner, a.deadline, a.status) for a in ports.actions] == [
        ({"en": "Visit Antwerp"}, "Cabinet", dt.date(2024, 6, 30), ActionStatus.IN_PROGRESS)
    ]
    assert [(a.text, a.owner) for a in drugs.actions] == [({"en": "Report on seizures"}, "Customs")]
    assert [(a.text, a.deadline) for a in brief.unattached_actions] == [
        ({"en": "Brief the press"}, dt.date(2024, 7, 1))
    ]


def test_contents_made_of_links_with_page_references_are_left_out(tmp_path: Path) -> None:
    def entry(title: str, anchor: str, page: int) -> str:
        link = f'<w:hyperlink w:anchor="{anchor}">{r(title)}<w:r><w:tab/></w:r>'
        field = (
            f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF {anchor} \\h </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{page}</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )
        return p(runs=link + field + "</w:hyperlink>")

    body = (
        p("Briefing pack")
        + p("Justice and Home Affairs Council")
        + p("13–14 June 2024")
        + table([["Version", "3"], ["Marking", "LIMITE"]])
        + p("Contents", outline=9)
        + entry("Agenda item 1 — Ports", "_s1", 3)
        + entry("Agenda item 2 — Drugs", "_s2", 5)
        + p("Agenda item 1 — Ports", style="Heading1")
        + p(runs=r("Topic\t") + r("Port security"))
        + p("Lines to take", style="Heading2")
        + p("Ports matter.")
        + p("Agenda item 2 — Drugs", style="Heading1")
        + p(runs=r("Topic\t") + r("Drug trafficking"))
        + p("Key facts", style="Heading2")
        + p("[LIMITE] Cocaine seizures doubled.")
    )
    styles = style("Heading1", "heading 1") + style("Heading2", "heading 2")
    path = write_docx(tmp_path / "pack.docx", body, styles=styles)

    brief = read_docx(path, "en")

    assert [t.title for t in brief.topics] == [{"en": "Port security"}, {"en": "Drug trafficking"}]
    assert bodies(brief.topics[0], ItemKind.LINE_TO_TAKE) == ["Ports matter."]
    assert [(i.body, i.marking) for i in brief.topics[1].items] == [
        ({"en": "Cocaine seizures doubled."}, Marking.LIMITE)
    ]
    assert brief.topics[0].marking is None  # the cover's LIMITE is the drugs item's
    assert brief.skipped["contents"] == 2 and brief.unrecognised == 0


def cells(*rows: list[list[str]]) -> str:
    """A table whose cells hold one paragraph per line given; a row of one cell spans the table."""
    body = ""
    for row in rows:
        span = '<w:tcPr><w:gridSpan w:val="3"/></w:tcPr>' if len(row) == 1 else ""
        body += "<w:tr>" + "".join(f"<w:tc>{span}{''.join(p(line) for line in cell)}</w:tc>" for cell in row)
        body += "</w:tr>"
    return f"<w:tbl>{body}</w:tbl>"


def test_a_tracker_grouped_by_agenda_item_with_deadline_and_status_in_one_column(tmp_path: Path) -> None:
    link = '<w:hyperlink w:anchor="actions">' + r("2 follow-up actions: see “Follow-up actions”, page ")
    pageref = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF actions \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>4</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>'
    )
    body = (
        p("Agenda item 1 — Ports", style="Heading1")
        + p(runs=r("Topic\t") + r("Port security"))
        + p("Lines to take", style="Heading2")
        + p("Ports matter.")
        + p(runs=link + pageref)
        + p("Agenda item 2 — Drugs", style="Heading1")
        + p(runs=r("Topic\t") + r("Drug trafficking"))
        + p("Key facts", style="Heading2")
        + p("Cocaine seizures doubled.")
        + p("Follow-up actions", style="Heading1")
        + p("Listed by agenda item, earliest deadline first. Overdue: the deadline has passed.")
        + cells(
            [["Action"], ["Owner"], ["Deadline", "Status"]],
            [["Agenda item 1 — Ports"]],
            [["Visit Antwerp"], ["Cabinet"], ["30 June 2024", "In progress", "Overdue"]],
            [["Audit the terminals"], ["Customs"], ["Open"]],
            [["Agenda item 2 — Drugs"]],
            [["Report on seizures"], ["Europol"], ["31 March 2025", "Done"]],
        )
        + p("Source: ST 10270/24")
    )
    styles = style("Heading1", "heading 1") + style("Heading2", "heading 2")
    path = write_docx(tmp_path / "tracker.docx", body, styles=styles)

    brief = read_docx(path, "en")

    ports, drugs = brief.topics
    assert [item.body for item in ports.items] == [{"en": "Ports matter."}]
    assert [(a.text, a.owner, a.deadline, a.status, a.source) for a in ports.actions] == [
        ({"en": "Visit Antwerp"}, "Cabinet", dt.date(2024, 6, 30), ActionStatus.IN_PROGRESS, "ST 10270/24"),
        ({"en": "Audit the terminals"}, "Customs", None, ActionStatus.OPEN, "ST 10270/24"),
    ]
    assert [(a.text, a.deadline, a.status) for a in drugs.actions] == [
        ({"en": "Report on seizures"}, dt.date(2025, 3, 31), ActionStatus.DONE)
    ]
    assert brief.unattached_actions == [] and brief.unrecognised == 0
    assert brief.skipped["grouping"] == 2


def test_a_slot_heading_opening_the_first_row_of_an_interpreters_table(tmp_path: Path) -> None:
    body = p("Ports", style="Heading1") + cells(
        [["English"], ["Français"]],
        [["Lines to take", "Ports matter."], ["Éléments de langage", "Les ports comptent."]],
        [["Security first."], ["La sécurité d’abord."]],
        [["Background", "Antwerp is the largest port."], ["Contexte", "Anvers est le plus grand port."]],
    )
    path = write_docx(tmp_path / "interpreter.docx", body, styles=style("Heading1", "heading 1"))

    brief = read_docx(path, "en")

    assert [(item.kind, item.body) for item in topic(brief, "Ports").items] == [
        (ItemKind.LINE_TO_TAKE, {"en": "Ports matter.", "fr": "Les ports comptent."}),
        (ItemKind.LINE_TO_TAKE, {"en": "Security first.", "fr": "La sécurité d’abord."}),
        (ItemKind.BACKGROUND, {"en": "Antwerp is the largest port.", "fr": "Anvers est le plus grand port."}),
    ]
    assert brief.unrecognised == 0
