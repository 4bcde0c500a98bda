"""The demo library's seed documents, read into clean paragraphs and structure (no Qt, no database).

Five public documents make the demo library (shipped in ``briefing.resources.seeds``, see
:mod:`~briefing.interchange.demo.seeds.files`): the Belgian Presidency's Home Affairs programme in English
(000) and in French (001, a PDF extraction), the Council progress report ST 10270/24 on drug trafficking and
organised crime (002), a eucrim news item on the JHA Councils of March and June 2024 (003) and the joint
communiqué of the Franco-Belgian meeting Val Duchesse II of 11 June 2018 (004).

The documents are fixed seed material, so their structure is named explicitly rather than guessed: the
programme's headings in both languages (:mod:`~briefing.interchange.demo.seeds.programme_headings`), the
Council note's section headings (:mod:`~briefing.interchange.demo.seeds.council_note`) and the follow-up
actions it gives (:mod:`~briefing.interchange.demo.seeds.council_note_deliverables`). Everything the parsers
return is taken from the text; where a module infers something (a section start without a heading in the
source, a country read from word order) the result says so.

The modules:

* :mod:`~briefing.interchange.demo.seeds.files`: the seed file names and :func:`read_seed`.
* :mod:`~briefing.interchange.demo.seeds.cleanup`: the clean-up rules every parser shares;
  :mod:`~briefing.interchange.demo.seeds.markdown_text` and :mod:`~briefing.interchange.demo.seeds.pdf_text`
  turn Markdown-like text and a PDF extraction into paragraphs.
* :mod:`~briefing.interchange.demo.seeds.programme` reads the programme into sections and
  :mod:`~briefing.interchange.demo.seeds.alignment` pairs its paragraphs EN↔FR.
* :mod:`~briefing.interchange.demo.seeds.sentences` and :mod:`~briefing.interchange.demo.seeds.deadlines`:
  sentences of a paragraph, and the date a time phrase gives.
* :mod:`~briefing.interchange.demo.seeds.council_note`, :mod:`~briefing.interchange.demo.seeds.news_item` and
  :mod:`~briefing.interchange.demo.seeds.communique`: one document each.
"""

from briefing.interchange.demo.seeds.alignment import (
    AlignedPair,
    AlignmentMethod,
    AlignmentReport,
    SectionAlignment,
    align_programme,
)
from briefing.interchange.demo.seeds.cleanup import (
    BlockKind,
    join_broken_paragraphs,
    normalise_spaces,
    strip_emphasis,
    strip_links,
)
from briefing.interchange.demo.seeds.communique import (
    Commitment,
    CommitmentKind,
    Communique,
    CommuniqueTheme,
    Participant,
    load_communique,
    parse_communique,
)
from briefing.interchange.demo.seeds.council_note import (
    COUNCIL_NOTE_REFERENCE,
    COUNCIL_NOTE_SECTION_KEYS,
    CouncilNote,
    CouncilNoteMetadata,
    Deliverable,
    Footnote,
    NoteSection,
    council_note_deliverables,
    load_council_note,
    parse_council_note,
)
from briefing.interchange.demo.seeds.deadlines import parse_deadline
from briefing.interchange.demo.seeds.files import (
    COMMUNIQUE,
    COUNCIL_NOTE,
    NEWS_ITEM,
    PROGRAMME_EN,
    PROGRAMME_FR,
    SEED_NAMES,
    read_seed,
)
from briefing.interchange.demo.seeds.markdown_text import clean_markdownish_text
from briefing.interchange.demo.seeds.news_item import NewsItem, load_news_item, parse_news_item
from briefing.interchange.demo.seeds.pdf_text import clean_pdf_text
from briefing.interchange.demo.seeds.programme import (
    Language,
    Programme,
    ProgrammeSection,
    load_programme,
    parse_programme,
)
from briefing.interchange.demo.seeds.programme_headings import (
    ENGLISH_PROGRAMME_HEADINGS,
    FRENCH_PROGRAMME_HEADINGS,
    PROGRAMME_SECTION_KEYS,
)
from briefing.interchange.demo.seeds.sentences import split_sentences

__all__ = [
    "COMMUNIQUE",
    "COUNCIL_NOTE",
    "COUNCIL_NOTE_REFERENCE",
    "COUNCIL_NOTE_SECTION_KEYS",
    "ENGLISH_PROGRAMME_HEADINGS",
    "FRENCH_PROGRAMME_HEADINGS",
    "NEWS_ITEM",
    "PROGRAMME_EN",
    "PROGRAMME_FR",
    "PROGRAMME_SECTION_KEYS",
    "SEED_NAMES",
    "AlignedPair",
    "AlignmentMethod",
    "AlignmentReport",
    "BlockKind",
    "Commitment",
    "CommitmentKind",
    "Communique",
    "CommuniqueTheme",
    "CouncilNote",
    "CouncilNoteMetadata",
    "Deliverable",
    "Footnote",
    "Language",
    "NewsItem",
    "NoteSection",
    "Participant",
    "Programme",
    "ProgrammeSection",
    "SectionAlignment",
    "align_programme",
    "clean_markdownish_text",
    "clean_pdf_text",
    "council_note_deliverables",
    "join_broken_paragraphs",
    "load_communique",
    "load_council_note",
    "load_news_item",
    "load_programme",
    "normalise_spaces",
    "parse_communique",
    "parse_council_note",
    "parse_deadline",
    "parse_news_item",
    "parse_programme",
    "read_seed",
    "split_sentences",
    "strip_emphasis",
    "strip_links",
]
