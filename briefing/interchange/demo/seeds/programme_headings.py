"""The Home Affairs programme's section headings in English and French, with the key both languages share.

The programme is fixed seed material, so its headings are named here rather than guessed from the text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProgrammeHeading:
    """A section heading in both languages; ``parent`` is the key of the chapter a subsection is part of."""

    key: str
    parent: str | None
    en: str
    fr: str


PROGRAMME_HEADINGS = (
    ProgrammeHeading("introduction", None, "Introduction", "Introduction"),
    ProgrammeHeading(
        "asylum-migration",
        None,
        "Towards a more fair and efficient asylum and migration system",
        "Un système d'asile et de migration plus juste et plus efficace",
    ),
    ProgrammeHeading(
        "schengen", None, "Consolidate Schengen governance", "Consolidation de la gouvernance Schengen"
    ),
    ProgrammeHeading(
        "internal-security",
        None,
        "Ensure a high level of internal security",
        "Garantir un haut niveau de sécurité intérieure",
    ),
    ProgrammeHeading("organised-crime", "internal-security", "Organised crime", "Crime organisé"),
    ProgrammeHeading("terrorism", "internal-security", "Terrorism", "Terrorisme"),
    ProgrammeHeading(
        "information-exchange", "internal-security", "Information exchange", "Échange d'informations"
    ),
    ProgrammeHeading(
        "crime-prevention", "internal-security", "Crime Prevention", "Prévention de la criminalité"
    ),
    ProgrammeHeading(
        "crisis-management",
        None,
        "Reinforce capacities to prevent, prepare for and respond to crisis and disasters",
        "Renforcement des capacités visant à prévenir les crises et les désastres, "
        "à s'y préparer et à y répondre",
    ),
    ProgrammeHeading("conclusion", None, "Conclusion", "Conclusion"),
)

PROGRAMME_SECTION_KEYS = tuple(heading.key for heading in PROGRAMME_HEADINGS)
ENGLISH_PROGRAMME_HEADINGS = tuple(heading.en for heading in PROGRAMME_HEADINGS)
FRENCH_PROGRAMME_HEADINGS = tuple(heading.fr for heading in PROGRAMME_HEADINGS)
