"""French typography leaves English quoted in French alone, and URLs, times and ratios as typed.

The sentences are the kind the demo seeds hold: French source lines citing an English document by its title,
agenda lines with times, references with URLs.
"""

from __future__ import annotations

import random

import pytest

from briefing.i18n.typography import NARROW_NBSP, NBSP, french

N = NARROW_NBSP
B = NBSP


@pytest.mark.parametrize(
    ("typed", "rendered"),
    [
        (
            "Article d’actualité d’eucrim « Belgian Council Presidency: Better Fight against Organised Crime and "
            "Drug Trafficking », 2024, vol. 19(1) eucrim, p. 30 – 31",
            f"Article d’actualité d’eucrim «{N}Belgian Council Presidency: Better Fight against Organised Crime "
            f"and Drug Trafficking{N}», 2024, vol. 19(1) eucrim, p. 30 – 31",
        ),
        (
            "Source : “Council conclusions: a new approach to ports security”, ST 10270/24",
            f"Source{B}: “Council conclusions: a new approach to ports security”, ST 10270/24",
        ),
        (
            'Voir la feuille de route "EU Roadmap: fighting drug trafficking and organised crime" (2023).',
            f"Voir la feuille de route «{N}EU Roadmap: fighting drug trafficking and organised crime{N}» (2023).",
        ),
        (
            "Réf. : « European Ports Alliance: Public Private Partnership » ; voir aussi l’annexe.",
            f"Réf.{B}: «{N}European Ports Alliance: Public Private Partnership{N}»{N}; voir aussi l’annexe.",
        ),
        (
            "Le rapport « What next for Schengen? » sera présenté ; questions ?",
            f"Le rapport «{N}What next for Schengen?{N}» sera présenté{N}; questions{N}?",
        ),
        (
            "Communiqué « Europe's ports: a shared responsibility », 11 juin 2018",
            f"Communiqué «{N}Europe’s ports: a shared responsibility{N}», 11 juin 2018",
        ),
    ],
)
def test_english_quoted_in_french_keeps_its_own_punctuation(typed: str, rendered: str) -> None:
    assert french(typed) == rendered
    assert french(rendered) == rendered


@pytest.mark.parametrize(
    ("typed", "rendered"),
    [
        (
            "Lutte contre le trafic de drogue et la criminalité organisée: rapport sur l’état d’avancement",
            f"Lutte contre le trafic de drogue et la criminalité organisée{B}: rapport sur l’état d’avancement",
        ),
        (
            "Le document « L’Alliance européenne des ports: partenariat public-privé » a été adopté.",
            f"Le document «{N}L’Alliance européenne des ports{B}: partenariat public-privé{N}» a été adopté.",
        ),
        (
            "Il a répondu « Pourquoi pas? » puis « non: jamais ».",
            f"Il a répondu «{N}Pourquoi pas{N}?{N}» puis «{N}non{B}: jamais{N}».",
        ),
        (
            "Le « briefing: synthèse » du ministre",
            f"Le «{N}briefing{B}: synthèse{N}» du ministre",
        ),
        (
            "Conclusions “sur la sécurité: les ports” du Conseil",
            f"Conclusions “sur la sécurité{B}: les ports” du Conseil",
        ),
    ],
)
def test_french_quoted_in_french_is_spaced_as_french(typed: str, rendered: str) -> None:
    assert french(typed) == rendered


@pytest.mark.parametrize(
    "typed",
    [
        "Ouverture de la session à 10:30, pause de 12:00 à 13:30.",
        "Réunion 10:30–12:00 (heure de Bruxelles)",
        "Vote acquis par 15:12 ; majorité qualifiée 55:65.",
        "Rapport de proportion 3:2 entre les contributions.",
        "Texte : https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32024R1234 (JO L, 2024).",
        "Voir eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32024R1234 : règlement.",
        "Voir https://www.consilium.europa.eu/fr/press/press-releases/2024/06/13/ : communiqué.",
        "Écrire à secretariat.jai@consilium.europa.eu ; réponse sous 48 h.",
        "Le fichier C:\\Briefings\\JAI\\note.docx : version finale.",
    ],
)
def test_urls_times_and_ratios_are_left_as_typed(typed: str) -> None:
    rendered = french(typed)
    for protected in (
        "10:30",
        "12:00",
        "13:30",
        "15:12",
        "55:65",
        "3:2",
        "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32024R1234",
        "eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32024R1234",
        "https://www.consilium.europa.eu/fr/press/press-releases/2024/06/13/",
        "secretariat.jai@consilium.europa.eu",
        "C:\\Briefings\\JAI\\note.docx",
    ):
        if protected in typed:
            assert protected in rendered, protected
    # the sentence's own punctuation is still French
    assert " :" not in rendered and " ;" not in rendered
    assert french(rendered) == rendered


def test_url_and_time_inside_an_english_quotation() -> None:
    typed = "« Agenda: opening at 10:30, see https://example.eu/a?b=c » ; fin."
    assert french(typed) == f"«{N}Agenda: opening at 10:30, see https://example.eu/a?b=c{N}»{N}; fin."


_ATOMS = [
    "«",
    "»",
    "“",
    "”",
    '"',
    " ",
    "the",
    "of",
    "Ports",
    "Alliance",
    "le",
    "des",
    ":",
    "?",
    ";",
    "'s",
    "x",
]


def _skeleton(text: str) -> str:
    """``text`` without spaces, guillemets read as straight quotes, typographic apostrophes as straight ones."""
    kept = "".join(char for char in text if not char.isspace())
    return kept.replace("«", '"').replace("»", '"').replace("’", "'")


def test_idempotent_and_only_spacing_changes_with_quotations() -> None:
    rng = random.Random(20180611)
    for _ in range(10_000):
        sample = "".join(rng.choice(_ATOMS) for _ in range(rng.randint(0, 14)))
        once = french(sample)
        assert french(once) == once, sample
        assert _skeleton(once) == _skeleton(sample), sample
